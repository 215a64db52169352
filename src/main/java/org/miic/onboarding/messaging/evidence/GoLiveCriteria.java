package org.miic.onboarding.messaging.evidence;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code miic.messaging.go-live.*}: when test evidence is good enough to go live. Default: of the last 20 messages at
 * least 95% without errors, no error rule repeated, and every scenario covered.
 */
@ConfigurationProperties("miic.messaging.go-live")
public record GoLiveCriteria(int window, double minimumShareWithoutErrors, boolean noRepeatedErrorRule, Set<Scenario> requiredScenarios) {

  public GoLiveCriteria {
    if (window <= 0) {
      window = 20;
    }
    if (minimumShareWithoutErrors <= 0) {
      minimumShareWithoutErrors = 0.95;
    }
    if (requiredScenarios == null || requiredScenarios.isEmpty()) {
      requiredScenarios = EnumSet.of(Scenario.NEW_ADMINISTRATION, Scenario.HISTORICAL, Scenario.REFUSAL, Scenario.VFC_ELIGIBILITY,
          Scenario.QUERY);
    }
  }

  public static GoLiveCriteria defaults() {
    return new GoLiveCriteria(0, 0, true, null);
  }

  /** Whether the messages (newest first) meet the criteria, and why not. */
  public record Verdict(boolean passed, List<String> reasons) {}

  /** One criterion and how far the messages are: "17 of 20 messages", "85% without errors (95% needed)". */
  public record Criterion(String name, String progress, boolean met) {}

  /** Each criterion with how far the messages (newest first) are, in the order organizations read them. */
  public List<Criterion> progress(List<TestMessage> newestFirst) {
    List<TestMessage> last = newestFirst.stream().limit(window).toList();
    List<Criterion> out = new ArrayList<>();
    out.add(new Criterion("Messages received", last.size() + " of the " + window + " the criteria look at", last.size() >= window));
    long clean = last.stream().filter(TestMessage::withoutErrors).count();
    double share = last.isEmpty() ? 0 : (double) clean / last.size();
    out.add(new Criterion("Without errors", String.format(java.util.Locale.US, "%.0f%% of the last %d (%.0f%% needed)", share * 100,
        last.size(), minimumShareWithoutErrors * 100), !last.isEmpty() && share >= minimumShareWithoutErrors));
    if (noRepeatedErrorRule) {
      List<String> repeated = repeatedErrorRules(last);
      out.add(new Criterion("No error repeated", repeated.isEmpty() ? "no error rule occurs in more than one message"
          : "repeated: " + String.join(", ", repeated), repeated.isEmpty()));
    }
    Set<Scenario> covered = EnumSet.noneOf(Scenario.class);
    last.forEach(m -> covered.addAll(m.scenarios()));
    List<String> missing = requiredScenarios.stream().filter(s -> !covered.contains(s)).map(Scenario::label).sorted().toList();
    out.add(new Criterion("Scenarios covered", (requiredScenarios.size() - missing.size()) + " of " + requiredScenarios.size()
        + (missing.isEmpty() ? "" : " (missing: " + String.join(", ", missing) + ")"), missing.isEmpty()));
    return out;
  }

  private static List<String> repeatedErrorRules(List<TestMessage> last) {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    for (TestMessage m : last) {
      m.findings().stream().filter(f -> "ERROR".equals(f.severity())).map(TestMessage.StoredFinding::rule).distinct()
          .forEach(rule -> counts.merge(rule, 1, Integer::sum));
    }
    return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(e -> e.getKey() + " in " + e.getValue() + " messages").toList();
  }

  public Verdict evaluate(List<TestMessage> newestFirst) {
    List<TestMessage> last = newestFirst.stream().limit(window).toList();
    List<String> reasons = new ArrayList<>();
    if (last.size() < window) {
      reasons.add("only " + last.size() + " of the " + window + " messages the criteria look at were received");
    }
    long clean = last.stream().filter(TestMessage::withoutErrors).count();
    double share = last.isEmpty() ? 0 : (double) clean / last.size();
    if (share < minimumShareWithoutErrors) {
      reasons.add(String.format(java.util.Locale.US, "%.0f%% of the last %d messages were without errors (%.0f%% needed)", share * 100,
          last.size(), minimumShareWithoutErrors * 100));
    }
    if (noRepeatedErrorRule) {
      Map<String, Integer> counts = new HashMap<>();
      for (TestMessage m : last) {
        m.findings().stream().filter(f -> "ERROR".equals(f.severity())).map(TestMessage.StoredFinding::rule).distinct()
            .forEach(rule -> counts.merge(rule, 1, Integer::sum));
      }
      counts.forEach((rule, n) -> {
        if (n > 1) {
          reasons.add("error " + rule + " occurred in " + n + " messages");
        }
      });
    }
    Set<Scenario> covered = EnumSet.noneOf(Scenario.class);
    last.forEach(m -> covered.addAll(m.scenarios()));
    for (Scenario s : requiredScenarios) {
      if (!covered.contains(s)) {
        reasons.add("scenario not covered: " + s.label());
      }
    }
    reasons.sort(null);
    return new Verdict(reasons.isEmpty(), reasons);
  }
}
