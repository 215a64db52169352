package org.miic.onboarding.messaging.validation.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.miic.onboarding.messaging.validation.Hl7Text;
import org.miic.onboarding.messaging.validation.profile.DataTypes.ComponentDef;

/**
 * The generic checker on a synthetic profile (segment ZZZ, one field per usage code and per data type) with the IG's
 * real data types ({@code profiles/datatypes.tsv}): each usage code and each data type with a passing and a failing
 * value. The real profiles are exercised by the validator's tests.
 */
class ProfileCheckerTest {

  private static final DataTypes TYPES = DataTypes.load();
  private static final ValueSets VALUE_SETS = new ValueSets() {
    @Override
    public boolean known(String valueSet) {
      return "HL70001".equals(valueSet);
    }

    @Override
    public boolean contains(String valueSet, String code) {
      return Set.of("F", "M", "U").contains(code);
    }
  };

  /** Field n of ZZZ: name, usage, cardinality, type, length, value set, predicate, precision. */
  private static final String[][] FIELDS = {
      {"1", "Required", "R", "1..1", "ST", "10", "", "", ""},
      {"2", "Required but may be empty", "RE", "0..1", "ST", "10", "", "", ""},
      {"3", "Optional", "O", "0..1", "ST", "10", "", "", ""},
      {"4", "Not supported", "X", "0..0", "ST", "10", "", "", ""},
      {"5", "Conditional", "C(R/X)", "0..1", "ST", "10", "", "ZZZ-6 = Y", ""},
      {"6", "Condition flag", "RE", "0..1", "ID", "1", "", "", ""},
      {"7", "A time stamp", "RE", "0..1", "TS", "26", "", "", "day"},
      {"8", "A date-time", "RE", "0..1", "DTM", "24", "", "", "second+tz"},
      {"9", "A date", "RE", "0..1", "DT", "8", "", "", ""},
      {"10", "A number", "RE", "0..1", "NM", "10", "", "", ""},
      {"11", "A sequence", "RE", "0..1", "SI", "4", "", "", ""},
      {"12", "A table code", "RE", "0..1", "ID", "1", "HL70001", "", ""},
      {"13", "A user code", "RE", "0..1", "IS", "1", "HL70001", "", ""},
      {"14", "Coded element", "RE", "0..1", "CE", "250", "", "", ""},
      {"15", "Coded with exceptions", "RE", "0..1", "CWE", "250", "", "", ""},
      {"16", "Identifier", "RE", "0..*", "CX", "250", "", "", ""},
      {"17", "Person name", "RE", "0..*", "XPN", "250", "", "", ""},
      {"18", "Address", "RE", "0..*", "XAD", "513", "", "", ""},
      {"19", "Telecommunication", "RE", "0..*", "XTN", "250", "", "", ""},
      {"20", "Entity identifier", "RE", "0..1", "EI", "427", "", "", ""},
      {"21", "Hierarchic designator", "RE", "0..1", "HD", "227", "", "", ""},
      {"22", "Repeats twice at most", "RE", "0..2", "ST", "10", "", "", ""},
  };

  private static MessageProfile profile() {
    StringBuilder tsv = new StringBuilder("# synthetic profile for the checker's tests\nSEG\tMSH\tHeader\tR\t1..1\t\t1\nSEG\tZZZ\tTest segment\tR\t1..1\t\t2\n");
    for (String[] f : FIELDS) {
      tsv.append(String.join("\t", "FLD", "ZZZ-" + f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], "")).append('\n');
    }
    return MessageProfile.parse("synthetic.tsv", tsv.toString());
  }

  private final ProfileChecker checker = new ProfileChecker(TYPES, VALUE_SETS);

  private List<Violation> check(int field, String value) {
    String[] fields = new String[23];
    java.util.Arrays.fill(fields, "");
    fields[0] = "ZZZ";
    fields[1] = "present";
    fields[field] = value;
    return checker.check(Hl7Text.of("MSH|^~\\&|A|B|C|D|20261120103000-0600||VXU^V04^VXU_V04|1|P|2.5.1\r" + String.join("|", fields)), profile());
  }

  private List<Violation> checkWithFlag(String flag, String conditional) {
    return checker.check(Hl7Text.of("MSH|^~\\&|A|B\rZZZ|present||||" + conditional + "|" + flag), profile());
  }

  @Test
  void usageR() {
    assertThat(check(1, "present")).isEmpty();
    assertThat(check(1, "")).singleElement().satisfies(v -> {
      assertThat(v.kind()).isEqualTo(Violation.Kind.FIELD_MISSING);
      assertThat(v.required()).isTrue();
      assertThat(v.location().erl()).isEqualTo("ZZZ^1^1");
    });
  }

  @Test
  void usageRE() {
    assertThat(check(2, "here")).isEmpty();
    assertThat(check(2, "")).isEmpty();
    assertThat(check(2, "far too long for ten")).singleElement().extracting(Violation::kind).isEqualTo(Violation.Kind.TOO_LONG);
  }

  @Test
  void usageO() {
    assertThat(check(3, "")).isEmpty();
    assertThat(check(3, "value")).isEmpty();
    // Optional is no licence for anything: a value sent is still held to its definition (here its length, 10) and
    // cardinality (one occurrence), and an absent one is never reported.
    assertThat(check(3, "much too long a value")).singleElement().satisfies(v -> {
      assertThat(v.kind()).isEqualTo(Violation.Kind.TOO_LONG);
      assertThat(v.required()).isFalse();
    });
    assertThat(check(3, "one~two")).extracting(Violation::kind).contains(Violation.Kind.FIELD_REPEATED);
  }

  @Test
  void usageX() {
    assertThat(check(4, "")).isEmpty();
    assertThat(check(4, "sent")).singleElement().satisfies(v -> {
      assertThat(v.kind()).isEqualTo(Violation.Kind.FIELD_NOT_SUPPORTED);
      assertThat(v.required()).isFalse();
    });
  }

  @Test
  void usageConditional() {
    assertThat(checkWithFlag("Y", "value")).isEmpty();
    assertThat(checkWithFlag("Y", "")).singleElement().satisfies(v -> {
      assertThat(v.kind()).isEqualTo(Violation.Kind.FIELD_MISSING);
      assertThat(v.message()).contains("when ZZZ-6 = Y");
    });
    assertThat(checkWithFlag("N", "")).isEmpty();
    assertThat(checkWithFlag("N", "value")).singleElement().extracting(Violation::kind).isEqualTo(Violation.Kind.FIELD_NOT_SUPPORTED);
  }

  @Test
  void cardinality() {
    assertThat(check(22, "a~b")).isEmpty();
    assertThat(check(22, "a~b~c")).singleElement().extracting(Violation::kind).isEqualTo(Violation.Kind.FIELD_REPEATED);
  }

  static Stream<Arguments> primitives() {
    return Stream.of(
        Arguments.of("TS", 7, "20240115", "20240231", Violation.Kind.DATE_INVALID),
        Arguments.of("TS precision", 7, "20240115", "202401", Violation.Kind.PRECISION),
        Arguments.of("TS time zone", 7, "20240115", "202401150930-500", Violation.Kind.TIME_ZONE),
        Arguments.of("DTM", 8, "20261120103000-0600", "2026-11-20", Violation.Kind.DATE_INVALID),
        Arguments.of("DTM precision", 8, "20261120103000-0600", "20261120", Violation.Kind.PRECISION),
        Arguments.of("DT", 9, "20240115", "20240115093000", Violation.Kind.DATE_INVALID),
        Arguments.of("NM", 10, "0.5", "half", Violation.Kind.DATA_TYPE),
        Arguments.of("SI", 11, "3", "-1", Violation.Kind.DATA_TYPE),
        Arguments.of("ID", 12, "F", "Q", Violation.Kind.VALUE_SET),
        Arguments.of("IS", 13, "U", "female", Violation.Kind.VALUE_SET));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("primitives")
  void eachPrimitiveTypePassesAndFails(String name, int field, String good, String bad, Violation.Kind kind) {
    assertThat(check(field, good)).as(good).isEmpty();
    assertThat(check(field, bad)).as(bad).anyMatch(v -> v.kind() == kind);
  }

  /** For each composite type, a complete value passes and the same value without its first required component fails. */
  static Stream<Arguments> composites() {
    return Stream.of(
        Arguments.of("CE", 14, "08^Hep B^CVX", "08^Hep B"),
        Arguments.of("CWE", 15, "LT^Left Thigh^HL70163", "LT^Left Thigh"),
        Arguments.of("CX", 16, "PAT123^^^MYCLINIC^MR", "^^^MYCLINIC^MR"),
        Arguments.of("XPN", 17, "Lakewood^Maya^Rose^^^^L", "^Maya^Rose^^^^L"),
        Arguments.of("XAD", 18, "12 Lake St^^Minneapolis^MN^55401^USA^P", null),
        Arguments.of("XTN", 19, "^PRN^PH^^^612^5551234", null),
        Arguments.of("EI", 20, "ORD-001^MYCLINIC", "^MYCLINIC"),
        Arguments.of("HD", 21, "MYCLINIC", "^2.16.840.1.113883.3.72"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("composites")
  void eachCompositeTypePassesAndFails(String type, int field, String good, String bad) {
    assertThat(check(field, good)).as(good).isEmpty();
    String failing = bad != null ? bad : withoutFirstRequiredComponent(type, good);
    assertThat(check(field, failing)).as(type + " " + failing).anyMatch(v -> v.kind() == Violation.Kind.COMPONENT_MISSING
        || v.kind() == Violation.Kind.DATA_TYPE || v.kind() == Violation.Kind.VALUE_SET);
    // An optional field with an unusable component is ignored, not an error.
    assertThat(check(field, failing)).allMatch(v -> !v.required());
  }

  /** The value with its first R component blanked, or (a type with no R component) a number type component spoiled. */
  private static String withoutFirstRequiredComponent(String type, String good) {
    String[] parts = good.split("\\^", -1);
    for (ComponentDef c : TYPES.components(type)) {
      if ("R".equals(c.usage().code()) && c.position() <= parts.length) {
        parts[c.position() - 1] = "";
        return String.join("^", parts);
      }
    }
    for (ComponentDef c : TYPES.components(type)) {
      if ("NM".equals(c.componentType()) && c.position() <= parts.length) {
        parts[c.position() - 1] = "abc";
        return String.join("^", parts);
      }
    }
    throw new AssertionError(type + " has neither a required nor a numeric component to spoil");
  }

  @Test
  void everyTypeTheProfilesUseIsDefined() {
    for (String file : new String[] {"z22-vxu.tsv", "z34-qbp.tsv", "z44-qbp.tsv"}) {
      MessageProfile p = MessageProfile.load(file);
      for (MessageProfile.SegmentDef s : p.segments()) {
        for (MessageProfile.FieldDef f : p.fields(s.name())) {
          assertThat(TYPES.known(f.type()) || "varies".equalsIgnoreCase(f.type())).as(file + " " + f.element() + " type " + f.type()).isTrue();
        }
      }
    }
  }
}
