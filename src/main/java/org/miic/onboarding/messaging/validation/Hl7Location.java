package org.miic.onboarding.messaging.validation;

/**
 * Where in a message a finding is, as HL7 ERR-2 (ERL) writes it: {@code SEG^sequence^field^repetition^component}.
 * Field 0 means the whole segment; repetition and component 0 mean the whole field.
 */
public record Hl7Location(String segment, int sequence, int field, int repetition, int component) {

  public static Hl7Location segment(String segment, int sequence) {
    return new Hl7Location(segment, sequence, 0, 0, 0);
  }

  public static Hl7Location field(String segment, int sequence, int field) {
    return new Hl7Location(segment, sequence, field, 0, 0);
  }

  public static Hl7Location component(String segment, int sequence, int field, int component) {
    return new Hl7Location(segment, sequence, field, 1, component);
  }

  /**
   * The ERL text, e.g. {@code PID^1^7}, {@code RXA^2^5^1^1}; for a whole segment {@code PID} (the first one, as the
   * IG's examples write it) or {@code RXA^2} (a later one).
   */
  public String erl() {
    if (field == 0) {
      return sequence > 1 ? segment + "^" + sequence : segment;
    }
    StringBuilder sb = new StringBuilder(segment).append('^').append(sequence).append('^').append(field);
    if (repetition > 0 || component > 0) {
      sb.append('^').append(Math.max(1, repetition));
      if (component > 0) {
        sb.append('^').append(component);
      }
    }
    return sb.toString();
  }

  /** The location a person reads: "PID-7", "RXA-5.1 (2nd RXA)". */
  public String readable() {
    if (field == 0) {
      return segment + (sequence > 1 ? " (" + ordinal(sequence) + " " + segment + ")" : "");
    }
    return segment + "-" + field + (component > 0 ? "." + component : "") + (sequence > 1 ? " (" + ordinal(sequence) + " " + segment + ")" : "");
  }

  private static String ordinal(int n) {
    return n + switch (n % 100 > 10 && n % 100 < 14 ? 0 : n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
  }

  @Override
  public String toString() {
    return erl();
  }
}
