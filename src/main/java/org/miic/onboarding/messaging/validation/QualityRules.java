package org.miic.onboarding.messaging.validation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.miic.onboarding.messaging.validation.Hl7Text.Segment;

/** Content quality of VXU messages: the kind of checks IIS and AIRA's MQE apply to immunization data. */
final class QualityRules {



  private static final Set<String> PLACEHOLDER_GIVEN = Set.of("BABY", "BOY", "GIRL", "INFANT", "NEWBORN", "TEST", "UNKNOWN", "NONE",
      "NOFIRSTNAME", "BABYBOY", "BABYGIRL");
  private static final Set<String> PLACEHOLDER_FAMILY = Set.of("TEST", "UNKNOWN", "NONE", "NOLASTNAME");
  private static final Set<String> HISTORICAL = Set.of("01", "02", "03", "04", "05", "06", "07", "08");
  private static final Set<String> NO_VACCINE = Set.of("998", "999");

  private final CodeTables tables;
  private final ValidationProperties properties;

  QualityRules(CodeTables tables, ValidationProperties properties) {
    this.tables = tables;
    this.properties = properties;
  }

  void vxu(Hl7Text m, ValidationContext ctx, LocalDateTime now) {
    LocalDate today = now.toLocalDate();
    Segment msh = m.msh();
    Hl7Timestamp messageTime = Hl7Timestamp.parse(msh.component(7, 1));
    if (messageTime.valid() && messageTime.dateTime().isAfter(now.plusDays(1))) {
      ctx.report(Rule.CNT_MESSAGE_FUTURE, msh.at(7), "The message date " + messageTime.date() + " is in the future; check the sending system's clock.");
    }
    LocalDate birth = null;
    Segment pid = m.first("PID");
    if (pid != null) {
      birth = patient(pid, ctx, today);
    }
    for (Segment nk1 : m.segments("NK1")) {
      String relationship = nk1.code(3);
      if (!relationship.isEmpty() && !tables.contains("hl70063", relationship)) {
        ctx.report(Rule.CNT_RELATIONSHIP_INVALID, nk1.at(3, 1), "Relationship '" + relationship + "' is not in HL7 table 0063 (e.g. MTH mother, FTH father, GRD guardian).");
      }
    }
    Map<String, Segment> orderIds = new HashMap<>();
    for (Segment orc : m.segments("ORC")) {
      String id = orc.component(3, 1).trim() + "^" + orc.component(3, 2).trim();
      if (!orc.isEmpty(3) && orderIds.putIfAbsent(id, orc) != null) {
        ctx.report(Rule.CNT_DUPLICATE_ORDER_ID, orc.at(3), "ORC-3 '" + ConformanceRules.abbreviate(orc.field(3))
            + "' is used by another vaccination in this message; each needs its own filler order number.");
      }
    }
    List<Segment> segments = m.segments();
    for (int i = 0; i < segments.size(); i++) {
      if ("RXA".equals(segments.get(i).name())) {
        vaccination(segments.get(i), ConformanceRules.groupSegments(segments, i), birth, messageTime, today, ctx);
      }
    }
  }

  private LocalDate patient(Segment pid, ValidationContext ctx, LocalDate today) {
    String family = pid.component(5, 1).trim().toUpperCase(Locale.ROOT);
    String given = pid.component(5, 2).trim().toUpperCase(Locale.ROOT);
    if (PLACEHOLDER_GIVEN.contains(given.replace(" ", "")) || PLACEHOLDER_FAMILY.contains(family)
        || (given.startsWith("BABY ") && (given.endsWith("BOY") || given.endsWith("GIRL")))) {
      ctx.report(Rule.CNT_PLACEHOLDER_NAME, pid.at(5), "The name '" + ConformanceRules.abbreviate(pid.component(5, 2) + " " + pid.component(5, 1))
          + "' looks like a placeholder (newborn or test name); send the patient's legal name once known.");
    }
    String sex = pid.code(8);
    if (sex.isEmpty() || !Set.of("F", "M", "U").contains(sex)) {
      ctx.report(Rule.CNT_SEX_INVALID, pid.at(8), sex.isEmpty() ? "PID-8 (administrative sex) is empty; use F, M or U."
          : "Administrative sex '" + ConformanceRules.abbreviate(sex) + "' is not F, M or U.");
    }
    for (int rep = 1; rep <= pid.repetitions(10).size(); rep++) {
      String race = pid.component(10, rep, 1).trim();
      if (!race.isEmpty() && !tables.contains("cdcrec-race", race)) {
        ctx.report(Rule.CNT_RACE_INVALID, new Hl7Location("PID", pid.sequence(), 10, rep, 1), "Race code '" + ConformanceRules.abbreviate(race)
            + "' is not a CDC race code (CDCREC, e.g. 2106-3 White, 2054-5 Black or African American).");
      }
    }
    String ethnicity = pid.component(22, 1).trim();
    if (!ethnicity.isEmpty() && !tables.contains("cdcrec-ethnicity", ethnicity)) {
      ctx.report(Rule.CNT_ETHNICITY_INVALID, pid.at(22, 1), "Ethnicity code '" + ConformanceRules.abbreviate(ethnicity)
          + "' is not a CDC ethnicity code (2135-2 Hispanic or Latino, 2186-5 Not Hispanic or Latino).");
    }
    if (pid.isEmpty(11)) {
      ctx.report(Rule.CNT_ADDRESS_MISSING, pid.at(11), "PID-11 (patient address) is empty; MIIC uses it to match patients and for outreach.");
    }
    if (pid.isEmpty(6)) {
      ctx.report(Rule.CNT_MOTHER_MAIDEN_MISSING, pid.at(6), "PID-6 (mother's maiden name) is empty; it helps MIIC match patients.");
    }
    Hl7Timestamp birth = Hl7Timestamp.parse(pid.component(7, 1));
    if (!birth.valid()) {
      return null;
    }
    if (birth.date().isAfter(today)) {
      Finding f = ctx.report(Rule.CNT_BIRTH_FUTURE, pid.at(7), "The birth date " + birth.date() + " is after today.");
      ctx.rejectRequiredField(f, pid.location(), true, "PID is a required segment and its birth date is unusable; the message is rejected.");
      return null;
    }
    if (birth.date().isBefore(today.minusYears(120))) {
      ctx.report(Rule.CNT_BIRTH_IMPLAUSIBLE, pid.at(7), "The birth date " + birth.date() + " is more than 120 years ago.");
    }
    return birth.date();
  }

  private void vaccination(Segment rxa, List<Segment> group, LocalDate birth, Hl7Timestamp messageTime, LocalDate today,
      ValidationContext ctx) {
    String completion = rxa.code(20);
    String source = rxa.code(9);
    boolean given = completion.isEmpty() || "CP".equals(completion) || "PA".equals(completion);
    boolean historical = HISTORICAL.contains(source);
    // A deletion (RXA-21 D) only identifies the dose to remove: the checks of a dose given do not apply to it.
    boolean newAdministration = given && !historical && !"D".equals(rxa.code(21));
    Hl7Timestamp administered = Hl7Timestamp.parse(rxa.component(3, 1));
    String rejected = "RXA is a required segment of its order group; this vaccination was rejected.";

    if (administered.valid()) {
      if (administered.date().isAfter(today)) {
        Finding f = ctx.report(Rule.CNT_VACCINATION_FUTURE, rxa.at(3), "The vaccination date " + administered.date() + " is in the future.");
        ctx.rejectRequiredField(f, rxa.location(), true, rejected);
      } else if (birth != null && administered.date().isBefore(birth)) {
        Finding f = ctx.report(Rule.CNT_VACCINATION_BEFORE_BIRTH, rxa.at(3), "The vaccination date " + administered.date()
            + " is before the birth date " + birth + ".");
        ctx.rejectRequiredField(f, rxa.location(), true, rejected);
      } else if (newAdministration && messageTime.valid()
          && ChronoUnit.DAYS.between(administered.date(), messageTime.date()) > properties.lateReportingDays()) {
        ctx.report(Rule.CNT_LATE_REPORTING, rxa.at(3), "This dose given on " + administered.date() + " was reported "
            + ChronoUnit.DAYS.between(administered.date(), messageTime.date()) + " days later; MIIC expects reports within "
            + properties.lateReportingDays() + " days.");
      }
    }

    String cvx = cvx(rxa);
    if (cvx == null) {
      if (!rxa.isEmpty(5)) {
        ctx.report(Rule.CNT_VACCINE_NOT_CVX, rxa.at(5), "RXA-5 has no CVX code (coding system CVX); MIIC maps other codes, but CVX is preferred.");
      }
    } else if (tables.find("cvx", cvx).isEmpty()) {
      Finding f = ctx.report(Rule.CNT_CVX_UNKNOWN, rxa.at(5), "Vaccine code '" + ConformanceRules.abbreviate(cvx) + "' is not a CVX code.");
      ctx.rejectRequiredField(f, rxa.location(), true, rejected);
    } else if (given && NO_VACCINE.contains(cvx) && !historical) {
      ctx.report(Rule.CNT_CVX_NO_VACCINE, rxa.at(5), "CVX " + cvx + " (" + tables.name("cvx", cvx)
          + ") cannot be an administered dose; send the vaccine given, or RXA-20 NA/RE for a dose not given.");
    } else if (newAdministration && !"Active".equals(tables.find("cvx", cvx).get().status())) {
      ctx.report(Rule.CNT_CVX_INACTIVE, rxa.at(5), "CVX " + cvx + " (" + tables.name("cvx", cvx) + ") is "
          + tables.find("cvx", cvx).get().status().toLowerCase(Locale.ROOT) + "; a new administration should use the specific, active vaccine code.");
    }

    String mvx = rxa.component(17, 1).trim();
    if (!mvx.isEmpty() && !tables.contains("mvx", mvx)) {
      ctx.report(Rule.CNT_MVX_UNKNOWN, rxa.at(17), "Manufacturer '" + ConformanceRules.abbreviate(mvx) + "' is not an MVX code.");
    }
    if (newAdministration) {
      if (rxa.isEmpty(15)) {
        ctx.report(Rule.CNT_LOT_MISSING, rxa.at(15), "RXA-15 (lot number) is empty for a dose given by this provider.");
      }
      if (rxa.isEmpty(17)) {
        ctx.report(Rule.CNT_MANUFACTURER_MISSING, rxa.at(17), "RXA-17 (manufacturer, MVX) is empty for a dose given by this provider.");
      }
      if (rxa.isEmpty(16)) {
        ctx.report(Rule.CNT_EXPIRY_MISSING, rxa.at(16), "RXA-16 (lot expiration date) is empty for a dose given by this provider.");
      }
    }
    Hl7Timestamp expiry = Hl7Timestamp.parse(rxa.component(16, 1));
    if (given && expiry.valid() && administered.valid() && administered.date().isAfter(expiry.date())) {
      ctx.report(Rule.CNT_EXPIRED_LOT, rxa.at(16), "The dose was given on " + administered.date() + ", after its lot expired on " + expiry.date() + ".");
    }
    if (historical && !rxa.isEmpty(15) && !rxa.isEmpty(17)) {
      ctx.report(Rule.CNT_HISTORICAL_LOOKS_ADMINISTERED, rxa.at(9), "This dose is marked historical (RXA-9 " + source
          + ") but carries lot number and manufacturer, as an administered dose would; check RXA-9.");
    }
    if ("RE".equals(completion)) {
      String reason = rxa.code(18);
      if (reason.isEmpty()) {
        ctx.report(Rule.CNT_REFUSAL_REASON_MISSING, rxa.at(18), "A refusal (RXA-20 RE) needs its reason in RXA-18 (NIP002).");
      } else if (!tables.contains("nip002", reason)) {
        ctx.report(Rule.CNT_REFUSAL_REASON_INVALID, rxa.at(18, 1), "Refusal reason '" + ConformanceRules.abbreviate(reason) + "' is not in NIP002 (00-03).");
      } else if (contradicts(rxa.component(18, 2), tables.name("nip002", reason))) {
        ctx.report(Rule.CNT_REFUSAL_TEXT_MISMATCH, rxa.at(18, 2), "Refusal reason " + reason + " means '" + tables.name("nip002", reason)
            + "', but its text says '" + ConformanceRules.abbreviate(rxa.component(18, 2)) + "'; check which reason was meant.");
      }
    }
    if (!completion.isEmpty() && !tables.contains("hl70322", completion)) {
      ctx.report(Rule.CNT_COMPLETION_STATUS_INVALID, rxa.at(20), "Completion status '" + ConformanceRules.abbreviate(completion) + "' is not CP, PA, NA or RE.");
    }
    String action = rxa.code(21);
    if (!action.isEmpty() && !tables.contains("hl70323", action)) {
      ctx.report(Rule.CNT_ACTION_CODE_INVALID, rxa.at(21), "Action code '" + ConformanceRules.abbreviate(action) + "' is not A, U or D.");
    }
    if (!source.isEmpty() && !tables.contains("nip001", source)) {
      ctx.report(Rule.CNT_INFORMATION_SOURCE_INVALID, rxa.at(9, 1), "Information source '" + ConformanceRules.abbreviate(source)
          + "' is not in NIP001 (00 new administration, 01-08 historical).");
    }
    String amount = rxa.component(6, 1).trim();
    if (newAdministration && !amount.isEmpty() && !"999".equals(amount) && !positiveNumber(amount)) {
      ctx.report(Rule.CNT_DOSE_AMOUNT_INVALID, rxa.at(6), "Dose amount '" + ConformanceRules.abbreviate(amount) + "' is not a positive number.");
    }

    List<Segment> obx = group.stream().filter(s -> "OBX".equals(s.name())).toList();
    boolean hasEligibility = false;
    for (Segment o : obx) {
      if (Observations.VFC_ELIGIBILITY.equals(o.code(3))) {
        hasEligibility = true;
        String code = o.code(5);
        var found = tables.find("hl70064", code);
        if (found.isEmpty()) {
          ctx.report(Rule.CNT_VFC_INVALID, o.at(5), "VFC eligibility '" + ConformanceRules.abbreviate(code) + "' is not in HL7 table 0064 (V01-V07).");
        } else if ("Deprecated".equals(found.get().status())) {
          ctx.report(Rule.CNT_VFC_DEPRECATED, o.at(5), "VFC eligibility " + code + " (" + found.get().name() + ") is deprecated; use V01-V05 or V07.");
        }
      }
    }
    if (newAdministration && birth != null && administered.valid() && !administered.date().isBefore(birth)
        && Period.between(birth, administered.date()).getYears() <= 18 && !hasEligibility) {
      ctx.report(Rule.CNT_VFC_MISSING, rxa.location(), "No VFC eligibility (OBX 64994-7) for a dose given to a patient aged 18 or younger.");
    }
    if (newAdministration && obx.stream().noneMatch(o -> Observations.VIS.contains(o.code(3)))) {
      ctx.report(Rule.CNT_VIS_MISSING, rxa.location(), "No Vaccine Information Statement documented (OBX 69764-9 or 30956-7 with 29769-7) for this dose.");
    }
    for (Segment rxr : group.stream().filter(s -> "RXR".equals(s.name())).toList()) {
      String route = rxr.code(1);
      String system = rxr.component(1, 3).trim();
      boolean known = "NCIT".equals(system) ? tables.contains("ncit-route", route)
          : "HL70162".equals(system) ? tables.contains("hl70162", route)
          : tables.contains("ncit-route", route) || tables.contains("hl70162", route);
      if (!route.isEmpty() && !known) {
        ctx.report(Rule.CNT_ROUTE_INVALID, rxr.at(1), "Route '" + ConformanceRules.abbreviate(route) + "' is not an NCIT or HL7 0162 route (e.g. C28161 intramuscular).");
      }
      String site = rxr.code(2);
      if (!site.isEmpty() && !tables.contains("hl70163", site)) {
        ctx.report(Rule.CNT_SITE_INVALID, rxr.at(2), "Site '" + ConformanceRules.abbreviate(site) + "' is not in HL7 table 0163 (e.g. LD left deltoid, RT right thigh).");
      }
    }
  }

  /** Text that shares no word with the code's meaning (ignoring case): the sender meant another code. */
  private static boolean contradicts(String text, String meaning) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.isEmpty()) {
      return false;
    }
    for (String word : meaning.toLowerCase(Locale.ROOT).split("\\W+")) {
      if (word.length() > 3 && t.contains(word)) {
        return false;
      }
    }
    return true;
  }

  /** The CVX code of RXA-5, from its first or its alternate triplet; null when neither is CVX. */
  private static String cvx(Segment rxa) {
    if ("CVX".equalsIgnoreCase(rxa.component(5, 3).trim())) {
      return rxa.component(5, 1).trim();
    }
    if ("CVX".equalsIgnoreCase(rxa.component(5, 6).trim())) {
      return rxa.component(5, 4).trim();
    }
    return null;
  }

  private static boolean positiveNumber(String s) {
    try {
      return Double.parseDouble(s) > 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
