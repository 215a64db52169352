package org.miic.onboarding.messaging.validation.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The condition of a C(a/b) element, in the small language of the profile files: clauses joined by {@code and} /
 * {@code or} ({@code and} binds tighter), each {@code REF valued}, {@code REF empty}, {@code REF = V}, {@code REF != V},
 * {@code REF in V1,V2}, {@code REF notin V1,V2}, where REF is {@code SEG-n} or {@code SEG-n.c}.
 */
public final class Predicate {

  /** Reads the value of a reference in the message being checked ("" when absent). */
  public interface Values {
    String value(String segment, int field, int component);
  }

  private static final Pattern CLAUSE = Pattern.compile(
      "([A-Z][A-Z0-9]{2})-(\\d+)(?:\\.(\\d+))?\\s+(valued|empty|=|!=|in|notin)\\s*(.*)");

  private record Clause(String segment, int field, int component, String op, Set<String> values) {
    boolean test(Values v) {
      String value = v.value(segment, field, component).trim();
      boolean valued = !value.isEmpty() && !"\"\"".equals(value);
      return switch (op) {
        case "valued" -> valued;
        case "empty" -> !valued;
        case "=", "in" -> values.contains(value);
        case "!=", "notin" -> !values.contains(value);
        default -> throw new IllegalStateException(op);
      };
    }
  }

  private final String text;
  /** Disjunction of conjunctions. */
  private final List<List<Clause>> terms;

  private Predicate(String text, List<List<Clause>> terms) {
    this.text = text;
    this.terms = terms;
  }

  public static Predicate parse(String text) {
    List<List<Clause>> terms = new ArrayList<>();
    for (String or : text.trim().split("\\s+or\\s+")) {
      List<Clause> clauses = new ArrayList<>();
      for (String and : or.split("\\s+and\\s+")) {
        Matcher m = CLAUSE.matcher(and.trim());
        if (!m.matches()) {
          throw new IllegalArgumentException("Cannot read predicate clause '" + and + "' in '" + text + "'");
        }
        String op = m.group(4);
        Set<String> values = Set.of();
        if (!op.equals("valued") && !op.equals("empty")) {
          values = Set.copyOf(Arrays.stream(m.group(5).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
          if (values.isEmpty()) {
            throw new IllegalArgumentException("Predicate clause '" + and + "' compares with nothing");
          }
        }
        clauses.add(new Clause(m.group(1), Integer.parseInt(m.group(2)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), op, values));
      }
      terms.add(List.copyOf(clauses));
    }
    return new Predicate(text.trim(), List.copyOf(terms));
  }

  public boolean test(Values values) {
    for (List<Clause> term : terms) {
      if (term.stream().allMatch(c -> c.test(values))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return text;
  }
}
