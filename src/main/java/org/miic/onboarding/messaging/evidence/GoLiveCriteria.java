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
      requiredScenarios = EnumSet.allOf(Scenario.class);
    }
  }

  public static GoLiveCriteria defaults() {
    return new GoLiveCriteria(0, 0, true, null);
  }

  /** Whether the messages (newest first) meet the criteria, and why not. */
  public record Verdict(boolean passed, List<String> reasons) {}

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
