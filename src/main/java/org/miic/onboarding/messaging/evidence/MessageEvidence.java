package org.miic.onboarding.messaging.evidence;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.miic.onboarding.common.LocalTimes;
import org.miic.onboarding.onboarding.TestEvidenceProvider;
import org.miic.onboarding.onboarding.TestingPhase;
import org.springframework.stereotype.Component;

/**
 * The evidence in the step-3 and step-4 task forms, the staff workspace and the organization's report: for a phase the
 * messages received, accepted and rejected, the most frequent findings, the scenarios covered, and the go-live
 * criteria over the latest test messages. Aggregated in SQL ({@link EvidenceQueries}), with limits.
 */
@Component
public class MessageEvidence implements TestEvidenceProvider {

  private static final Pattern QUOTED = Pattern.compile("'[^']*'");

  private final EvidenceQueries queries;
  private final TestMessageRepository messages;
  private final GoLiveCriteria criteria;
  private final ReportLinks reports;

  public MessageEvidence(EvidenceQueries queries, TestMessageRepository messages, GoLiveCriteria criteria, ReportLinks reports) {
    this.queries = queries;
    this.messages = messages;
    this.criteria = criteria;
    this.reports = reports;
  }

  /** A phase's evidence: its counts, its most frequent findings, and the go-live criteria over the latest test messages. */
  public record PhaseEvidence(TestingPhase phase, EvidenceQueries.PhaseCount counts, List<EvidenceQueries.RuleCount> frequent,
      Set<Scenario> covered, GoLiveCriteria.Verdict verdict, List<GoLiveCriteria.Criterion> criteria) {}

  /** The latest test messages the go-live criteria look at, newest first. */
  public List<TestMessage> criteriaWindow(long requestId) {
    return queries.latest(requestId, EvidenceQueries.TESTING, criteria.window());
  }

  public GoLiveCriteria.Verdict verdict(long requestId) {
    return criteria.evaluate(criteriaWindow(requestId));
  }

  public List<GoLiveCriteria.Criterion> criteria(long requestId) {
    return criteria.progress(criteriaWindow(requestId));
  }

  public GoLiveCriteria settings() {
    return criteria;
  }

  /**
   * The messages a phase's evidence draws on beyond the phase itself (scenarios covered, go-live criteria): step 3 draws
   * on step-3 test traffic, production data quality on production traffic alone, test messages after go-live on
   * themselves. PRODUCTION-credential messages never count as step-3 evidence, and TEST-credential messages after
   * go-live never as production data quality (issue 7, item 2).
   */
  static Set<TestingPhase> track(TestingPhase phase) {
    return EvidenceQueries.TESTING.contains(phase) ? EvidenceQueries.TESTING : EnumSet.of(phase);
  }

  public PhaseEvidence phase(long requestId, TestingPhase phase) {
    EvidenceQueries.PhaseCount counts = queries.phaseCounts(requestId).stream().filter(c -> c.phase() == phase).findFirst()
        .orElse(new EvidenceQueries.PhaseCount(phase, 0, 0, 0, 0, null, null));
    List<EvidenceQueries.RuleCount> frequent = counts.total() == 0 ? List.of() : queries.findingsByRule(requestId, EnumSet.of(phase), 5);
    List<TestMessage> window = queries.latest(requestId, track(phase), criteria.window());
    Set<Scenario> covered = EnumSet.noneOf(Scenario.class);
    window.forEach(m -> covered.addAll(m.scenarios()));
    return new PhaseEvidence(phase, counts, frequent, covered, criteria.evaluate(window), criteria.progress(window));
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
  public List<String> missingQueryScenarios(long requestId) {
    Set<Scenario> seen = queries.scenariosSeen(requestId, EvidenceQueries.TESTING, Scenario.QUERY_TESTING);
    return Scenario.QUERY_TESTING.stream().filter(s -> !seen.contains(s)).map(Scenario::label).toList();
  }

  @Override
  public String reportLink(long requestId) {
    return reports.link(requestId);
  }

  @Override
  public String evidenceMarkdown(long requestId, TestingPhase phase) {
    PhaseEvidence e = phase(requestId, phase);
    EvidenceQueries.PhaseCount c = e.counts();
    StringBuilder md = new StringBuilder();
    if (c.total() == 0) {
      md.append("No message received yet during ").append(inSentence(phase.label())).append(".\n\n");
    } else {
      md.append("**").append(c.total()).append(c.total() == 1 ? " message" : " messages").append("** during ")
          .append(inSentence(phase.label())).append(": ").append(c.accepted()).append(" accepted (AA), ").append(c.withErrors())
          .append(" accepted with errors (AE), ").append(c.rejected()).append(" rejected (AR). Latest: ")
          .append(LocalTimes.format(c.latest())).append(".\n\n");
      if (!e.frequent().isEmpty()) {
        md.append("Most frequent findings (errors first):\n\n");
        for (EvidenceQueries.RuleCount r : e.frequent()) {
          md.append("- ").append(r.count()).append(" × ").append(r.rule()).append(' ').append(r.severity().toLowerCase(Locale.ROOT))
              .append(": ").append(QUOTED.matcher(r.exampleText()).replaceAll("…")).append('\n');
        }
        md.append('\n');
      }
    }
    if (phase == TestingPhase.PRODUCTION) {
      // Production is judged by the scorecard, not by the go-live criteria of testing.
      md.append("The organization's report: ").append(reports.link(requestId)).append("?tab=production");
      return md.toString();
    }
    if (phase == TestingPhase.QUERY) {
      Set<Scenario> seen = queries.scenariosSeen(requestId, EvidenceQueries.TESTING, Scenario.QUERY_TESTING);
      md.append("Query scenarios (all needed to pass): ").append(Scenario.QUERY_TESTING.stream()
          .map(s -> s.label() + (seen.contains(s) ? " ✔" : " ✘")).collect(Collectors.joining(", "))).append(".\n\n");
    } else {
      md.append("Scenarios covered: ").append(criteria.requiredScenarios().stream()
          .map(s -> s.label() + (e.covered().contains(s) ? " ✔" : " ✘")).collect(Collectors.joining(", "))).append(".\n\n");
    }
    md.append("Go-live criteria (last ").append(criteria.window()).append(" messages): ")
        .append(e.verdict().passed() ? "**met**." : "**not met**: " + String.join("; ", e.verdict().reasons()) + ".").append("\n\n");
    md.append("The organization's report: ").append(reports.link(requestId));
    return md.toString();
  }
}
