package org.miic.onboarding.queue.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.miic.onboarding.queue.PriorityFactor;
import org.miic.onboarding.queue.PriorityInputs;
import org.miic.onboarding.queue.PriorityRules;
import org.springframework.stereotype.Component;

/**
 * The priority rules as the decision table {@code OnboardingPriority} (bpmn/onboarding-priority.dmn), evaluated on its
 * latest deployed version: an administrator can change the points by deploying a new version, without a release.
 */
@Component
class DmnPriorityRules implements PriorityRules {

  static final String DECISION_KEY = "OnboardingPriority";

  /** The six worksheet factors, in the order staff read them; waiting time is added by the queue itself. */
  static final List<String> FACTORS = List.of(PriorityFactor.COMPLETENESS, PriorityFactor.MNVFC, PriorityFactor.VOLUME,
      PriorityFactor.MULTIPLE_ORGANIZATIONS, PriorityFactor.ORGANIZATION_TYPE, PriorityFactor.FORMAT_AND_TRANSPORT);

  private final DecisionService decisions;

  DmnPriorityRules(DecisionService decisions) {
    this.decisions = decisions;
  }

  @Override
  public List<PriorityFactor> evaluate(PriorityInputs in) {
    List<Map<String, Object>> hits = decisions.evaluateDecisionTableByKey(DECISION_KEY, Variables.createVariables()
            .putValue("completenessFindingCount", in.completenessFindingCount())
            .putValue("supplementalMaterials", in.supplementalMaterials())
            .putValue("mnvfcEnrolled", in.mnvfcEnrolled())
            .putValue("immunizationsPerYear", in.immunizationsPerYear())
            .putValue("facilityCount", in.facilityCount())
            .putValue("organizationType", in.organizationType())
            .putValue("messageFormat", in.messageFormat())
            .putValue("transport", in.transport()))
        .getResultList();
    Map<String, List<Map<String, Object>>> byFactor = new LinkedHashMap<>();
    FACTORS.forEach(f -> byFactor.put(f, new ArrayList<>()));
    for (Map<String, Object> hit : hits) {
      String factor = (String) hit.get("factor");
      if (!byFactor.containsKey(factor)) {
        throw new IllegalStateException("The decision " + DECISION_KEY + " returned the unknown factor '" + factor + "'.");
      }
      byFactor.get(factor).add(hit);
    }
    List<PriorityFactor> factors = new ArrayList<>();
    byFactor.forEach((factor, rows) -> {
      int points = rows.stream().mapToInt(r -> ((Number) r.get("points")).intValue()).sum();
      String reason = rows.isEmpty() ? "No rule applies" : String.join("; ", rows.stream().map(r -> (String) r.get("reason")).toList());
      factors.add(new PriorityFactor(factor, points, reason));
    });
    return factors;
  }
}
