package org.miic.onboarding.messaging.validation.profile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.miic.onboarding.messaging.validation.Hl7Location;
import org.miic.onboarding.messaging.validation.Hl7Text;
import org.miic.onboarding.messaging.validation.Hl7Text.Segment;
import org.miic.onboarding.messaging.validation.Hl7Timestamp;
import static org.miic.onboarding.messaging.validation.Echo.abbreviate;
import org.miic.onboarding.messaging.validation.profile.DataTypes.ComponentDef;
import org.miic.onboarding.messaging.validation.profile.MessageProfile.FieldDef;
import org.miic.onboarding.messaging.validation.profile.MessageProfile.GroupDef;
import org.miic.onboarding.messaging.validation.profile.MessageProfile.SegmentDef;

/**
 * Walks a message against a {@link MessageProfile}: the segments into their groups (usage and cardinality per group
 * occurrence), then every field of every segment (usage with its condition, cardinality, data type with each
 * component's usage, type and length, value set, date precision). Absent RE and O elements are never reported. Plain
 * Java, no engine, never throws on bad input.
 */
public final class ProfileChecker {

  private final DataTypes types;
  private final ValueSets valueSets;

  public ProfileChecker(DataTypes types, ValueSets valueSets) {
    this.types = types;
    this.valueSets = valueSets;
  }

  /** One occurrence of a group (the top level is an occurrence without a definition). */
  private static final class Occurrence {
    final GroupDef def;
    final Occurrence parent;
    final boolean implicit;
    final Map<String, List<Segment>> segments = new LinkedHashMap<>();
    final List<Occurrence> children = new ArrayList<>();

    Occurrence(GroupDef def, Occurrence parent, boolean implicit) {
      this.def = def;
      this.parent = parent;
      this.implicit = implicit;
    }

    String name() {
      return def == null ? null : def.name();
    }

    Segment first(String segment) {
      for (Occurrence o = this; o != null; o = o.parent) {
        List<Segment> list = o.segments.get(segment);
        if (list != null && !list.isEmpty()) {
          return list.get(0);
        }
      }
      return null;
    }
  }

  public List<Violation> check(Hl7Text m, MessageProfile profile) {
    List<Violation> out = new ArrayList<>();
    Map<Segment, Occurrence> placed = new IdentityHashMap<>();
    Occurrence root = structure(m, profile, placed, out);
    for (Segment s : m.segments()) {
      Occurrence where = placed.get(s);
      if (where != null) {
        fields(m, s, where, profile, out);
      }
    }
    return out;
  }

  // ---- structure ----------------------------------------------------------------------------------------------------

  /** The first segment of each group, per profile. */
  private final Map<MessageProfile, Map<String, String>> leadersByProfile = new java.util.concurrent.ConcurrentHashMap<>();

  private Map<String, String> leaders(MessageProfile profile) {
    Map<String, String> known = leadersByProfile.get(profile); // a read first: computeIfAbsent locks (issue 9)
    if (known != null) {
      return known;
    }
    return leadersByProfile.computeIfAbsent(profile, p -> {
      Map<String, String> leaders = new HashMap<>();
      for (GroupDef g : p.groups()) {
        p.segments().stream().filter(s -> g.name().equals(s.group())).min((a, b) -> Integer.compare(a.order(), b.order()))
            .ifPresent(s -> leaders.put(g.name(), s.name()));
      }
      return leaders;
    });
  }

  private Occurrence structure(Hl7Text m, MessageProfile profile, Map<Segment, Occurrence> placed, List<Violation> out) {
    Occurrence root = new Occurrence(null, null, false);
    Map<String, String> leaders = leaders(profile);
    Deque<Occurrence> open = new ArrayDeque<>();
    open.push(root);
    for (Segment s : m.segments()) {
      SegmentDef def = profile.segment(s.name());
      if (def == null) {
        out.add(new Violation(Violation.Kind.SEGMENT_UNEXPECTED, s.location(), s.name(), false, s.name()
            + " is not a segment of this message profile; it was ignored."));
        continue;
      }
      Occurrence where;
      if (def.group() != null && s.name().equals(leaders.get(def.group()))) {
        GroupDef g = profile.group(def.group());
        Occurrence parent = enclosing(open, g.parent(), profile);
        where = new Occurrence(g, parent, false);
        parent.children.add(where);
        open.push(where);
      } else {
        where = enclosing(open, def.group(), profile);
      }
      where.segments.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
      placed.put(s, where);
    }
    occurrences(root, profile, leaders, m, out);
    return root;
  }

  /**
   * The open occurrence of a group, closing deeper ones; when none is open (a segment outside its group, e.g. an RXA
   * without its ORC), an implicit occurrence is opened so that the segment is still checked.
   */
  private Occurrence enclosing(Deque<Occurrence> open, String group, MessageProfile profile) {
    for (Occurrence o : open) {
      if (group == null ? o.def == null : group.equals(o.name())) {
        while (open.peek() != o) {
          open.pop();
        }
        return o;
      }
    }
    GroupDef g = profile.group(group);
    Occurrence parent = enclosing(open, g == null ? null : g.parent(), profile);
    Occurrence implicit = new Occurrence(g, parent, true);
    parent.children.add(implicit);
    open.push(implicit);
    return implicit;
  }

  private void occurrences(Occurrence o, MessageProfile profile, Map<String, String> leaders, Hl7Text m, List<Violation> out) {
    String name = o.name();
    for (SegmentDef def : profile.segments()) {
      if (!(name == null ? def.group() == null : name.equals(def.group()))) {
        continue;
      }
      List<Segment> found = o.segments.getOrDefault(def.name(), List.of());
      String usage = def.usage().resolve(false);
      if (found.isEmpty() && "R".equals(def.usage().code()) && !(o.implicit && def.name().equals(leaders.get(name)))) {
        out.add(new Violation(Violation.Kind.SEGMENT_MISSING, Hl7Location.segment(def.name(), 1), def.name(), true,
            "The " + def.name() + " segment (" + def.description() + ") is required" + (name == null ? "." : " in each " + name.toLowerCase() + " group.")));
      }
      if ("X".equals(usage)) {
        for (Segment s : found) {
          out.add(new Violation(Violation.Kind.SEGMENT_NOT_SUPPORTED, s.location(), def.name(), false,
              "The " + def.name() + " segment is not supported in this profile; it was ignored."));
        }
      } else if (!def.cardinality().allows(found.size())) {
        for (Segment s : found.subList(def.cardinality().max(), found.size())) {
          out.add(new Violation(Violation.Kind.SEGMENT_REPEATED, s.location(), def.name(), "R".equals(def.usage().code()),
              def.name() + " may occur at most " + def.cardinality().max() + " time" + (def.cardinality().max() == 1 ? "" : "s")
                  + (name == null ? "" : " in each " + name.toLowerCase() + " group") + "; this one was ignored."));
        }
      }
    }
    for (GroupDef g : profile.groups()) {
      if (!(name == null ? g.parent() == null : name.equals(g.parent()))) {
        continue;
      }
      long count = o.children.stream().filter(c -> c.def == g).count();
      String leader = leaders.get(g.name());
      if (count == 0 && "R".equals(g.usage().code()) && leader != null) {
        out.add(new Violation(Violation.Kind.SEGMENT_MISSING, Hl7Location.segment(leader, 1), leader, true,
            "The " + g.name().toLowerCase() + " group (" + g.description() + ") is required; it starts with " + leader + "."));
      }
    }
    for (Occurrence child : o.children) {
      occurrences(child, profile, leaders, m, out);
    }
  }

  // ---- fields -------------------------------------------------------------------------------------------------------

  private void fields(Hl7Text m, Segment s, Occurrence where, MessageProfile profile, List<Violation> out) {
    Predicate.Values values = (segment, field, component) -> {
      Segment target = segment.equals(s.name()) ? s : where.first(segment);
      if (target == null) {
        target = m.first(segment);
      }
      if (target == null) {
        return "";
      }
      return component == 0 ? (target.isEmpty(field) ? "" : target.field(field)) : target.component(field, component);
    };
    for (FieldDef f : profile.fields(s.name())) {
      if ("MSH".equals(s.name()) && f.position() <= 2) {
        continue; // the delimiters, checked before any profile applies
      }
      String usage = f.usage().conditional() && f.predicate() != null ? f.usage().resolve(f.predicate().test(values))
          : f.usage().conditional() ? f.usage().whenFalse() : f.usage().code();
      if (s.isEmpty(f.position())) {
        if ("R".equals(usage)) {
          String element = f.element();
          out.add(new Violation(Violation.Kind.FIELD_MISSING, s.at(f.position()), element, true, element + " (" + f.name() + ") is required"
              + (f.usage().conditional() && f.predicate() != null ? " when " + f.predicate() : "") + "."));
        }
        continue;
      }
      if ("X".equals(usage)) {
        String element = f.element();
        out.add(new Violation(Violation.Kind.FIELD_NOT_SUPPORTED, s.at(f.position()), element, false,
            element + " (" + f.name() + ") is not supported in this profile; its value was ignored."));
        continue;
      }
      boolean required = "R".equals(usage);
      int reps = s.repetitionCount(f.position());
      if (!f.cardinality().allows(reps)) {
        String element = f.element();
        out.add(new Violation(Violation.Kind.FIELD_REPEATED, s.at(f.position()), element, false, element + " (" + f.name() + ") may repeat at most "
            + f.cardinality().max() + " time" + (f.cardinality().max() == 1 ? "" : "s") + "; " + reps + " were sent and the extra ones were ignored."));
      }
      int limit = f.cardinality().max() < 0 ? reps : Math.min(reps, f.cardinality().max());
      for (int rep = 1; rep <= limit; rep++) {
        value(s, f, rep, required, out);
      }
    }
  }

  /**
   * Names a checked element for a finding (PID-5, PID-5.1, PID-3.4.1) and says what it is; the strings are made only
   * when a finding needs them (making them for every element cost a tenth of a message's CPU).
   */
  private record Label(FieldDef field, ComponentDef component, ComponentDef sub, boolean timeStamp) {

    String element() {
      if (component == null || timeStamp) {
        return field.element();
      }
      return field.element() + "." + component.position() + (sub == null ? "" : "." + sub.position());
    }

    String name() {
      if (sub != null) {
        return sub.name();
      }
      return component == null || timeStamp ? field.name() : component.name() + " of " + field.name();
    }
  }

  private void value(Segment s, FieldDef f, int rep, boolean required, List<Violation> out) {
    String type = f.type();
    Hl7Location at = rep > 1 ? new Hl7Location(s.name(), s.sequence(), f.position(), rep, 0) : s.at(f.position());
    if (!types.composite(type)) {
      String raw = s.component(f.position(), rep, 1);
      primitive(raw, type, f.maxLength(), f.valueSet(), f.precision(), at, new Label(f, null, null, false), required, out);
      return;
    }
    List<ComponentDef> components = types.components(type);
    for (ComponentDef c : components) {
      String raw = s.component(f.position(), rep, c.position());
      // A time stamp is its date: the IG's acknowledgements point at the field (PID^1^7), not at TS.1.
      boolean timeStamp = "TS".equals(type) && c.position() == 1;
      String usage = componentUsage(type, c, s, f.position(), rep);
      if (blank(raw)) {
        if ("R".equals(usage)) {
          Hl7Location cat = timeStamp ? at : new Hl7Location(s.name(), s.sequence(), f.position(), rep, c.position());
          String element = new Label(f, c, null, timeStamp).element();
          out.add(new Violation(Violation.Kind.COMPONENT_MISSING, cat, element, required, element + " (" + c.name() + " of " + f.name()
              + ") is required when " + f.element() + " is sent" + (required ? "." : "; the field was ignored.")));
        }
        continue;
      }
      if ("X".equals(usage)) {
        continue;
      }
      String valueSet = c.position() == 1 || (c.position() == 4 && codedTriplet(type)) ? firstNonBlank(f.valueSet(), c.valueSet()) : c.valueSet();
      if (codedTriplet(type) && (c.position() == 1 || c.position() == 4)) {
        String system = s.component(f.position(), rep, c.position() + 2).trim();
        if (!system.isEmpty() && !f.valueSet().isEmpty() && !system.equalsIgnoreCase(f.valueSet())) {
          if (!equivalentSystem(system, f.valueSet())) {
            continue; // a code of another coding system (a local code, an NDC): content rules judge what it means
          }
          valueSet = system; // HL70162 for NCIT: checked against the table it names
        } else if (c.position() == 4 && system.isEmpty()) {
          continue;
        }
      }
      Hl7Location cat = timeStamp ? at : new Hl7Location(s.name(), s.sequence(), f.position(), rep, c.position());
      if (types.composite(c.componentType())) {
        String sub = s.subcomponent(f.position(), rep, c.position(), 1);
        for (ComponentDef sc : types.components(c.componentType())) {
          String sraw = s.subcomponent(f.position(), rep, c.position(), sc.position());
          if (!blank(sraw) && !types.composite(sc.componentType())) {
            primitive(sraw, sc.componentType(), sc.maxLength(), sc.valueSet(), "", cat, new Label(f, c, sc, false), required, out);
          }
        }
        if (blank(sub) && types.components(c.componentType()).isEmpty()) {
          continue;
        }
      } else {
        String precision = c.position() == 1 && ("TS".equals(type) || "DR".equals(type)) ? f.precision() : "";
        primitive(raw, c.componentType(), c.maxLength(), valueSet, precision, cat, new Label(f, c, null, timeStamp), required, out);
      }
    }
  }

  /** The usage of a component in force; a coded triplet's coding system is required once its code is sent. */
  private static String componentUsage(String type, ComponentDef c, Segment s, int field, int rep) {
    if (!c.usage().conditional()) {
      return c.usage().code();
    }
    if (codedTriplet(type) && (c.position() == 3 || c.position() == 6)) {
      return c.usage().resolve(!blank(s.component(field, rep, c.position() - 2)));
    }
    if (codedTriplet(type) && (c.position() == 2 || c.position() == 5)) {
      return c.usage().resolve(!blank(s.component(field, rep, c.position() - 1)));
    }
    // The IG's conditions inside data types: HD.2 when HD.1 is empty, HD.3 with HD.2; XTN's email for a network
    // address (XTN.2 NET), its phone number otherwise.
    if ("HD".equals(type) && c.position() == 2) {
      return c.usage().resolve(blank(s.component(field, rep, 1)));
    }
    if ("HD".equals(type) && c.position() == 3) {
      return c.usage().resolve(!blank(s.component(field, rep, 2)));
    }
    if ("XTN".equals(type) && c.position() == 4) {
      return c.usage().resolve("NET".equals(s.component(field, rep, 2).trim()));
    }
    if ("XTN".equals(type) && (c.position() == 6 || c.position() == 7)) {
      return c.usage().resolve(!"NET".equals(s.component(field, rep, 2).trim()));
    }
    return c.usage().whenFalse();
  }

  private static boolean codedTriplet(String type) {
    return "CE".equals(type) || "CWE".equals(type) || "CNE".equals(type);
  }

  private static boolean equivalentSystem(String system, String valueSet) {
    // NCIT routes and HL7 0162 routes both answer RXR-1; CDCREC covers race and ethnicity.
    return ("NCIT".equalsIgnoreCase(system) || "HL70162".equalsIgnoreCase(system)) && ("NCIT".equalsIgnoreCase(valueSet)
        || "HL70162".equalsIgnoreCase(valueSet));
  }

  private void primitive(String raw, String type, int maxLength, String valueSet, String precision, Hl7Location at, Label label,
      boolean required, List<Violation> out) {
    String v = raw.trim();
    if (v.isEmpty() || "\"\"".equals(v)) {
      return;
    }
    int max = maxLength > 0 ? maxLength : types.maxLength(type);
    switch (type) {
      case "DTM", "DT" -> {
        Hl7Timestamp ts = Hl7Timestamp.parse(v);
        if (!ts.valid() || ("DT".equals(type) && v.length() > 8)) {
          out.add(new Violation(Violation.Kind.DATE_INVALID, at, label.element(), required, label.element() + " (" + label.name() + "): "
              + (ts.valid() ? "'" + abbreviate(v) + "' is a date and time, but a date (YYYYMMDD) belongs here" : ts.problem()) + "."));
          return;
        }
        if (ts.offsetMalformed()) {
          out.add(new Violation(Violation.Kind.TIME_ZONE, at, label.element(), false, label.element() + " (" + label.name() + "): the time-zone offset in '"
              + abbreviate(v) + "' is not +/-HHMM (e.g. -0600); the time zone was ignored."));
        }
        precision(v, precision, at, label, required, out);
      }
      case "NM" -> {
        if (!number(v)) {
          out.add(new Violation(Violation.Kind.DATA_TYPE, at, label.element(), required, label.element() + " (" + label.name() + ") must be a number; '"
              + abbreviate(v) + "' is not."));
          return;
        }
      }
      case "SI" -> {
        if (!v.chars().allMatch(Character::isDigit) || v.length() > 4) {
          out.add(new Violation(Violation.Kind.DATA_TYPE, at, label.element(), required, label.element() + " (" + label.name()
              + ") must be a sequence number (a whole number, 0 or more); '" + abbreviate(v) + "' is not."));
          return;
        }
      }
      default -> {
        // ST, ID, IS, TX, FT and text-like types: any text; their codes are checked against the value set below.
      }
    }
    if (max > 0 && raw.length() > max) {
      out.add(new Violation(Violation.Kind.TOO_LONG, at, label.element(), false, label.element() + " (" + label.name() + ") is " + raw.length()
          + " characters long; the profile allows " + max + ", and a receiver may cut it."));
    }
    if (valueSet != null && !valueSet.isEmpty() && ("ID".equals(type) || "IS".equals(type) || "ST".equals(type))
        && valueSets.known(valueSet) && !valueSets.contains(valueSet, v)) {
      out.add(new Violation(Violation.Kind.VALUE_SET, at, label.element(), required, label.element() + " (" + label.name() + "): '" + abbreviate(v)
          + "' is not a code of " + valueSet + "."));
    }
  }

  private static void precision(String v, String precision, Hl7Location at, Label label, boolean required, List<Violation> out) {
    if (precision == null || precision.isEmpty()) {
      return;
    }
    Hl7Timestamp ts = Hl7Timestamp.parse(v);
    int sign = Math.max(v.indexOf('+'), v.indexOf('-'));
    String digits = (sign > 0 ? v.substring(0, sign) : v);
    int dot = digits.indexOf('.');
    int len = (dot >= 0 ? digits.substring(0, dot) : digits).length();
    String need = switch (precision) {
      case "day" -> len >= 8 ? null : "to the day (YYYYMMDD)";
      case "minute" -> len >= 12 ? null : "to the minute (YYYYMMDDHHMM)";
      case "second" -> len >= 14 ? null : "to the second (YYYYMMDDHHMMSS)";
      case "second+tz" -> len >= 14 && sign > 0 ? null : "to the second with a time-zone offset (YYYYMMDDHHMMSS+/-ZZZZ)";
      default -> null;
    };
    if (need != null && ts.valid()) {
      out.add(new Violation(Violation.Kind.PRECISION, at, label.element(), required, label.element() + " (" + label.name() + ") must be precise " + need
          + "; '" + abbreviate(v) + "' is not."));
    }
  }

  private static boolean number(String v) {
    int i = 0;
    if (v.charAt(0) == '+' || v.charAt(0) == '-') {
      i = 1;
    }
    boolean digit = false;
    boolean dot = false;
    for (; i < v.length(); i++) {
      char ch = v.charAt(i);
      if (Character.isDigit(ch)) {
        digit = true;
      } else if (ch == '.' && !dot) {
        dot = true;
      } else {
        return false;
      }
    }
    return digit;
  }

  static boolean blank(String v) {
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      if (ch != '"' && ch != '&' && !Character.isWhitespace(ch)) {
        return false;
      }
    }
    return true;
  }

  private static String firstNonBlank(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }

}
