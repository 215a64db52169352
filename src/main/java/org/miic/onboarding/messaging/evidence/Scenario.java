package org.miic.onboarding.messaging.evidence;

import org.miic.onboarding.messaging.validation.Observations;
import org.miic.onboarding.messaging.validation.ValidationResult;

import java.util.EnumSet;
import java.util.Set;
import org.miic.onboarding.messaging.validation.Hl7Text.Segment;

/** What a test message exercises; go-live needs every scenario covered. */
public enum Scenario {
  NEW_ADMINISTRATION("New administration"),
  HISTORICAL("Historical dose"),
  REFUSAL("Refusal"),
  VFC_ELIGIBILITY("VFC eligibility"),
  QUERY("Query");

  private final String label;

  Scenario(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Set<Scenario> of(ValidationResult result) {
    Set<Scenario> found = EnumSet.noneOf(Scenario.class);
    if (result.isQuery()) {
      found.add(QUERY);
      return found;
    }
    for (Segment rxa : result.message().segments("RXA")) {
      String source = rxa.code(9);
      String completion = rxa.code(20);
      if ("RE".equals(completion)) {
        found.add(REFUSAL);
      } else if (source.matches("0[1-8]")) {
        found.add(HISTORICAL);
      } else if ("00".equals(source)) {
        found.add(NEW_ADMINISTRATION);
      }
    }
    if (result.message().segments("OBX").stream().anyMatch(o -> Observations.VFC_ELIGIBILITY.equals(o.code(3)))) {
      found.add(VFC_ELIGIBILITY);
    }
    return found;
  }
}
