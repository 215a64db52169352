package org.miic.onboarding.messaging.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the findings of one validation, with severities as configured. */
final class ValidationContext {

  private final ValidationProperties properties;
  private final List<Finding> findings = new ArrayList<>();
  private final Set<String> rejectedSegments = new HashSet<>();
  private boolean rejected;

  ValidationContext(ValidationProperties properties) {
    this.properties = properties;
  }

  Finding report(Rule rule, Hl7Location location, String message) {
    Finding f = new Finding(rule.code(), properties.severityOf(rule), location, rule.hl7ErrorCode(), rule.applicationErrorCode(), message);
    findings.add(f);
    if (rule.rejectsMessage()) {
      rejected = true;
    }
    return f;
  }

  /**
   * A required field of a segment was missing or unusable. As the CDC IG's examples show, the field is rejected (a
   * 101 when the finding itself was about a bad value), and a required segment without it is rejected too (100).
   */
  void rejectRequiredField(Finding cause, Hl7Location segment, boolean segmentRequired, String segmentConsequence) {
    if (!cause.isError()) {
      return;
    }
    if (!"101".equals(cause.hl7ErrorCode())) {
      report(Rule.FMT_FIELD_REJECTED, cause.location(), cause.location().readable() + " is required; its value was rejected.");
    }
    if (segmentRequired && rejectedSegments.add(segment.erl() + "#" + segment.sequence())) {
      report(Rule.FMT_SEGMENT_REJECTED, segment, segmentConsequence);
    }
  }

  boolean rejected() {
    return rejected;
  }

  List<Finding> findings() {
    return List.copyOf(findings);
  }
}
