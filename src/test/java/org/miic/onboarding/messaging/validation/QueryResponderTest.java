package org.miic.onboarding.messaging.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** QBP^Q11 answered with RSP^K11 from the organization's own test patients. */
class QueryResponderTest {

  private final MessageValidator validator = Hl7Fixtures.validator();
  private final QueryResponder responder = new QueryResponder(new AckBuilder(Hl7Fixtures.TABLES, Hl7Fixtures.CLOCK), Hl7Fixtures.CLOCK);

  private static final String QUERY = String.join("\r",
      "MSH|^~\\&|MYEHR|MYCLINIC|MIIC|MIIC|20261120103000-0600||QBP^Q11^QBP_Q11|Q0001|P|2.5.1|||ER|AL|||||Z34^CDCPHINVS",
      "QPD|Z34^Request Immunization History^CDCPHINVS|QT0001|PAT123^^^MYCLINIC^MR|Lakewood^Maya^Rose^^^^L|Rivers^Olivia^^^^^M|20240115|F",
      "RCP|I|5^RD&Records&HL70126");

  private Hl7Text respond(String query, List<String> patients) {
    return Hl7Text.of(responder.respond(validator.validate(query), patients));
  }

  @Test
  void noMatchingTestPatientGivesZ33NotFound() {
    Hl7Text rsp = respond(QUERY, List.of(Hl7Fixtures.sample("nist-iz-ad-2.1-send-v04-z22.hl7")));
    assertThat(rsp.msh().field(9)).isEqualTo("RSP^K11^RSP_K11");
    assertThat(rsp.msh().code(21)).isEqualTo("Z33");
    assertThat(rsp.first("MSA").field(1)).isEqualTo("AA");
    assertThat(rsp.first("MSA").field(2)).isEqualTo("Q0001");
    assertThat(rsp.first("QAK").field(1)).isEqualTo("QT0001");
    assertThat(rsp.first("QAK").field(2)).isEqualTo("NF");
    assertThat(rsp.first("QPD").field(3)).isEqualTo("PAT123^^^MYCLINIC^MR");
    assertThat(rsp.segments("PID")).isEmpty();
  }

  @Test
  void aMatchingTestPatientGivesZ32WithTheDoses() {
    Hl7Text rsp = respond(QUERY, List.of(Hl7Fixtures.cleanVxu().text(), Hl7Fixtures.sample("nist-iz-ad-2.1-send-v04-z22.hl7")));
    assertThat(rsp.msh().code(21)).isEqualTo("Z32");
    assertThat(rsp.first("QAK").field(2)).isEqualTo("OK");
    assertThat(rsp.first("PID").field(3)).isEqualTo("PAT123^^^MYCLINIC^MR");
    assertThat(rsp.segments("RXA")).extracting(s -> s.code(5)).containsExactly("08", "20");
    assertThat(rsp.segments("ORC")).hasSize(2);
    assertThat(rsp.segments("RXR")).hasSize(1);
  }

  @Test
  void aPatientAlsoMatchesOnNameAndBirthDate() {
    String byName = QUERY.replace("PAT123^^^MYCLINIC^MR", "OTHER-ID^^^ELSEWHERE^MR");
    assertThat(respond(byName, List.of(Hl7Fixtures.cleanVxu().text())).first("QAK").field(2)).isEqualTo("OK");
    assertThat(respond(byName.replace("20240115", "20240116"), List.of(Hl7Fixtures.cleanVxu().text())).first("QAK").field(2)).isEqualTo("NF");
  }

  @Test
  void aDefectiveQueryGetsZ33WithTheErrorsLikeTheIgExample() {
    Hl7Text rsp = respond(Hl7Fixtures.sample("cdcig-qbp-z34-defective-missing-query-tag.hl7"), List.of(Hl7Fixtures.cleanVxu().text()));
    Hl7Text ig = Hl7Text.of(Hl7Fixtures.sample("cdcig-rsp-z33-ae-missing-query-tag.hl7"));
    assertThat(rsp.first("MSA").field(1)).isEqualTo(ig.first("MSA").field(1)).isEqualTo("AE");
    assertThat(rsp.first("QAK").field(2)).isEqualTo(ig.first("QAK").field(2)).isEqualTo("AE");
    assertThat(rsp.segments("ERR")).anyMatch(e -> e.field(2).equals(ig.first("ERR").field(2)) && e.code(3).equals(ig.first("ERR").code(3)));
    assertThat(rsp.segments("PID")).isEmpty();
  }

  @Test
  void aRejectedQueryGetsAnAck() {
    Hl7Text ack = respond(QUERY.replace("|2.5.1|", "|2.3.1|"), List.of());
    assertThat(ack.msh().field(9)).isEqualTo("ACK^Q11^ACK");
    assertThat(ack.first("MSA").field(1)).isEqualTo("AR");
  }
}
