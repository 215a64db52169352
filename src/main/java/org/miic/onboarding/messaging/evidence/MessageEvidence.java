package org.miic.onboarding.messaging.evidence;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.miic.onboarding.onboarding.TestEvidenceProvider;
import org.miic.onboarding.onboarding.TestingPhase;
import org.springframework.stereotype.Component;

/**
 * The evidence in the step-3 and step-4 task forms: for the task's phase the messages received, accepted and
 * rejected, the most frequent findings, the scenarios covered, and the go-live criteria over the latest messages.
 */
@Component
public class MessageEvidence implements TestEvidenceProvider {

  private final TestMessageRepository messages;
  private final GoLiveCriteria criteria;
  private final ReportLinks reports;

  public MessageEvidence(TestMessageRepository messages, GoLiveCriteria criteria, ReportLinks reports) {
    this.messages = messages;
    this.criteria = criteria;
    this.reports = reports;
  }

  /** The request's messages, newest first. */
  public List<TestMessage> messages(long requestId) {
    return messages.forRequest(requestId, 500);
  }

  /** The go-live criteria over the request's step-3 test messages (never production traffic). */
  public GoLiveCriteria.Verdict verdict(long requestId) {
    return criteria.evaluate(messages(requestId).stream().filter(m -> STEP_3.contains(m.phase())).toList());
  }

  /** The phases of step 3: their evidence is test traffic only. */
  private static final Set<TestingPhase> STEP_3 = EnumSet.of(TestingPhase.QUEUE, TestingPhase.TRANSPORT, TestingPhase.FORMAT,
      TestingPhase.CONTENT);

  /**
   * The messages a phase's evidence may draw on beyond the phase itself (scenarios covered, go-live criteria): step 3
   * draws on step-3 test traffic, production data quality on production traffic alone, test messages after go-live
   * on themselves. PRODUCTION-credential messages never count as step-3 evidence, and TEST-credential messages after
   * go-live never as production data quality (issue 7, item 2).
   */
  private static boolean sameTrack(TestingPhase phase, TestingPhase of) {
    return STEP_3.contains(phase) ? STEP_3.contains(of) : phase == of;
  }

  /** "Message content validation (QA)" within a sentence: "message content validation (QA)", not "(qa)". */
  static String inSentence(String label) {
    return label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
  }

  @Override
  public int messageCount(long requestId, TestingPhase phase) {
    return messages.count(requestId, phase);
  }

  @Override
  public String evidenceMarkdown(long requestId, TestingPhase phase) {
    List<TestMessage> all = messages(requestId).stream().filter(m -> sameTrack(phase, m.phase())).toList();
    List<TestMessage> inPhase = all.stream().filter(m -> m.phase() == phase).toList();
    StringBuilder md = new StringBuilder();
    if (inPhase.isEmpty()) {
      md.append("No message received yet during ").append(inSentence(phase.label())).append(".\n\n");
    } else {
      long aa = inPhase.stream().filter(m -> "AA".equals(m.ackCode())).count();
      long ae = inPhase.stream().filter(m -> "AE".equals(m.ackCode())).count();
      long ar = inPhase.stream().filter(m -> "AR".equals(m.ackCode())).count();
      md.append("**").append(inPhase.size()).append(inPhase.size() == 1 ? " message" : " messages").append("** during ")
          .append(inSentence(phase.label())).append(": ").append(aa).append(" accepted (AA), ").append(ae)
          .append(" accepted with errors (AE), ").append(ar).append(" rejected (AR). Latest: ").append(org.miic.onboarding.common.LocalTimes.format(inPhase.get(0).receivedAt()))
          .append(".\n\n");
      Map<String, Long> frequent = inPhase.stream().flatMap(m -> m.findings().stream())
          .collect(Collectors.groupingBy(f -> f.rule() + " " + f.severity().toLowerCase(java.util.Locale.ROOT) + ": "
              + QUOTED.matcher(f.text()).replaceAll("…"), Collectors.counting()));
      if (!frequent.isEmpty()) {
        md.append("Most frequent findings (errors first):\n\n");
        frequent.entrySet().stream()
            .sorted(Comparator.<Map.Entry<String, Long>>comparingInt(e -> severityRank(e.getKey()))
                .thenComparing(Map.Entry.<String, Long>comparingByValue().reversed()).thenComparing(Map.Entry.comparingByKey()))
            .limit(5).forEach(e -> md.append("- ").append(e.getValue()).append(" × ").append(e.getKey()).append('\n'));
        md.append('\n');
      }
    }
    Set<Scenario> covered = EnumSet.noneOf(Scenario.class);
    all.stream().limit(criteria.window()).forEach(m -> covered.addAll(m.scenarios()));
    Map<String, Boolean> scenarios = new LinkedHashMap<>();
    for (Scenario s : Scenario.values()) {
      scenarios.put(s.label(), covered.contains(s));
    }
    md.append("Scenarios covered: ").append(scenarios.entrySet().stream()
        .map(e -> e.getKey() + (e.getValue() ? " ✔" : " ✘")).collect(Collectors.joining(", "))).append(".\n\n");
    GoLiveCriteria.Verdict verdict = criteria.evaluate(all);
    md.append("Go-live criteria (last ").append(criteria.window()).append(" messages): ")
        .append(verdict.passed() ? "**met**." : "**not met**: " + String.join("; ", verdict.reasons()) + ".").append("\n\n");
    md.append("The organization's report: ").append(reports.link(requestId));
    return md.toString();
  }

  private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("'[^']*'");

  private static int severityRank(String key) {
    return key.contains(" error: ") ? 0 : key.contains(" warning: ") ? 1 : 2;
  }
}
