package org.miic.onboarding.messaging.validation;

/** A value from a message, echoed into a finding: control characters replaced, at most 40 characters. */
public final class Echo {

  private Echo() {}

  public static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && sb.length() < 40; i++) {
      char ch = s.charAt(i);
      sb.append(Character.isISOControl(ch) ? '?' : ch);
    }
    return s.length() > 40 ? sb + "…" : sb.toString();
  }
}
