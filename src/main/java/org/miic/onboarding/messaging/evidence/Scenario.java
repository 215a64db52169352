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
  QUERY("Query"),
  /** A Z34 query answered with a history (Z32): what query testing needs, with {@link #QUERY_EVALUATED}. */
  QUERY_HISTORY("Z34 query answered with a history (Z32)"),
  /** A Z44 query answered with an evaluated history (Z42). */
  QUERY_EVALUATED("Z44 query answered with an evaluated history (Z42)");

  /** What query testing needs covered (a query / bi-directional request goes live only with both). */
  public static final Set<Scenario> QUERY_TESTING = EnumSet.of(QUERY_HISTORY, QUERY_EVALUATED);

  private final String label;

  Scenario(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** What a message and MIIC's answer to it exercise: for a query, also which response profile answered it. */
  public static Set<Scenario> of(ValidationResult result, String response) {
    Set<Scenario> found = of(result);
    if (result.isQuery() && response != null) {
      String profile = org.miic.onboarding.messaging.validation.Hl7Text.of(response).msh().code(21);
      if ("Z32".equals(profile)) {
        found.add(QUERY_HISTORY);
      } else if ("Z42".equals(profile)) {
        found.add(QUERY_EVALUATED);
      }
    }
    return found;
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
