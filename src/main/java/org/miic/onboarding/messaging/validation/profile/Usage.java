package org.miic.onboarding.messaging.validation.profile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An element's usage as the CDC IG writes it: R (required), RE (required but may be empty), O (optional), X (not
 * supported), or C(a/b), conditional: usage a when its predicate holds, b when it does not.
 */
public record Usage(String code, String whenTrue, String whenFalse) {

  private static final Pattern CONDITIONAL = Pattern.compile("C\\((R|RE|O|X)/(R|RE|O|X)\\)");

  public static Usage parse(String text) {
    String t = text.trim().replace(" ", "");
    if (t.equals("R") || t.equals("RE") || t.equals("O") || t.equals("X")) {
      return new Usage(t, null, null);
    }
    Matcher m = CONDITIONAL.matcher(t);
    if (m.matches()) {
      return new Usage("C", m.group(1), m.group(2));
    }
    if (t.equals("C") || t.equals("CE")) {
      // A bare C (the IG states the condition only in words): optional unless a predicate is known.
      return new Usage("C", "RE", "O");
    }
    throw new IllegalArgumentException("Unknown usage '" + text + "'");
  }

  public boolean conditional() {
    return "C".equals(code);
  }

  /** The usage in force: for C(a/b) a or b by the predicate's value. */
  public String resolve(boolean predicateHolds) {
    return conditional() ? (predicateHolds ? whenTrue : whenFalse) : code;
  }

  @Override
  public String toString() {
    return conditional() ? "C(" + whenTrue + "/" + whenFalse + ")" : code;
  }
}
