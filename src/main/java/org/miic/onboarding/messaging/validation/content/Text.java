package org.miic.onboarding.messaging.validation.content;

/** Values echoed into findings: control characters replaced, at most 40 characters. */
final class Text {

  private Text() {}

  static String abbreviate(String s) {
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
