package org.miic.onboarding.messaging.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.miic.onboarding.messaging.validation.profile.Violation;

/**
 * Turns profile violations into findings: the rule for each kind, the severity capped at a warning where the element
 * was optional (it is ignored, not the message), MIIC's local choices for a few elements, and the IG's consequence
 * for a required field of PID or RXA (the segment, and with it the patient or the vaccination, is rejected).
 */
final class ProfileFindings {

  /**
   * Elements another check reports in its own words: the header checks (MSH-4 and MSH-21 are warnings by MIIC's
   * choice, since sources state messages without them accepted), and fields a content rule owns with its own
   * configurable severity (RXA-7 units CNT-126, RXA-18 refusal reason CNT-019, RXA-21 action code CNT-121, OBX-17 VFC
   * method CNT-084).
   */
  private static final Set<String> CHECKED_ELSEWHERE = Set.of("MSH-4", "MSH-21", "MSH-8", "MSH-9", "MSH-9.1", "MSH-9.2", "MSH-9.3", "MSH-11", "MSH-11.1", "MSH-12",
      "MSH-12.1", "MSH-15", "MSH-16", "PID-2", "RXA-7", "RXA-18", "RXA-21", "OBX-17", "QPD-1.1");
  /** Where MIIC reports a required element under a rule of its own (with its own configurable severity). */
  private static final Map<String, Rule> LOCAL_RULES = Map.of("NK1-3", Rule.FMT_NK1_RELATIONSHIP);
  /** Segments whose required fields carry the segment: without them the patient or the vaccination is rejected. */
  private static final Map<String, String> REJECTED_WITH_FIELD = Map.of(
      "PID", "PID is a required segment and %s is missing or unusable; the message is rejected.",
      "RXA", "RXA is a required segment of its order group; this vaccination was rejected.");

  private ProfileFindings() {}

  /**
   * Set IDs: the IG's NIST encoding makes PID-1, NK1-1 and OBX-1 R, AIRA's AART messages (stated accepted) leave PID-1
   * empty, and a sequence number carries no data: MIIC warns.
   */
  private static final Set<String> WARN_WHEN_MISSING = Set.of("PID-1", "NK1-1", "OBX-1", "GT1-1", "IN1-1", "IN3-1", "TQ1-1", "NTE-1");

  static void report(List<Violation> violations, Hl7Text m, ValidationContext ctx) {
    for (Violation v : violations) {
      String field = v.element().contains(".") ? v.element().substring(0, v.element().indexOf('.')) : v.element();
      if (CHECKED_ELSEWHERE.contains(v.element()) || CHECKED_ELSEWHERE.contains(field)) {
        continue;
      }
      if (v.kind() == Violation.Kind.VALUE_SET && ctx.hasContentFindingAt(v.location())) {
        continue; // the content rule for that code said it in its own words
      }
      Rule local = LOCAL_RULES.get(v.element());
      Rule rule = local != null && v.kind() == Violation.Kind.FIELD_MISSING ? local : ruleOf(v);
      if (rule == null) {
        continue;
      }
      boolean required = v.required() && !(v.kind() == Violation.Kind.FIELD_MISSING && (WARN_WHEN_MISSING.contains(v.element())
          || deletion(m, v)));
      Severity cap = required ? Severity.ERROR : Severity.WARNING;
      Finding f = ctx.report(rule, cap, v.location(), v.message());
      String consequence = REJECTED_WITH_FIELD.get(v.location().segment());
      if (required && consequence != null && local == null && v.kind() != Violation.Kind.SEGMENT_MISSING
          && v.kind() != Violation.Kind.SEGMENT_REPEATED) {
        ctx.rejectRequiredField(f, org.miic.onboarding.messaging.validation.Hl7Location.segment(v.location().segment(), v.location().sequence()),
            true, consequence.contains("%s") ? String.format(consequence, field) : consequence);
      }
    }
  }

  /**
   * A deletion (RXA-21 D) identifies the dose by ORC-3: the IG's conditions for a dose given (lot, manufacturer,
   * administration notes) are not demanded of it; their absence is a warning.
   */
  private static boolean deletion(Hl7Text m, Violation v) {
    if (!"RXA".equals(v.location().segment())) {
      return false;
    }
    List<Hl7Text.Segment> rxas = m.segments("RXA");
    int i = v.location().sequence() - 1;
    return i >= 0 && i < rxas.size() && "D".equals(rxas.get(i).code(21));
  }

  private static Rule ruleOf(Violation v) {
    return switch (v.kind()) {
      case SEGMENT_MISSING -> Rule.FMT_SEGMENT_MISSING;
      case SEGMENT_NOT_SUPPORTED, FIELD_NOT_SUPPORTED -> Rule.FMT_NOT_SUPPORTED;
      case SEGMENT_UNEXPECTED -> Rule.FMT_SEGMENT_UNEXPECTED;
      case SEGMENT_REPEATED, FIELD_REPEATED -> Rule.FMT_CARDINALITY;
      case FIELD_MISSING -> Rule.FMT_FIELD_MISSING;
      case COMPONENT_MISSING -> Rule.FMT_COMPONENT_MISSING;
      case TOO_LONG -> Rule.FMT_TOO_LONG;
      case DATA_TYPE -> Rule.FMT_DATA_TYPE;
      case DATE_INVALID -> Rule.FMT_DATE_INVALID;
      case TIME_ZONE -> Rule.FMT_TIME_ZONE;
      case PRECISION -> "MSH-7".equals(v.element()) || "MSH-7.1".equals(v.element()) ? Rule.FMT_MESSAGE_TIME_PRECISION : Rule.FMT_PRECISION;
      case VALUE_SET -> Rule.FMT_VALUE_SET;
    };
  }
}
