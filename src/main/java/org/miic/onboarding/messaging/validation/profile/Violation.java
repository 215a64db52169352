package org.miic.onboarding.messaging.validation.profile;

import org.miic.onboarding.messaging.validation.Hl7Location;

/**
 * One departure from a message profile. {@code required} says whether the element in question was required (R, or a
 * condition that made it R), which decides how serious it is: an unusable optional element is ignored, an unusable
 * required one is an error. {@code element} names it as the IG does ("PID-5", "PID-5.2", "RXR").
 */
public record Violation(Kind kind, Hl7Location location, String element, boolean required, String message) {

  public enum Kind {
    /** A required segment (or the first segment of a required group) is absent. */
    SEGMENT_MISSING,
    /** A segment the profile marks X is present. */
    SEGMENT_NOT_SUPPORTED,
    /** A segment that is not part of the profile's structure. */
    SEGMENT_UNEXPECTED,
    /** More occurrences of a segment than its cardinality allows. */
    SEGMENT_REPEATED,
    /** A required field is empty (or a conditional one whose condition holds). */
    FIELD_MISSING,
    /** A required component of a valued field is empty. */
    COMPONENT_MISSING,
    /** A field the profile marks X is valued. */
    FIELD_NOT_SUPPORTED,
    /** More repetitions than the field's cardinality allows. */
    FIELD_REPEATED,
    /** Longer than the element's length. */
    TOO_LONG,
    /** Not a value of the element's data type (NM, SI, DT ...). */
    DATA_TYPE,
    /** A date or time (DT, DTM, TS) that is not a real date. */
    DATE_INVALID,
    /** A time-zone offset that is not +/-HHMM (the date itself is usable). */
    TIME_ZONE,
    /** A date or time less precise than the profile requires. */
    PRECISION,
    /** A code outside the element's value set. */
    VALUE_SET
  }
}
