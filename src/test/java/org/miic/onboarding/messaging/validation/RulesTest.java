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
    return Stream.concat(conformanceDefects(), contentDefects());
  }

  static Stream<Arguments> conformanceDefects() {
    return Stream.of(
        fails("FMT-001", "MSH", e -> new Hl7Fixtures.Editor("PID|1||X")),
        fails("FMT-002", "MSH^1^2", e -> new Hl7Fixtures.Editor(e.text().replace("|", "#").replaceFirst("MSH#", "MSH#"))),
        fails("FMT-003", "MSH^1^9", e -> e.set("MSH", 9, "ADT^A04^ADT_A01")),
        fails("FMT-004", "MSH^1^9^1^2", e -> e.set("MSH", 9, "VXU^V03^VXU_V04")),
        fails("FMT-005", "MSH^1^11", e -> e.set("MSH", 11, "X")),
        fails("FMT-006", "MSH^1^12", e -> e.set("MSH", 12, "2.3.1")),
        fails("FMT-007", "PI", e -> e.insertAfter("PID", 1, "PI|1")),
        fails("FMT-010", "MSH", Hl7Fixtures.Editor::withLineFeeds),
        fails("FMT-013", "MSH^1^7", e -> e.set("MSH", 7, "20121113000000-500")),
        fails("FMT-014", "MSH^1^9^1^3", e -> e.set("MSH", 9, "VXU^V04")),
        fails("FMT-015", "MSH^1^21", e -> e.set("MSH", 21, "")),
        fails("FMT-016", "MSH^1^21", e -> e.set("MSH", 21, "Z34^CDCPHINVS")),
        fails("FMT-017", "MSH^1^15", e -> e.set("MSH", 15, "AL").set("MSH", 16, "ER")),
        fails("FMT-018", "MSH^1^4", e -> e.set("MSH", 4, "")),
        fails("FMT-019", "MSH^1^8", e -> e.set("MSH", 8, "I")),
        fails("FMT-020", "PID", e -> e.remove("PID", 1)),
        fails("FMT-021", "PID^1^3", e -> e.set("PID", 3, "")),
        fails("FMT-021", "MSH^1^10", e -> e.set("MSH", 10, "")),
        fails("FMT-022", "PID^1^7", e -> e.set("PID", 7, "20240231")),
        fails("FMT-022", "MSH^1^7", e -> e.set("MSH", 7, "2026-11-20")),
        fails("FMT-023", "PID^1^2", e -> e.set("PID", 2, "OLD-ID")),
        fails("FMT-024", "NK1^1^3", e -> e.set("NK1", 3, "")),
        fails("FMT-025", "PID^1^5^1^1", e -> e.set("PID", 5, "^Maya^Rose^^^^L")),
        fails("FMT-025", "PID^1^3^1^5", e -> e.set("PID", 3, "PAT123^^^MYCLINIC")),
        fails("FMT-025", "PID^1^5^1^2", e -> e.set("PID", 5, "Lakewood^^Rose^^^^L")),
        fails("FMT-025", "PID^1^3^1^4", e -> e.set("PID", 3, "PAT123^^^^MR")),
        fails("FMT-026", "PID^1^12", e -> e.set("PID", 12, "053")),
        fails("FMT-027", "PID^1^7", e -> e.set("PID", 7, "20240115~20240116")),
        fails("FMT-028", "MSH^1^10", e -> e.set("MSH", 10, "M".repeat(250))),
        fails("FMT-029", "RXA^1^1", e -> e.set("RXA", 1, 1, "first")),
        fails("FMT-030", "RXA^2", e -> e.remove("ORC", 2)),
        fails("FMT-031", "ORC^2", e -> e.remove("RXA", 2)),
        fails("FMT-033", "PID", e -> e.set("PID", 5, "")),
        fails("FMT-034", "RXA^1^5", e -> e.set("RXA", 1, 5, "ZZZ^unknown^CVX")),
        fails("FMT-035", "OBX^1^11", e -> e.set("OBX", 1, 11, "Q")),
        fails("FMT-036", "PID^1^7", e -> e.set("PID", 7, "202401")),
        fails("FMT-036", "RXA^1^3", e -> e.set("RXA", 1, 3, "202611")),
        fails("FMT-037", "MSH^1^7", e -> e.set("MSH", 7, "20261120")),
        fails("FMT-038", "ZZZ", e -> e.insertAfter("PID", 1, "ZZZ|1|local")),
        fails("FMT-039", "OBX", e -> e.insertAfter("NK1", 1, "OBX|1|CE|64994-7^Eligibility^LN|1|V02^VFC^HL70064||||||F")));
  }

  static Stream<Arguments> contentDefects() {
    return Stream.of(
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
        fails("CNT-017", "RXA", e -> e.remove("OBX", 4).remove("OBX", 3)),
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
        fails("CNT-034", "RXA^1^6", e -> e.set("RXA", 1, 6, "-1")),
        fails("CNT-035", "PID^1^6", e -> e.set("PID", 6, "")),
        fails("CNT-036", "RXA^1^5", e -> e.set("RXA", 1, 5, "49281-0215-88^Td^NDC")),
        fails("CNT-037", "RXA^1^18^1^2", e -> e.set("RXA", 1, 20, "RE").set("RXA", 1, 18, "02^Missed Appointment^NIP002")),
        // dates against each other
        fails("CNT-038", "RXA^1^3", e -> e.set("RXA", 1, 3, "20261121")),
        fails("CNT-039", "RXA^1^3", e -> e.set("PID", 29, "20261110").set("PID", 30, "Y")),
        fails("CNT-040", "PID^1^29", e -> e.set("PID", 29, "20230101").set("PID", 30, "Y")),
        fails("CNT-041", "PID^1^29", e -> e.set("PID", 29, "20270101").set("PID", 30, "Y")),
        fails("CNT-042", "PID^1^29", e -> e.set("PID", 30, "Y")),
        fails("CNT-043", "RXA^1^22", e -> e.set("RXA", 1, 22, "20261101")),
        fails("CNT-044", "RXA^1^22", e -> e.set("RXA", 1, 22, "20270101")),
        fails("CNT-045", "RXA^1^4", e -> e.set("RXA", 1, 4, "20261117")),
        fails("CNT-046", "OBX^4^5", e -> e.insertAfter("OBX", 4, "OBX|5|DT|29768-9^Date vis published^LN|2|20261119||||||F")),
        fails("CNT-047", "OBX^4^5", e -> e.set("OBX", 4, 5, "20261119")),
        fails("CNT-048", "OBX^5^5", e -> e.insertAfter("OBX", 4, "OBX|5|DT|29768-9^Date vis published^LN|2|20270101||||||F")),
        fails("CNT-049", "OBX^3", e -> e.remove("OBX", 4)),
        fails("CNT-050", "PID^1^7", e -> e.set("PID", 7, "20261122")),
        fails("CNT-051", "PD1^1^17", e -> e.insertAfter("PID", 1, "PD1||||||||||||||||A|20261201")),
        fails("CNT-052", "RXA^1^16", e -> e.set("RXA", 1, 16, "20350101")),
        // vaccine against age and licensed dates
        fails("CNT-053", "RXA^1^5", e -> e.set("RXA", 1, 5, "165^HPV9^CVX").set("PID", 7, "19900115").remove("OBX", 1)
            .set("RXA", 1, 3, "20140101").set("MSH", 7, "20140102103000-0600")),
        fails("CNT-054", "RXA^2^5", e -> e.set("RXA", 2, 5, "51^Hib-Hep B^CVX")),
        fails("CNT-055", "RXA^2^5", e -> e.set("RXA", 2, 5, "143^Adenovirus types 4 and 7^CVX").set("PID", 7, "19900115")
            .set("RXA", 2, 3, "20100101").remove("OBX", 1)),
        fails("CNT-056", "RXA^1^5", e -> e.set("RXA", 1, 5, "165^HPV9^CVX")),
        fails("CNT-057", "RXA^1^5", e -> e.set("RXA", 1, 5, "116^Rotavirus, pentavalent^CVX")),
        fails("CNT-058", "RXA^1^5", e -> e.set("RXA", 1, 5, "45^Hep B, unspecified formulation^CVX")),
        fails("CNT-059", "RXA^2^5", e -> e.set("RXA", 2, 5, "86^IG^CVX")),
        fails("CNT-060", "RXA^2^5", e -> e.set("RXA", 2, 5, "76^Staphylococcus bacteriophage lysate^CVX")),
        // product consistency, NDC, CPT
        fails("CNT-061", "RXA^1^17", e -> e.set("RXA", 1, 17, "PMC^sanofi^MVX")),
        fails("CNT-062", "RXA^2^17", e -> e.set("RXA", 2, 5, "07^Mumps^CVX").set("RXA", 2, 17, "MSD^Merck^MVX")),
        fails("CNT-063", "RXA^1^17", e -> e.set("RXA", 1, 17, "AB^Abbott^MVX")),
        fails("CNT-064", "RXA^1^17^1^1", e -> e.set("RXA", 1, 17, "Merck^Merck and Co^MVX")),
        fails("CNT-065", "RXA^1^17^1^3", e -> e.set("RXA", 1, 17, "MSD^Merck^HL70227")),
        fails("CNT-066", "RXA^1^5", e -> e.set("RXA", 1, 5, "08^Hep B^CVX^00000-0000-00^Unknown^NDC")),
        fails("CNT-067", "RXA^1^5", e -> e.set("RXA", 1, 5, "08^Hep B^CVX^0069-0207-01^Abrysvo^NDC")),
        fails("CNT-068", "RXA^1^5", e -> e.set("RXA", 1, 5, "08^Hep B^CVX^00069-0207-01^Abrysvo^NDC")),
        fails("CNT-069", "RXA^1^5", e -> e.set("RXA", 1, 5, "08^Hep B^CVX^99999^Unknown^CPT")),
        fails("CNT-070", "RXA^1^5", e -> e.set("RXA", 1, 5, "08^Hep B^CVX^90477^Adenovirus^CPT")),
        // route and site
        fails("CNT-071", "RXR^1^1", e -> e.set("RXR", 1, 1, "C38288^Oral^NCIT").set("RXR", 1, 2, "")),
        fails("CNT-072", "RXR^1^2", e -> e.set("RXR", 1, 1, "C38288^Oral^NCIT")),
        fails("CNT-072", "RXR^1^2", e -> e.set("RXR", 1, 2, "LLFA^Left Lower Forearm^HL70163")),
        fails("CNT-072", "RXR^1^2", e -> e.set("RXA", 1, 5, "116^rotavirus, pentavalent^CVX")),
        fails("CNT-073", "RXA", e -> e.remove("RXR", 1)),
        fails("CNT-074", "RXR^1^1", e -> e.set("RXR", 1, 1, "IN^Intranasal^HL70162").set("RXR", 1, 2, "")),
        fails("CNT-075", "RXR^1^2", e -> e.set("RXR", 1, 2, "")),
        // lot numbers
        fails("CNT-076", "RXA^1^15", e -> e.set("RXA", 1, 15, "N/A")),
        fails("CNT-077", "RXA^1^15", e -> e.set("RXA", 1, 15, "LOT# X7Y8Z9")),
        fails("CNT-078", "RXA^1^15", e -> e.set("RXA", 1, 5, "20^DTaP^CVX").set("RXA", 1, 17, "PMC^sanofi^MVX")),
        fails("CNT-079", "RXA^1^15", e -> e.set("RXA", 1, 15, "X7")),
        // funding and eligibility
        fails("CNT-080", "RXA", e -> e.remove("OBX", 2)),
        fails("CNT-081", "OBX^2^5", e -> e.set("OBX", 2, 5, "VXC99^Invented^CDCPHINVS")),
        fails("CNT-082", "OBX^2^5", e -> e.set("OBX", 2, 5, "PHC70^Private funds^CDCPHINVS")),
        fails("CNT-083", "OBX^1^5", e -> e.set("PID", 7, "19900115")),
        fails("CNT-084", "OBX^1^17", e -> e.set("OBX", 1, 17, "")),
        fails("CNT-085", "OBX^5^5", e -> e.insertAfter("RXA", 2, "OBX|5|CE|64994-7^Eligibility^LN|3|V01^Not VFC eligible^HL70064||||||F|||||||"
            + "VXC40^Per immunization^CDCPHINVS")),
        // VIS
        fails("CNT-086", "OBX^3^5", e -> e.set("OBX", 3, 5, "999999^Invented^cdcgs1vis")),
        fails("CNT-087", "OBX^3^5", e -> e.set("OBX", 3, 3, "30956-7^Vaccine type^LN").set("OBX", 3, 5, "999^Unknown^CVX")),
        fails("CNT-088", "OBX^3^5", e -> e.set("OBX", 3, 5, "253088698300012711250131^MMR VIS^cdcgs1vis")),
        fails("CNT-089", "OBX^5^5", e -> e.set("OBX", 3, 3, "30956-7^Vaccine type^LN").set("OBX", 3, 5, "45^Hep B^CVX")
            .insertAfter("OBX", 4, "OBX|5|DT|29768-9^Date vis published^LN|2|20200101||||||F")),
        fails("CNT-090", "OBX^3^5", e -> e.set("OBX", 3, 5, "253088698300005911120202^Hepatitis B VIS^cdcgs1vis")),
        // address and phone
        fails("CNT-091", "PID^1^11^1^5", e -> e.set("PID", 11, "12 Lake St^^Minneapolis^MN^5540^USA^P")),
        fails("CNT-092", "PID^1^11^1^4", e -> e.set("PID", 11, "12 Lake St^^Minneapolis^ZZ^55401^USA^P")),
        fails("CNT-093", "PID^1^11^1^7", e -> e.set("PID", 11, "12 Lake St^^Minneapolis^MN^55401^USA")),
        fails("CNT-094", "PID^1^11^1^1", e -> e.set("PID", 11, "^^Minneapolis^MN^55401^USA^P")),
        fails("CNT-095", "PID^1^11^1^6", e -> e.set("PID", 11, "12 Lake St^^Minneapolis^MN^55401^U.S.A.^P")),
        fails("CNT-096", "PID^1^13^1^7", e -> e.set("PID", 13, "^PRN^PH^^^612^555123")),
        fails("CNT-097", "PID^1^13^1^2", e -> e.set("PID", 13, "^XXX^PH^^^612^5551234")),
        fails("CNT-098", "PID^1^13^1^3", e -> e.set("PID", 13, "^PRN^ZZ^^^612^5551234")),
        fails("CNT-099", "PID^1^13^1^4", e -> e.set("PID", 13, "^NET^Internet^not-an-address")),
        // names and identifiers
        fails("CNT-100", "PID^1^5^1^1", e -> e.set("PID", 5, "Lakew00d^Maya^Rose^^^^L")),
        fails("CNT-101", "PID^1^5^1^7", e -> e.set("PID", 5, "Lakewood^Maya^Rose^^^^Q")),
        fails("CNT-102", "PID^1^5", e -> e.set("PID", 5, "Test^Patient^^^^^L")),
        fails("CNT-103", "PID^1^3^1^5", e -> e.set("PID", 3, "PAT123^^^MYCLINIC^QQ")),
        fails("CNT-104", "PID^1^3^1^1", e -> e.set("PID", 3, "000000^^^MYCLINIC^MR")),
        fails("CNT-105", "PID^1^3^2^1", e -> e.set("PID", 3, "PAT123^^^MYCLINIC^MR~123^^^SSA^SS")),
        fails("CNT-106", "PID^1^25", e -> e.set("PID", 24, "Y")),
        fails("CNT-107", "NK1^1^2", e -> e.set("NK1", 2, "")),
        fails("CNT-108", "RXA^1^10", e -> e.set("RXA", 1, 10, "")),
        fails("CNT-109", "RXA^1^11", e -> e.set("RXA", 1, 11, "")),
        fails("CNT-110", "PID^1^15^1^1", e -> e.set("PID", 15, "zzz^Nowhere^ISO639")),
        fails("CNT-111", "PD1^1^16", e -> e.insertAfter("PID", 1, "PD1||||||||||||||||Q")),
        fails("CNT-112", "PD1^1^11^1^1", e -> e.insertAfter("PID", 1, "PD1|||||||||||99^Invented^HL70215")),
        fails("CNT-113", "PD1^1^12", e -> e.insertAfter("PID", 1, "PD1||||||||||||Q")),
        fails("CNT-114", "PID^1^10", e -> e.set("PID", 10, "")),
        // observations
        fails("CNT-115", "OBX^2^3^1^1", e -> e.set("OBX", 2, 3, "12345-6^Invented^LN")),
        fails("CNT-116", "OBX^1^2", e -> e.set("OBX", 1, 2, "NM")),
        fails("CNT-117", "OBX^5^5", e -> e.insertAfter("OBX", 4, "OBX|5|CE|59784-9^Disease with presumed immunity^LN|3|999999^Invented^SCT||||||F")),
        fails("CNT-118", "OBX^5^5", e -> e.insertAfter("OBX", 4, "OBX|5|CE|30945-0^Vaccination contraindication^LN|3|XX^Invented^CDCPHINVS||||||F")),
        fails("CNT-119", "OBX^5^5", e -> e.insertAfter("OBX", 4, "OBX|5|CE|31044-1^Reaction^LN|3|XX^Invented^CDCPHINVS||||||F")),
        // the doses of one message
        fails("CNT-120", "RXA^2^5", e -> e.insertAfter("OBX", 4, "ORC|RE||ORD-003^MYCLINIC").insertAfter("ORC", 2,
            "RXA|0|1|20261118||08^Hep B^CVX|999|||01^Historical^NIP001|||||||||||CP|A")),
        fails("CNT-121", "RXA^1^21", e -> e.set("RXA", 1, 21, "")),
        fails("CNT-122", "RXA^1^15", e -> e.set("RXA", 1, 20, "RE").set("RXA", 1, 18, "00^Parental decision^NIP002")),
        fails("CNT-123", "RXA^1^18", e -> e.set("RXA", 1, 20, "NA")),
        fails("CNT-124", "RXA^1^6", e -> e.set("RXA", 1, 6, "999")),
        fails("CNT-125", "RXA^1^6", e -> e.set("RXA", 1, 6, "50")),
        fails("CNT-126", "RXA^1^7", e -> e.set("RXA", 1, 7, "")),
        fails("CNT-127", "PID", e -> new Hl7Fixtures.Editor(String.join("\r", Hl7Fixtures.cleanVxu().text().split("\r")[0],
            Hl7Fixtures.cleanVxu().text().split("\r")[1], Hl7Fixtures.cleanVxu().text().split("\r")[2]))),
        fails("CNT-128", "RXA^1^20", e -> e.set("RXA", 1, 20, "PA")));
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
    assertThat(EnumSet.allOf(Rule.class).stream().filter(r -> r.code().startsWith("CNT"))).hasSizeGreaterThanOrEqualTo(100);
  }

  @Test
  void severitiesAreConfigurableButRejectionsAreNot() {
    MessageValidator strict = new MessageValidator(Hl7Fixtures.TABLES, Hl7Fixtures.CODEBASE,
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
        .remove("OBX", 4).remove("OBX", 3).remove("OBX", 2).remove("OBX", 1).set("RXA", 1, 15, "").set("RXA", 1, 16, "")
        .set("RXA", 1, 17, "").text());
    // The IG's conditions for a dose given (lot, manufacturer) become warnings: the deletion is accepted.
    assertThat(deletion.findings()).as(deletion.findings().toString()).noneMatch(Finding::isError);
    assertThat(deletion.ackCode()).isEqualTo(ValidationResult.AckCode.AA);
  }

  @Test
  void anOldDoseIsNotLateWhenHistorical() {
    assertThat(validator.validate(Hl7Fixtures.cleanVxu().set("RXA", 1, 3, "20261001").set("RXA", 1, 9, "01^Historical^NIP001")
        .set("RXA", 1, 15, "").set("RXA", 1, 17, "").text()).findings()).noneMatch(f -> f.rule().equals("CNT-025"));
  }
}
