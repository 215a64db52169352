package org.miic.onboarding.messaging.validation.profile;

/** How many times an element may occur: {@code min..max}, max -1 for unbounded. */
public record Cardinality(int min, int max) {

  public static Cardinality parse(String text) {
    String t = text == null ? "" : text.trim().replace("[", "").replace("]", "");
    if (t.isEmpty()) {
      return new Cardinality(0, -1);
    }
    String[] parts = t.split("\\.\\.");
    int min = Integer.parseInt(parts[0].trim());
    int max = parts.length < 2 ? min : "*".equals(parts[1].trim()) ? -1 : Integer.parseInt(parts[1].trim());
    return new Cardinality(min, max);
  }

  public boolean allows(int count) {
    return max < 0 || count <= max;
  }

  @Override
  public String toString() {
    return "[" + min + ".." + (max < 0 ? "*" : String.valueOf(max)) + "]";
  }
}
