package org.miic.onboarding.messaging.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** QBP^Q11 answered with RSP^K11 from the organization's own test patients. */
class QueryResponderTest {

  private final MessageValidator validator = Hl7Fixtures.validator();
  private final QueryResponder responder = new QueryResponder(new AckBuilder(Hl7Fixtures.TABLES, Hl7Fixtures.CLOCK), new HistoryEvaluation(Hl7Fixtures.CODEBASE), Hl7Fixtures.CLOCK);

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

  /**
   * Issue 6 and 10: a Z44 query (evaluated history and forecast) is answered with a Z42 response: the doses, each with
   * its evaluation after the observations it came with (vaccine group, schedule, dose number, validity); no forecast.
   */
  @Test
  void aZ44QueryGetsZ42WithEachDoseEvaluatedAndNoForecast() {
    String z44 = QUERY.replace("Z34^CDCPHINVS", "Z44^CDCPHINVS")
        .replace("Z34^Request Immunization History^CDCPHINVS", "Z44^Request Evaluated History and Forecast^CDCPHINVS");
    Hl7Text rsp = respond(z44, List.of(Hl7Fixtures.cleanVxu().text()));
    assertThat(rsp.msh().code(21)).isEqualTo("Z42");
    assertThat(rsp.first("QAK").field(2)).isEqualTo("OK");
    assertThat(rsp.first("QAK").code(3)).isEqualTo("Z44");
    assertThat(rsp.segments("RXA")).extracting(s -> s.code(5)).containsExactly("08", "20");
    assertThat(rsp.segments("RXA")).as("no forecast row (RXA-5 998)").noneMatch(s -> s.code(5).equals("998"));
    // OBX set ids run through the response; the evaluation follows the dose's own observations.
    assertThat(rsp.segments("OBX")).extracting(s -> s.field(1)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
    List<String> hepB = rsp.segments("OBX").subList(4, 8).stream().map(s -> s.code(3) + "=" + s.field(4) + ":" + s.code(5)).toList();
    assertThat(hepB).containsExactly("30956-7=3:45", "59779-9=3:VXC16", "30973-2=3:1", "59781-5=3:Y");
    List<String> dtap = rsp.segments("OBX").subList(8, 12).stream().map(s -> s.code(3) + "=" + s.field(4) + ":" + s.code(5)).toList();
    assertThat(dtap).containsExactly("30956-7=1:107", "59779-9=1:VXC16", "30973-2=1:1", "59781-5=1:Y");
  }

  @Test
  void theEvaluationCountsDosesPerVaccineGroupInTheOrderGivenAndMarksInvalidOnes() {
    HistoryEvaluation evaluation = new HistoryEvaluation(Hl7Fixtures.CODEBASE);
    java.time.LocalDate birth = java.time.LocalDate.of(2024, 1, 15);
    List<List<HistoryEvaluation.GroupEvaluation>> result = evaluation.evaluate(birth, List.of(
        new HistoryEvaluation.Dose("20", java.time.LocalDate.of(2024, 5, 15)),   // DTaP, second by date
        new HistoryEvaluation.Dose("110", java.time.LocalDate.of(2024, 3, 15)),  // DTaP-HepB-IPV: first of three groups
        new HistoryEvaluation.Dose("20", java.time.LocalDate.of(2024, 5, 15)),   // the same day again: not valid
        new HistoryEvaluation.Dose("08", java.time.LocalDate.of(2023, 12, 1)))); // before birth: not valid
    assertThat(result.get(1)).extracting(HistoryEvaluation.GroupEvaluation::groupCvx).contains("107", "45", "89");
    assertThat(result.get(1)).allSatisfy(e -> assertThat(e.doseNumber()).isEqualTo(1));
    assertThat(result.get(0)).singleElement().satisfies(e -> {
      assertThat(e.groupCvx()).isEqualTo("107");
      assertThat(e.doseNumber()).isEqualTo(2);
      assertThat(e.valid()).isTrue();
    });
    assertThat(result.get(2)).singleElement().satisfies(e -> {
      assertThat(e.valid()).isFalse();
      assertThat(e.doseNumber()).isNull();
    });
    assertThat(result.get(3)).singleElement().satisfies(e -> {
      assertThat(e.groupCvx()).isEqualTo("45");
      assertThat(e.valid()).isFalse();
    });
    assertThat(result.get(3).get(0).observations(2)).extracting(o -> o.split("\\|")[3]).doesNotContain("30973-2^Dose number in series^LN");
  }
}
