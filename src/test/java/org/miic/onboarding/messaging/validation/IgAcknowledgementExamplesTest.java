package org.miic.onboarding.messaging.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example acknowledgements of the CDC IG R1.5 (cdcig-ack-*.hl7), reproduced: each defect the example describes is
 * built into the IG's own conformant example VXU, and the acknowledgement must carry the example's MSA-1 and, for each
 * of its ERR segments, an ERR with the same ERR-2 (location), ERR-3 (HL7 0357 code) and ERR-4 (severity).
 */
class IgAcknowledgementExamplesTest {

  private static final ca.uhn.hl7v2.parser.PipeParser HAPI = ca.uhn.hl7v2.parser.PipeParser.getInstanceWithNoValidation();
  private final MessageValidator validator = Hl7Fixtures.validator();
  private final AckBuilder acks = new AckBuilder(Hl7Fixtures.TABLES, Hl7Fixtures.CLOCK);

  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of("cdcig-ack-01-aa-success.hl7", base()),
        Arguments.of("cdcig-ack-02-ar-unsupported-version.hl7", base().set("MSH", 12, "10.0")),
        Arguments.of("cdcig-ack-03-ae-pid5-missing-message-rejected.hl7", base().set("PID", 5, "")),
        Arguments.of("cdcig-ack-04-ae-rxa5-invalid-order-group-rejected.hl7", base().set("RXA", 1, 5, "ZZZ^Unknown vaccine^CVX")),
        Arguments.of("cdcig-ack-05-ae-nk1-relationship-missing-segment-rejected.hl7", base().set("NK1", 3, "")),
        Arguments.of("cdcig-ack-06-aa-warning-pid2-ignored.hl7", base().set("PID", 2, "12345")),
        Arguments.of("cdcig-ack-07-ae-birthdate-in-future.hl7", base().set("PID", 7, "20300101")),
        Arguments.of("cdcig-ack-08-ar-unrecognized-message-type.hl7", base().set("MSH", 9, "ADT^A01^ADT_A01")));
  }

  /** The IG's example VXU #1, conformant. */
  private static Hl7Fixtures.Editor base() {
    return new Hl7Fixtures.Editor(Hl7Fixtures.sample("cdcig-vxu-01-basic-message.hl7"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theIgExampleAcknowledgementIsReproduced(String example, Hl7Fixtures.Editor message) throws Exception {
    Hl7Text expected = Hl7Text.of(Hl7Fixtures.sample(example));
    String ack = acks.ack(validator.validate(message.text()));
    Hl7Text actual = Hl7Text.of(ack);
    // The acknowledgement is a valid HL7 2.5.1 ACK for HAPI, ERR for ERR.
    ca.uhn.hl7v2.model.v251.message.ACK parsed = (ca.uhn.hl7v2.model.v251.message.ACK) HAPI.parse(ack);
    assertThat(parsed.getMSA().getAcknowledgmentCode().getValue()).isEqualTo(actual.first("MSA").code(1));
    assertThat(parsed.getERRReps()).isEqualTo(actual.segments("ERR").size());
    assertThat(parsed.getMSH().getMessageProfileIdentifier(0).getEntityIdentifier().getValue()).isEqualTo("Z23");

    assertThat(actual.first("MSA").code(1)).isEqualTo(expected.first("MSA").code(1));
    assertThat(actual.first("MSA").field(2)).isEqualTo("45646ug");
    List<String> produced = new ArrayList<>();
    for (Hl7Text.Segment err : actual.segments("ERR")) {
      produced.add(location(err) + " " + err.code(3) + " " + err.code(4));
    }
    for (Hl7Text.Segment err : expected.segments("ERR")) {
      String code = err.code(3);
      String wanted = location(err) + " " + (code.isEmpty() ? "" : code) + " " + err.code(4);
      assertThat(produced).as("ERR of " + example).anyMatch(p -> code.isEmpty()
          ? p.startsWith(location(err) + " ") && p.endsWith(" " + err.code(4)) : p.equals(wanted));
    }
  }

  @org.junit.jupiter.api.Test
  void valuesEchoedFromTheMessageAreEscaped() throws Exception {
    String ack = acks.ack(validator.validate(base().set("MSH", 10, "ID\\F\\with|pipes").set("MSH", 3, "APP&SUB").text()));
    ca.uhn.hl7v2.model.v251.message.ACK parsed = (ca.uhn.hl7v2.model.v251.message.ACK) HAPI.parse(ack);
    assertThat(parsed.getMSA().getMessageControlID().getValue()).isEqualTo("ID\\F\\with");
    assertThat(AckBuilder.escape("a|b^c&d~e\\f\r")).isEqualTo("a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f");
  }

  /**
   * ERR-2 as segment, field (and sequence when given). The IG's examples write "PID^2" and "NK1^3" for PID-2 and NK1-3
   * (errata: ERL puts the sequence second), so a two-part location is read as segment^field.
   */
  private static String location(Hl7Text.Segment err) {
    String segment = err.component(2, 1);
    String second = err.component(2, 2);
    String third = err.component(2, 3);
    if (second.isEmpty()) {
      return segment;
    }
    return third.isEmpty() ? segment + "-" + second : segment + "-" + third;
  }
}
