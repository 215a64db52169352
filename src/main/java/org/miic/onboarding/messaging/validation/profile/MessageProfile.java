package org.miic.onboarding.messaging.validation.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CDC IG message profile (Z22 VXU, Z34 and Z44 QBP, Z23 ACK, Z32, Z33 and Z42 RSP) as declared in
 * {@code src/main/resources/profiles/<file>.tsv}: its segment groups, its segments in structure order, and every field
 * of every segment with usage, cardinality, data type, length, value set, condition and date precision. The files
 * cite the IG tables they were written from; {@code profiles/README.md} describes the format.
 */
public final class MessageProfile {

  /** A segment group, e.g. ORDER in VXU. */
  public record GroupDef(String name, String description, Usage usage, Cardinality cardinality, String parent) {}

  /** A segment of the message structure, in its group (null at the top level). */
  public record SegmentDef(String name, String description, Usage usage, Cardinality cardinality, String group, int order) {}

  /** A field: {@code SEG-n}, its IG name, usage, cardinality, data type, length, value set, condition and precision. */
  public record FieldDef(String segment, int position, String name, Usage usage, Cardinality cardinality, String type, int maxLength,
      String valueSet, Predicate predicate, String precision, String note) {

    public String element() {
      return segment + "-" + position;
    }
  }

  private final String file;
  private final String source;
  private final Map<String, GroupDef> groups = new LinkedHashMap<>();
  private final List<SegmentDef> segments = new ArrayList<>();
  private final Map<String, List<FieldDef>> fields = new LinkedHashMap<>();
  private final Map<String, SegmentDef> segmentsByName = new java.util.HashMap<>();

  private MessageProfile(String file, String source) {
    this.file = file;
    this.source = source;
  }

  public static MessageProfile load(String file) {
    String path = "/profiles/" + file;
    try (InputStream in = MessageProfile.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Profile " + path + " is missing from the classpath");
      }
      return parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MessageProfile parse(String file, String text) {
    StringBuilder source = new StringBuilder();
    List<String[]> rows = new ArrayList<>();
    int lineNo = 0;
    List<Integer> lineNumbers = new ArrayList<>();
    for (String line : text.split("\r?\n")) {
      lineNo++;
      if (line.startsWith("#")) {
        if (source.length() < 400 && line.length() > 1) {
          source.append(line.substring(1).trim()).append(' ');
        }
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      rows.add(line.split("\t", -1));
      lineNumbers.add(lineNo);
    }
    MessageProfile profile = new MessageProfile(file, source.toString().trim());
    for (int i = 0; i < rows.size(); i++) {
      String[] c = rows.get(i);
      try {
        switch (c[0].trim()) {
          case "GRP" -> profile.groups.put(c[1].trim(), new GroupDef(c[1].trim(), col(c, 2), Usage.parse(c[3]), Cardinality.parse(c[4]),
              blankToNull(col(c, 5))));
          case "SEG" -> profile.segments.add(new SegmentDef(c[1].trim(), col(c, 2), Usage.parse(c[3]), Cardinality.parse(c[4]),
              blankToNull(col(c, 5)), col(c, 6).isBlank() ? profile.segments.size() + 1 : Integer.parseInt(col(c, 6).trim())));
          case "FLD" -> {
            String element = c[1].trim();
            int dash = element.indexOf('-');
            String seg = element.substring(0, dash);
            String predicate = col(c, 8);
            profile.fields.computeIfAbsent(seg, k -> new ArrayList<>()).add(new FieldDef(seg, Integer.parseInt(element.substring(dash + 1)),
                col(c, 2), Usage.parse(c[3]), Cardinality.parse(c[4]), col(c, 5).trim(), length(col(c, 6)), col(c, 7).trim(),
                predicate.isBlank() ? null : Predicate.parse(predicate), col(c, 9).trim(), col(c, 10)));
          }
          default -> throw new IllegalArgumentException("unknown row kind '" + c[0] + "'");
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException("profiles/" + file + " line " + lineNumbers.get(i) + ": " + e.getMessage(), e);
      }
    }
    for (SegmentDef seg : profile.segments) {
      profile.segmentsByName.putIfAbsent(seg.name(), seg);
    }
    return profile;
  }

  static String col(String[] c, int i) {
    return i < c.length ? c[i] : "";
  }

  static int length(String text) {
    // "20", "20=" (the 2018 update's conformance length) or "20#": the leading digits.
    String t = text.trim();
    int end = 0;
    while (end < t.length() && end < 9 && Character.isDigit(t.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Integer.parseInt(t.substring(0, end));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public String file() {
    return file;
  }

  /** The comment lines at the top of the file: which IG tables it was written from. */
  public String source() {
    return source;
  }

  public List<SegmentDef> segments() {
    return java.util.Collections.unmodifiableList(segments);
  }

  public SegmentDef segment(String name) {
    return segmentsByName.get(name);
  }

  public GroupDef group(String name) {
    return name == null ? null : groups.get(name);
  }

  public java.util.Collection<GroupDef> groups() {
    return java.util.Collections.unmodifiableCollection(groups.values());
  }

  public List<FieldDef> fields(String segment) {
    return fields.getOrDefault(segment, List.of());
  }

  public FieldDef field(String segment, int position) {
    return fields(segment).stream().filter(f -> f.position() == position).findFirst().orElse(null);
  }
}
