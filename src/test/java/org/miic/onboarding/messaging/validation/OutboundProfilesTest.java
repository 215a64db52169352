package org.miic.onboarding.messaging.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.miic.onboarding.messaging.validation.profile.DataTypes;
import org.miic.onboarding.messaging.validation.profile.MessageProfile;
import org.miic.onboarding.messaging.validation.profile.ProfileChecker;
import org.miic.onboarding.messaging.validation.profile.Violation;

/**
 * What MIIC sends conforms to the IG's profiles, checked by the same engine that judges what it receives: every
 * acknowledgement to Z23, every query response to Z32 (patient found) or Z33 (not found, or the query defective).
 */
class OutboundProfilesTest {

  private static final MessageValidator VALIDATOR = Hl7Fixtures.validator();
  private static final AckBuilder ACKS = new AckBuilder(Hl7Fixtures.TABLES, Hl7Fixtures.CLOCK);
  private static final QueryResponder RESPONDER = new QueryResponder(ACKS, new HistoryEvaluation(Hl7Fixtures.CODEBASE), Hl7Fixtures.CLOCK);
  private static final ProfileChecker CHECKER = new ProfileChecker(DataTypes.load(), Hl7Fixtures.TABLES.valueSets());
  private static final String QUERY = String.join("\r",
      "MSH|^~\\&|MYEHR|MYCLINIC|MIIC|MIIC|20261120103000-0600||QBP^Q11^QBP_Q11|Q0001|P|2.5.1|||ER|AL|||||Z34^CDCPHINVS",
      "QPD|Z34^Request Immunization History^CDCPHINVS|QT0001|PAT123^^^MYCLINIC^MR|Lakewood^Maya^Rose^^^^L|Rivers^Olivia^^^^^M|20240115|F",
      "RCP|I|5^RD&Records&HL70126");

  static Stream<Arguments> acknowledgements() {
    return Stream.of(
        Arguments.of("accepted", Hl7Fixtures.cleanVxu().text()),
        Arguments.of("errors", Hl7Fixtures.cleanVxu().set("PID", 5, "").set("RXA", 1, 5, "ZZZ^unknown^CVX").text()),
        Arguments.of("warnings", Hl7Fixtures.cleanVxu().set("MSH", 21, "").set("PID", 2, "OLD").text()),
        Arguments.of("rejected version", Hl7Fixtures.cleanVxu().set("MSH", 12, "2.3.1").text()),
        Arguments.of("rejected type", Hl7Fixtures.cleanVxu().set("MSH", 9, "ADT^A01^ADT_A01").text()),
        Arguments.of("no control id", Hl7Fixtures.cleanVxu().set("MSH", 10, "").text()),
        Arguments.of("IG example", Hl7Fixtures.sample("cdcig-vxu-01-basic-message.hl7")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acknowledgements")
  void everyAcknowledgementConformsToZ23(String name, String message) {
    String ack = ACKS.ack(VALIDATOR.validate(message));
    List<Violation> defects = requiredDefects(ack, "z23-ack.tsv");
    if ("no control id".equals(name)) {
      // MSA-2 echoes MSH-10; a message without one leaves nothing true to echo (the ERR says what is missing).
      assertThat(defects).extracting(Violation::element).containsExactly("MSA-2");
    } else {
      assertThat(defects).as(ack).isEmpty();
    }
  }

  static Stream<Arguments> responses() {
    return Stream.of(
        Arguments.of("Z32 found", "z32-rsp.tsv", QUERY, List.of(Hl7Fixtures.cleanVxu().text())),
        Arguments.of("Z33 not found", "z33-rsp.tsv", QUERY, List.of(Hl7Fixtures.sample("nist-iz-ad-2.1-send-v04-z22.hl7"))),
        Arguments.of("Z33 defective query", "z33-rsp.tsv", QUERY.replace("|QT0001|", "||"), List.of()),
        Arguments.of("Z42 evaluated history", "z42-rsp.tsv", QUERY.replace("Z34^CDCPHINVS", "Z44^CDCPHINVS")
            .replace("Z34^Request Immunization History^CDCPHINVS", "Z44^Request Evaluated History and Forecast^CDCPHINVS"),
            List.of(Hl7Fixtures.cleanVxu().text())),
        Arguments.of("Z33 not found for a Z44", "z33-rsp.tsv", QUERY.replace("Z34^CDCPHINVS", "Z44^CDCPHINVS")
            .replace("Z34^Request Immunization History^CDCPHINVS", "Z44^Request Evaluated History and Forecast^CDCPHINVS"), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("responses")
  void everyQueryResponseConformsToItsProfile(String name, String profile, String query, List<String> patients) {
    String rsp = RESPONDER.respond(VALIDATOR.validate(query), patients);
    assertThat(Hl7Text.of(rsp).msh().code(21)).isEqualTo(profile.substring(0, 3).toUpperCase());
    assertThat(requiredDefects(rsp, profile)).as(rsp).isEmpty();
  }

  /** Violations of what the profile requires (usage R, data types, value sets), ignoring optional-element notes. */
  private static List<Violation> requiredDefects(String message, String profile) {
    return CHECKER.check(Hl7Text.of(message), MessageProfile.load(profile)).stream()
        .filter(v -> v.required() || v.kind() == Violation.Kind.SEGMENT_UNEXPECTED || v.kind() == Violation.Kind.FIELD_NOT_SUPPORTED
            || v.kind() == Violation.Kind.SEGMENT_NOT_SUPPORTED)
        .toList();
  }
}
