package org.miic.onboarding.messaging.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A lenient, never-throwing view of an HL7 v2 message in ER7 (pipe) encoding: segments, fields, repetitions,
 * components. Rules read values through it, so a defect in one field never hides the rest of the message.
 */
public final class Hl7Text {


  /** One segment occurrence: its name, its sequence among segments of that name (from 1), its raw fields. */
  public final class Segment {
    private final String name;
    private final int sequence;
    private final int index;
    private final String[] fields;
    /** Per field, its repetitions split into components; filled on first use. */
    private final String[][][] parsed;

    Segment(String name, int sequence, int index, String[] fields) {
      this.parsed = new String[fields.length + 1][][];
      this.name = name;
      this.sequence = sequence;
      this.index = index;
      this.fields = fields;
    }

    public String name() {
      return name;
    }

    public int sequence() {
      return sequence;
    }

    /** Position among all segments, from 0. */
    public int index() {
      return index;
    }

    /** The raw field n (MSH-1 is the field separator itself), "" when absent. */
    public String field(int n) {
      if ("MSH".equals(name)) {
        if (n == 1) {
          return String.valueOf(fieldSeparator);
        }
        return n - 1 < fields.length ? fields[n - 1] : "";
      }
      return n < fields.length ? fields[n] : "";
    }

    public List<String> repetitions(int n) {
      String value = field(n);
      if (value.isEmpty()) {
        return List.of();
      }
      if ("MSH".equals(name) && n == 2) {
        return List.of(value);
      }
      List<String> reps = new ArrayList<>();
      for (String rep : split(value, repetitionSeparator)) {
        reps.add(rep);
      }
      return reps;
    }

    /** Component c (from 1) of the first repetition of field n, "" when absent. */
    public String component(int n, int c) {
      return component(n, 1, c);
    }

    public String component(int n, int repetition, int c) {
      String[][] reps = parsed(n);
      if (repetition > reps.length) {
        return "";
      }
      String[] comps = reps[repetition - 1];
      return c <= comps.length ? comps[c - 1] : "";
    }

    private String[][] parsed(int n) {
      if (n >= parsed.length) {
        return new String[0][];
      }
      if (parsed[n] == null) {
        List<String> reps = repetitions(n);
        String[][] split = new String[reps.size()][];
        for (int i = 0; i < split.length; i++) {
          split[i] = split(reps.get(i), componentSeparator);
        }
        parsed[n] = split;
      }
      return parsed[n];
    }

    /** Subcomponent s (from 1) of component c of repetition r of field n, "" when absent. */
    public String subcomponent(int n, int repetition, int c, int s) {
      String value = component(n, repetition, c);
      if (value.indexOf(subcomponentSeparator) < 0) {
        return s == 1 ? value : "";
      }
      String[] parts = split(value, subcomponentSeparator);
      return s <= parts.length ? parts[s - 1] : "";
    }

    /** How many repetitions field n has (0 when empty). */
    public int repetitionCount(int n) {
      return parsed(n).length;
    }

    /** The first component of field n, trimmed: the code of a coded field. */
    public String code(int n) {
      return component(n, 1).trim();
    }

    /** True when the field holds no data: empty, only delimiters, or the HL7 null "". */
    public boolean isEmpty(int n) {
      String value = field(n);
      for (int i = 0; i < value.length(); i++) {
        char ch = value.charAt(i);
        if (ch != componentSeparator && ch != repetitionSeparator && ch != subcomponentSeparator && ch != '"' && !Character.isWhitespace(ch)) {
          return false;
        }
      }
      return true;
    }

    public Hl7Location at(int field) {
      return Hl7Location.field(name, sequence, field);
    }

    public Hl7Location at(int field, int component) {
      return Hl7Location.component(name, sequence, field, component);
    }

    public Hl7Location location() {
      return Hl7Location.segment(name, sequence);
    }
  }

  private final List<Segment> segments;
  private final char fieldSeparator;
  private final char componentSeparator;
  private final char repetitionSeparator;
  private final char escapeCharacter;
  private final char subcomponentSeparator;
  private final boolean newlineTerminators;

  private Hl7Text(String text) {
    this.newlineTerminators = text.indexOf('\n') >= 0;
    char fs = text.length() > 3 ? text.charAt(3) : '|';
    String encoding = "";
    int next = text.indexOf(fs, 4);
    if (next > 4) {
      encoding = text.substring(4, next);
    }
    this.fieldSeparator = fs;
    this.componentSeparator = encoding.length() > 0 ? encoding.charAt(0) : '^';
    this.repetitionSeparator = encoding.length() > 1 ? encoding.charAt(1) : '~';
    this.escapeCharacter = encoding.length() > 2 ? encoding.charAt(2) : '\\';
    this.subcomponentSeparator = encoding.length() > 3 ? encoding.charAt(3) : '&';
    List<Segment> list = new ArrayList<>();
    Map<String, Integer> counts = new HashMap<>();
    for (String line : lines(text)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      String[] fields = split(trimmed, fieldSeparator);
      String name = fields[0].trim();
      int sequence = counts.merge(name, 1, Integer::sum);
      list.add(new Segment(name, sequence, list.size(), fields));
    }
    this.segments = Collections.unmodifiableList(list);
  }

  /** The lines of the text, split at CR, LF or CR LF (a regular expression cost a fifth of reading a message). */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n') {
        out.add(text.substring(start, i));
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    return out;
  }

  /** Reads any text; what it cannot make sense of, the validator reports. */
  public static Hl7Text of(String text) {
    return new Hl7Text(text == null ? "" : text);
  }

  public List<Segment> segments() {
    return segments;
  }

  /** The segments of each name, in message order (built on first use: rules ask for them by name many times). */
  private Map<String, List<Segment>> byName;

  public List<Segment> segments(String name) {
    if (byName == null) {
      Map<String, List<Segment>> index = new HashMap<>();
      for (Segment s : segments) {
        index.computeIfAbsent(s.name, k -> new ArrayList<>()).add(s);
      }
      index.replaceAll((k, v) -> Collections.unmodifiableList(v));
      byName = index;
    }
    return byName.getOrDefault(name, List.of());
  }

  public Segment first(String name) {
    List<Segment> found = segments(name);
    return found.isEmpty() ? null : found.get(0);
  }

  public Segment msh() {
    return !segments.isEmpty() && "MSH".equals(segments.get(0).name) ? segments.get(0) : null;
  }

  public boolean usesStandardDelimiters() {
    return fieldSeparator == '|' && componentSeparator == '^' && repetitionSeparator == '~' && escapeCharacter == '\\'
        && subcomponentSeparator == '&';
  }

  public boolean usesNewlineTerminators() {
    return newlineTerminators;
  }

  private static String[] split(String value, char separator) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) == separator) {
        parts.add(value.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(value.substring(start));
    return parts.toArray(new String[0]);
  }
}
