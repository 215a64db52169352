package org.miic.onboarding.messaging.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule with a message that passes it (the clean VXU, or the clean QBP) and a message that fails it: one defect
 * built into the clean message. The failing message must be reported with that rule at the stated location.
 */
class RulesTest {

  private final MessageValidator validator = Hl7Fixtures.validator();

  private static final String CLEAN_QBP = String.join("\r",
      "MSH|^~\\&|MYEHR|MYCLINIC|MIIC|MIIC|20261120103000-0600||QBP^Q11^QBP_Q11|Q0001|P|2.5.1|||ER|AL|||||Z34^CDCPHINVS",
      "QPD|Z34^Request Immunization History^CDCPHINVS|QT0001|PAT123^^^MYCLINIC^MR|Lakewood^Maya^Rose^^^^L|Rivers^Olivia^^^^^M|20240115|F",
      "RCP|I|5^RD&Records&HL70126");

  static Arguments fails(String rule, String location, UnaryOperator<Hl7Fixtures.Editor> defect) {
    return Arguments.of(rule, location, defect);
  }

  static Stream<Arguments> vxuDefects() {
    return Stream.of(
        fails("FMT-001", "MSH", e -> new Hl7Fixtures.Editor("PID|1||X")),
        fails("FMT-002", "MSH^1^2", e -> new Hl7Fixtures.Editor(e.text().replace("|", "#").replaceFirst("MSH#", "MSH#"))),
        fails("FMT-003", "MSH^1^9", e -> e.set("MSH", 9, "ADT^A04^ADT_A01")),
        fails("FMT-004", "MSH^1^9^1^2", e -> e.set("MSH", 9, "VXU^V03^VXU_V04")),
        fails("FMT-005", "MSH^1^11", e -> e.set("MSH", 11, "X")),
        fails("FMT-006", "MSH^1^12", e -> e.set("MSH", 12, "2.3.1")),
        fails("FMT-007", "PI", e -> e.insertAfter("PID", 1, "PI|1")),
        fails("FMT-010", "MSH", Hl7Fixtures.Editor::withLineFeeds),
        fails("FMT-011", "MSH^1^10", e -> e.set("MSH", 10, "")),
        fails("FMT-012", "MSH^1^7", e -> e.set("MSH", 7, "2026-11-20")),
        fails("FMT-013", "MSH^1^7", e -> e.set("MSH", 7, "201201130000-500")),
        fails("FMT-014", "MSH^1^9^1^3", e -> e.set("MSH", 9, "VXU^V04")),
        fails("FMT-015", "MSH^1^21", e -> e.set("MSH", 21, "")),
        fails("FMT-016", "MSH^1^21", e -> e.set("MSH", 21, "Z34^CDCPHINVS")),
        fails("FMT-017", "MSH^1^15", e -> e.set("MSH", 15, "AL").set("MSH", 16, "ER")),
        fails("FMT-018", "MSH^1^4", e -> e.set("MSH", 4, "")),
        fails("FMT-019", "MSH^1^8", e -> e.set("MSH", 8, "I")),
        fails("FMT-020", "PID", e -> e.remove("PID", 1)),
        fails("FMT-021", "PID^1^3", e -> e.set("PID", 3, "")),
        fails("FMT-022", "PID^1^7", e -> e.set("PID", 7, "20240231")),
        fails("FMT-023", "PID^1^2", e -> e.set("PID", 2, "OLD-ID")),
        fails("FMT-024", "NK1^1^3", e -> e.set("NK1", 3, "")),
        fails("FMT-030", "RXA^2", e -> e.remove("ORC", 2)),
        fails("FMT-031", "ORC^2", e -> e.remove("RXA", 2)),
        fails("FMT-032", "RXA", e -> e.remove("RXR", 1)),
        fails("FMT-033", "PID", e -> e.set("PID", 5, "")),
        fails("FMT-034", "RXA^1^5", e -> e.set("RXA", 1, 5, "ZZZ^unknown^CVX")),
        fails("CNT-001", "PID^1^7", e -> e.set("PID", 7, "20270101")),
        fails("CNT-002", "RXA^1^3", e -> e.set("PID", 7, "20261119")),
        fails("CNT-003", "RXA^1^3", e -> e.set("RXA", 1, 3, "20261201")),
        fails("CNT-004", "MSH^1^7", e -> e.set("MSH", 7, "20261201103000-0600")),
        fails("CNT-005", "PID^1^7", e -> e.set("PID", 7, "18990101")),
        fails("CNT-006", "RXA^1^5", e -> e.set("RXA", 1, 5, "ZZZ^unknown^CVX")),
        fails("CNT-007", "RXA^1^5", e -> e.set("RXA", 1, 5, "01^DTP^CVX")),
        fails("CNT-008", "RXA^1^5", e -> e.set("RXA", 1, 5, "998^no vaccine administered^CVX")),
        fails("CNT-009", "RXA^1^17", e -> e.set("RXA", 1, 17, "QQQ^Nobody^MVX")),
        fails("CNT-010", "RXA^1^15", e -> e.set("RXA", 1, 15, "")),
        fails("CNT-011", "RXA^1^17", e -> e.set("RXA", 1, 17, "")),
        fails("CNT-012", "RXA^1^16", e -> e.set("RXA", 1, 16, "")),
        fails("CNT-013", "RXA^1^16", e -> e.set("RXA", 1, 16, "20261101")),
        fails("CNT-014", "RXA", e -> e.remove("OBX", 1)),
        fails("CNT-015", "OBX^1^5", e -> e.set("OBX", 1, 5, "V99^Invented^HL70064")),
        fails("CNT-016", "OBX^1^5", e -> e.set("OBX", 1, 5, "V06^State-specific^HL70064")),
        fails("CNT-017", "RXA", e -> e.remove("OBX", 3).remove("OBX", 2)),
        fails("CNT-018", "RXA^2^9", e -> e.set("RXA", 2, 15, "LOT9").set("RXA", 2, 17, "PMC^sanofi^MVX")),
        fails("CNT-019", "RXA^1^18", e -> e.set("RXA", 1, 20, "RE")),
        fails("CNT-020", "RXA^1^18^1^1", e -> e.set("RXA", 1, 20, "RE").set("RXA", 1, 18, "09^Busy^NIP002")),
        fails("CNT-021", "RXR^1^1", e -> e.set("RXR", 1, 1, "C99999^Telepathic^NCIT")),
        fails("CNT-022", "RXR^1^2", e -> e.set("RXR", 1, 2, "XX^Elbow^HL70163")),
        fails("CNT-023", "PID^1^5", e -> e.set("PID", 5, "Lakewood^Baby Girl^^^^^L")),
        fails("CNT-024", "ORC^2^3", e -> e.set("ORC", 2, 3, "ORD-001^MYCLINIC")),
        fails("CNT-025", "RXA^1^3", e -> e.set("RXA", 1, 3, "20261001")),
        fails("CNT-026", "PID^1^8", e -> e.set("PID", 8, "X")),
        fails("CNT-027", "PID^1^10^1^1", e -> e.set("PID", 10, "9999-9^Invented^CDCREC")),
        fails("CNT-028", "PID^1^22^1^1", e -> e.set("PID", 22, "XX^Invented^CDCREC")),
        fails("CNT-029", "RXA^1^20", e -> e.set("RXA", 1, 20, "ZZ")),
        fails("CNT-030", "RXA^1^21", e -> e.set("RXA", 1, 21, "Q")),
        fails("CNT-031", "RXA^1^9^1^1", e -> e.set("RXA", 1, 9, "42^Hearsay^NIP001")),
        fails("CNT-032", "NK1^1^3^1^1", e -> e.set("NK1", 3, "ZZZ^Invented^HL70063")),
        fails("CNT-033", "PID^1^11", e -> e.set("PID", 11, "")),
        fails("CNT-034", "RXA^1^6", e -> e.set("RXA", 1, 6, "half")),
        fails("CNT-035", "PID^1^6", e -> e.set("PID", 6, "")),
        fails("CNT-036", "RXA^1^5", e -> e.set("RXA", 1, 5, "49281-0215-88^Td^NDC")),
        fails("CNT-037", "RXA^1^18^1^2", e -> e.set("RXA", 1, 20, "RE").set("RXA", 1, 18, "02^Missed Appointment^NIP002")));
  }

  static Stream<Arguments> qbpDefects() {
    return Stream.of(
        fails("FMT-020", "RCP", e -> e.remove("RCP", 1)),
        fails("FMT-021", "QPD^1^2", e -> e.set("QPD", 2, "")),
        fails("FMT-040", "QPD^1^1", e -> e.set("QPD", 1, "Z99^Unknown query^CDCPHINVS")));
  }

  @Test
  void theCleanMessagesPassEveryRule() {
    ValidationResult vxu = validator.validate(Hl7Fixtures.cleanVxu().text());
    assertThat(vxu.findings()).isEmpty();
    assertThat(vxu.ackCode()).isEqualTo(ValidationResult.AckCode.AA);
    ValidationResult qbp = validator.validate(CLEAN_QBP);
    assertThat(qbp.findings()).isEmpty();
    assertThat(qbp.ackCode()).isEqualTo(ValidationResult.AckCode.AA);
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("vxuDefects")
  void eachVxuRuleFindsItsDefect(String rule, String location, UnaryOperator<Hl7Fixtures.Editor> defect) {
    ValidationResult result = validator.validate(defect.apply(Hl7Fixtures.cleanVxu()).text());
    assertThat(result.findings()).as(result.findings().toString())
        .anyMatch(f -> f.rule().equals(rule) && f.location().erl().equals(location) && !f.message().isBlank());
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("qbpDefects")
  void eachQueryRuleFindsItsDefect(String rule, String location, UnaryOperator<Hl7Fixtures.Editor> defect) {
    ValidationResult result = validator.validate(defect.apply(new Hl7Fixtures.Editor(CLEAN_QBP)).text());
    assertThat(result.findings()).as(result.findings().toString()).anyMatch(f -> f.rule().equals(rule) && f.location().erl().equals(location));
    assertThat(result.ackCode()).isEqualTo(ValidationResult.AckCode.AE);
  }

  @Test
  void everyRuleOfTheCatalogIsTested() {
    Set<String> tested = Stream.concat(vxuDefects(), qbpDefects()).map(a -> (String) a.get()[0]).collect(Collectors.toSet());
    assertThat(Arrays.stream(Rule.values()).map(Rule::code)).allMatch(tested::contains);
    assertThat(EnumSet.allOf(Rule.class).stream().filter(r -> r.code().startsWith("CNT"))).hasSizeGreaterThanOrEqualTo(30);
  }

  @Test
  void severitiesAreConfigurableButRejectionsAreNot() {
    MessageValidator strict = new MessageValidator(Hl7Fixtures.TABLES,
        new ValidationProperties(Map.of("CNT-014", Severity.ERROR, "FMT-006", Severity.INFORMATION), 0, 0), Hl7Fixtures.CLOCK);
    ValidationResult noVfc = strict.validate(Hl7Fixtures.cleanVxu().remove("OBX", 1).text());
    assertThat(noVfc.ackCode()).isEqualTo(ValidationResult.AckCode.AE);
    assertThat(noVfc.findings()).anyMatch(f -> f.rule().equals("CNT-014") && f.severity() == Severity.ERROR);
    ValidationResult oldVersion = strict.validate(Hl7Fixtures.cleanVxu().set("MSH", 12, "2.3.1").text());
    assertThat(oldVersion.ackCode()).isEqualTo(ValidationResult.AckCode.AR);
  }

  @Test
  void aDeletionNeedsNoAdministrationDetails() {
    ValidationResult deletion = validator.validate(Hl7Fixtures.cleanVxu().set("RXA", 1, 21, "D").remove("RXR", 1)
        .remove("OBX", 3).remove("OBX", 2).remove("OBX", 1).set("RXA", 1, 15, "").set("RXA", 1, 16, "").text());
    assertThat(deletion.findings()).isEmpty();
  }

  @Test
  void anOldDoseIsNotLateWhenHistorical() {
    assertThat(validator.validate(Hl7Fixtures.cleanVxu().set("RXA", 1, 3, "20261001").set("RXA", 1, 9, "01^Historical^NIP001")
        .set("RXA", 1, 15, "").set("RXA", 1, 17, "").text()).findings()).noneMatch(f -> f.rule().equals("CNT-025"));
  }
}
