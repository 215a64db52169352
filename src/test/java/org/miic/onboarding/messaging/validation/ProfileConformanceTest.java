package org.miic.onboarding.messaging.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.miic.onboarding.messaging.validation.profile.DataTypes;
import org.miic.onboarding.messaging.validation.profile.MessageProfile;
import org.miic.onboarding.messaging.validation.profile.MessageProfile.FieldDef;

/**
 * The profile checker against the real Z22, Z34 and Z44 profiles: whatever RE (required, may be empty) or O element
 * the clean VXU or the clean query leaves out, no error follows (the IG allows it), and the segments the profile marks
 * RE may be absent too. For the queries this goes down to the components: an RE or O component of a field the clean
 * query values (QPD-4.3, QPD-8.1 ... QPD-8.6, QPD-9.3, CE.2 ...) may be empty as well.
 */
class ProfileConformanceTest {

  private final MessageValidator validator = Hl7Fixtures.validator();

  /** Every RE field of a segment the clean VXU has, and every RE segment. */
  static Stream<Arguments> optionalElements() {
    MessageProfile z22 = MessageProfile.load("z22-vxu.tsv");
    Hl7Text clean = Hl7Text.of(Hl7Fixtures.cleanVxu().text());
    List<Arguments> out = new ArrayList<>();
    for (MessageProfile.SegmentDef seg : z22.segments()) {
      if (clean.first(seg.name()) == null) {
        continue;
      }
      if ("RE".equals(seg.usage().code()) || "O".equals(seg.usage().code())) {
        out.add(Arguments.of(seg.name(), 0));
      }
      for (FieldDef f : z22.fields(seg.name())) {
        if (mayBeEmpty(f.usage()) && !"MSH".equals(seg.name())) {
          out.add(Arguments.of(seg.name(), f.position()));
        }
      }
    }
    assertThat(out).as("RE fields and C(RE/..) fields such as OBX-17").hasSizeGreaterThan(20)
        .anyMatch(a -> a.get()[0].equals("OBX") && a.get()[1].equals(17));
    return out.stream();
  }

  /** RE or O, or conditional with RE or O when its predicate holds and RE, O or X when it does not. */
  private static boolean mayBeEmpty(org.miic.onboarding.messaging.validation.profile.Usage usage) {
    if (usage.conditional()) {
      return optional(usage.whenTrue()) && (optional(usage.whenFalse()) || "X".equals(usage.whenFalse()));
    }
    return optional(usage.code());
  }

  /**
   * Every RE or O component of a field the clean VXU values, in every segment the Z22 profile has (the data types
   * chapter's component usage): (segment, field, component).
   */
  static Stream<Arguments> optionalVxuComponents() {
    MessageProfile z22 = MessageProfile.load("z22-vxu.tsv");
    Hl7Text clean = Hl7Text.of(Hl7Fixtures.cleanVxu().text());
    List<Arguments> out = new ArrayList<>();
    for (MessageProfile.SegmentDef seg : z22.segments()) {
      Hl7Text.Segment present = clean.first(seg.name());
      if (present == null || "MSH".equals(seg.name())) {
        continue;
      }
      for (FieldDef f : z22.fields(seg.name())) {
        if ("X".equals(f.usage().code()) || !TYPES.composite(f.type()) || present.field(f.position()).isEmpty()) {
          continue;
        }
        for (DataTypes.ComponentDef c : TYPES.components(f.type())) {
          if (optional(c.usage().code()) && !present.component(f.position(), c.position()).isEmpty()) {
            out.add(Arguments.of(seg.name(), f.position(), c.position()));
          }
        }
      }
    }
    assertThat(out).as("RE and O components of the VXU's valued fields").hasSizeGreaterThan(15);
    return out.stream();
  }

  @ParameterizedTest(name = "{0}-{1}.{2} absent")
  @MethodSource("optionalVxuComponents")
  void anAbsentOptionalComponentOfAVxuIsNeverAnError(String segment, int field, int component) {
    String text = Hl7Fixtures.cleanVxu().text();
    Hl7Fixtures.Editor message = new Hl7Fixtures.Editor(text);
    List<Hl7Text.Segment> occurrences = Hl7Text.of(text).segments(segment);
    for (int i = 1; i <= occurrences.size(); i++) {
      String value = occurrences.get(i - 1).field(field);
      if (value.isEmpty()) {
        continue;
      }
      // The first repetition's component is emptied; later repetitions stay.
      String[] repetitions = value.split("~", -1);
      List<String> parts = new ArrayList<>(List.of(repetitions[0].split("\\^", -1)));
      if (component <= parts.size()) {
        parts.set(component - 1, "");
      }
      repetitions[0] = String.join("^", parts);
      message = message.set(segment, i, field, String.join("~", repetitions));
    }
    ValidationResult result = validator.validate(message.text());
    assertThat(result.findings()).as(message.text() + "\n" + result.findings()).noneMatch(Finding::isError);
    assertThat(result.ackCode()).isEqualTo(ValidationResult.AckCode.AA);
  }

  @ParameterizedTest(name = "{0}-{1} absent")
  @MethodSource("optionalElements")
  void anAbsentOptionalElementIsNeverAnError(String segment, int field) {
    Hl7Fixtures.Editor message = Hl7Fixtures.cleanVxu();
    int occurrences = Hl7Text.of(message.text()).segments(segment).size();
    for (int i = occurrences; i >= 1; i--) {
      message = field == 0 ? message.remove(segment, i) : message.set(segment, i, field, "");
    }
    ValidationResult result = validator.validate(message.text());
    assertThat(result.findings()).as(result.findings().toString()).noneMatch(Finding::isError);
    assertThat(result.ackCode()).isEqualTo(ValidationResult.AckCode.AA);
  }

  /** A Z34 query with every RE field of QPD and RCP valued, and the RE header fields the CDC profile names. */
  static final String CLEAN_Z34 = String.join("\r",
      "MSH|^~\\&|MYEHR|MYCLINIC|MIIC|MIIC|20261120103000-0600||QBP^Q11^QBP_Q11|Q0001|P|2.5.1|||ER|AL|||||Z34^CDCPHINVS",
      "QPD|Z34^Request Immunization History^CDCPHINVS|QT0001|PAT123^^^MYCLINIC^MR|Lakewood^Maya^Rose^^^^L"
          + "|Rivers^Olivia^^^^^M|20240115|F|12 Lake St^Apt 4^Minneapolis^MN^55401^USA^P|^PRN^PH^^^612^5551234|Y|1",
      "RCP|I|5^RD&Records&HL70126|R^real-time^HL70394");

  /** The same query as a Z44 (evaluated history and forecast). */
  static final String CLEAN_Z44 = CLEAN_Z34.replace("Z34^CDCPHINVS", "Z44^CDCPHINVS")
      .replace("Z34^Request Immunization History^CDCPHINVS", "Z44^Request Evaluated History and Forecast^CDCPHINVS");

  private static final DataTypes TYPES = DataTypes.load();

  @Test
  void theCleanQueriesHaveNoFinding() {
    for (String query : List.of(CLEAN_Z34, CLEAN_Z44)) {
      ValidationResult result = validator.validate(query);
      assertThat(result.findings()).as(query).isEmpty();
      assertThat(result.ackCode()).isEqualTo(ValidationResult.AckCode.AA);
    }
  }

  @Test
  void aZ44QueryWithoutPatientListIsAccepted() {
    ValidationResult result = validator.validate(new Hl7Fixtures.Editor(CLEAN_Z44).set("QPD", 3, "").text());
    assertThat(result.findings()).as(result.findings().toString()).noneMatch(Finding::isError);
    assertThat(result.ackCode()).isEqualTo(ValidationResult.AckCode.AA);
  }

  /**
   * Every RE or O segment, field and component of the Z34 and Z44 profiles that the clean query has: (profile,
   * segment, field, component); field 0 is the whole segment, component 0 the whole field.
   */
  static Stream<Arguments> optionalQueryElements() {
    List<Arguments> out = new ArrayList<>();
    for (String file : List.of("z34-qbp.tsv", "z44-qbp.tsv")) {
      MessageProfile profile = MessageProfile.load(file);
      Hl7Text clean = Hl7Text.of(clean(file));
      for (MessageProfile.SegmentDef seg : profile.segments()) {
        Hl7Text.Segment present = clean.first(seg.name());
        if (present == null) {
          continue;
        }
        if (optional(seg.usage().code())) {
          out.add(Arguments.of(file, seg.name(), 0, 0));
        }
        for (FieldDef f : profile.fields(seg.name())) {
          if ("MSH".equals(seg.name()) && f.position() <= 2) {
            continue;
          }
          if (optional(f.usage().code())) {
            out.add(Arguments.of(file, seg.name(), f.position(), 0));
          }
          if (!"X".equals(f.usage().code()) && TYPES.composite(f.type()) && !present.field(f.position()).isEmpty()) {
            for (DataTypes.ComponentDef c : TYPES.components(f.type())) {
              if (optional(c.usage().code()) && !present.component(f.position(), c.position()).isEmpty()) {
                out.add(Arguments.of(file, seg.name(), f.position(), c.position()));
              }
            }
          }
        }
      }
    }
    assertThat(out).as("RE and O elements of QPD-3, QPD-4 ... QPD-11 and their components")
        .anyMatch(a -> a.get()[0].equals("z44-qbp.tsv") && a.get()[1].equals("QPD") && a.get()[2].equals(3))
        .hasSizeGreaterThan(30);
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: {1}-{2}.{3} absent")
  @MethodSource("optionalQueryElements")
  void anAbsentOptionalQueryElementIsNeverAnError(String file, String segment, int field, int component) {
    Hl7Fixtures.Editor query = new Hl7Fixtures.Editor(clean(file));
    if (field == 0) {
      query.remove(segment, 1);
    } else if (component == 0) {
      query.set(segment, field, "");
    } else {
      List<String> parts = new ArrayList<>(List.of(Hl7Text.of(clean(file)).first(segment).field(field).split("\\^", -1)));
      parts.set(component - 1, "");
      query.set(segment, field, String.join("^", parts));
    }
    ValidationResult result = validator.validate(query.text());
    assertThat(result.findings()).as(query.text() + "\n" + result.findings()).noneMatch(Finding::isError);
    assertThat(result.ackCode()).isEqualTo(ValidationResult.AckCode.AA);
  }

  private static String clean(String profileFile) {
    return profileFile.startsWith("z44") ? CLEAN_Z44 : CLEAN_Z34;
  }

  private static boolean optional(String usage) {
    return "RE".equals(usage) || "O".equals(usage);
  }

  /**
   * RXA-9 (administration notes, the source of the record) is C(R/O): required when RXA-20 is CP or PA, optional on a
   * refusal (RE) or a dose not given (NA), as the 2018 update of the IG says.
   */
  @Test
  void rxa9IsRequiredOnlyForADoseGiven() {
    Hl7Fixtures.Editor given = Hl7Fixtures.cleanVxu().set("RXA", 2, 9, "");
    assertThat(validator.validate(given.text()).findings()).anyMatch(f -> f.isError() && f.location().toString().startsWith("RXA^2^9"));
    Hl7Fixtures.Editor refused = Hl7Fixtures.cleanVxu().set("RXA", 2, 9, "").set("RXA", 2, 18, "00^Parental decision^NIP002")
        .set("RXA", 2, 20, "RE").set("RXA", 2, 6, "999").set("RXA", 2, 5, "20^DTaP^CVX");
    ValidationResult result = validator.validate(refused.text());
    assertThat(result.findings()).as(result.findings().toString()).noneMatch(f -> f.location().toString().startsWith("RXA^2^9"));
  }
}
