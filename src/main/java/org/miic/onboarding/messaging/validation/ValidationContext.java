package org.miic.onboarding.messaging.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the findings of one validation, with severities as configured. */
public final class ValidationContext {

  private final ValidationProperties properties;
  private final List<Finding> findings = new ArrayList<>();
  private final Set<String> rejectedSegments = new HashSet<>();
  private boolean rejected;

  public ValidationContext(ValidationProperties properties) {
    this.properties = properties;
  }

  public Finding report(Rule rule, Hl7Location location, String message) {
    return report(rule, Severity.ERROR, location, message);
  }

  /**
   * Reports with the rule's configured severity, but no more serious than {@code cap}: an unusable optional element is
   * ignored (a warning), where the same defect in a required one is an error.
   */
  public Finding report(Rule rule, Severity cap, Hl7Location location, String message) {
    Severity configured = properties.severityOf(rule);
    Severity severity = configured.ordinal() < cap.ordinal() ? cap : configured;
    Finding f = new Finding(rule.code(), severity, location, rule.hl7ErrorCode(), rule.applicationErrorCode(), message);
    findings.add(f);
    if (f.rule().startsWith("CNT-")) {
      contentFields.add(location.segment() + "^" + location.sequence() + "^" + location.field());
    }
    if (rule.rejectsMessage()) {
      rejected = true;
    }
    return f;
  }

  /**
   * A required field of a segment was missing or unusable. As the CDC IG's examples show, the field is rejected (a
   * 101 when the finding itself was about a bad value), and a required segment without it is rejected too (100).
   */
  public void rejectRequiredField(Finding cause, Hl7Location segment, boolean segmentRequired, String segmentConsequence) {
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

  /** True when a content rule already reported something at this field (segment occurrence and field). */
  boolean hasContentFindingAt(Hl7Location at) {
    return contentFields.contains(at.segment() + "^" + at.sequence() + "^" + at.field());
  }

  /** Fields (segment^sequence^field) where a content rule reported something. */
  private final Set<String> contentFields = new HashSet<>();

  public boolean rejected() {
    return rejected;
  }

  public List<Finding> findings() {
    return List.copyOf(findings);
  }
}
