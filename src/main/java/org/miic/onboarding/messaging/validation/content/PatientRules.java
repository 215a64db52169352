package org.miic.onboarding.messaging.validation.content;

import static org.miic.onboarding.messaging.validation.Echo.abbreviate;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.miic.onboarding.messaging.validation.CodeTables;
import org.miic.onboarding.messaging.validation.Codebase;
import org.miic.onboarding.messaging.validation.Finding;
import org.miic.onboarding.messaging.validation.Hl7Location;
import org.miic.onboarding.messaging.validation.Hl7Text.Segment;
import org.miic.onboarding.messaging.validation.Hl7Timestamp;
import org.miic.onboarding.messaging.validation.Rule;
import org.miic.onboarding.messaging.validation.Severity;
import org.miic.onboarding.messaging.validation.ValidationContext;

/** The patient (PID, PD1) and next of kin (NK1): dates of birth and death, names, identifiers, codes. */
final class PatientRules {

  private static final Set<String> PLACEHOLDER_GIVEN = Set.of("BABY", "BOY", "GIRL", "INFANT", "NEWBORN", "UNKNOWN", "NONE",
      "NOFIRSTNAME", "BABYBOY", "BABYGIRL", "UNNAMED");
  private static final Set<String> PLACEHOLDER_FAMILY = Set.of("UNKNOWN", "NONE", "NOLASTNAME", "UNNAMED");
  private static final Set<String> TEST_NAMES = Set.of("TEST", "TESTPATIENT", "PATIENT", "DUMMY", "FAKE", "ZZTEST", "MOUSE", "DUCK");
  private static final Pattern NAME = Pattern.compile("[\\p{L} .'\\-]+");
  private static final Pattern PLACEHOLDER_ID = Pattern.compile("0+|9+|1+|UNK(NOWN)?|NONE|N/?A|TEST", Pattern.CASE_INSENSITIVE);

  private final CodeTables tables;
  private final Codebase codebase;

  PatientRules(CodeTables tables, Codebase codebase) {
    this.tables = tables;
    this.codebase = codebase;
  }

  void check(Vxu v, ValidationContext ctx) {
    Segment pid = v.pid();
    if (pid == null) {
      return;
    }
    birthAndDeath(v, pid, ctx);
    name(pid, ctx);
    codes(pid, ctx);
    identifiers(pid, ctx);
    if (v.pd1() != null) {
      pd1(v, v.pd1(), ctx);
    }
    for (Segment nk1 : v.message().segments("NK1")) {
      String relationship = nk1.code(3);
      if (!relationship.isEmpty() && !tables.contains("hl70063", relationship)) {
        ctx.report(Rule.CNT_RELATIONSHIP_INVALID, nk1.at(3, 1), "Relationship '" + abbreviate(relationship)
            + "' is not in HL7 table 0063 (e.g. MTH mother, FTH father, GRD guardian).");
      }
      if (nk1.isEmpty(2)) {
        ctx.report(Rule.CNT_NK1_NAME_MISSING, nk1.at(2), "NK1-2 (name of the next of kin) is empty; MIIC needs it to reach the family.");
      }
    }
  }

  private void birthAndDeath(Vxu v, Segment pid, ValidationContext ctx) {
    LocalDate today = v.today();
    Hl7Timestamp birth = Hl7Timestamp.parse(pid.component(7, 1));
    if (birth.valid()) {
      if (birth.date().isAfter(today)) {
        Finding f = ctx.report(Rule.CNT_BIRTH_FUTURE, pid.at(7), "The birth date " + birth.date() + " is after today.");
        ctx.rejectRequiredField(f, pid.location(), true, "PID is a required segment and its birth date is unusable; the message is rejected.");
      } else if (v.messageTime().valid() && birth.date().isAfter(v.messageTime().date())) {
        ctx.report(Rule.CNT_BIRTH_AFTER_MESSAGE, pid.at(7), "The birth date " + birth.date() + " is after the message date "
            + v.messageTime().date() + ".");
      } else if (birth.date().isBefore(today.minusYears(120))) {
        ctx.report(Rule.CNT_BIRTH_IMPLAUSIBLE, pid.at(7), "The birth date " + birth.date() + " is more than 120 years ago.");
      }
    }
    Hl7Timestamp death = Hl7Timestamp.parse(pid.component(29, 1));
    String indicator = pid.code(30);
    if (death.valid()) {
      if (death.date().isAfter(today)) {
        ctx.report(Rule.CNT_DEATH_FUTURE, pid.at(29), "The death date " + death.date() + " is in the future.");
      } else if (v.birth() != null && death.date().isBefore(v.birth())) {
        ctx.report(Rule.CNT_DEATH_BEFORE_BIRTH, pid.at(29), "The death date " + death.date() + " is before the birth date " + v.birth() + ".");
      }
      if (!"Y".equals(indicator)) {
        ctx.report(Rule.CNT_DEATH_INDICATOR_INCONSISTENT, pid.at(30), "PID-29 gives a death date but PID-30 (death indicator) is "
            + (indicator.isEmpty() ? "empty" : "'" + abbreviate(indicator) + "'") + "; send Y with a death date.");
      }
    } else if ("Y".equals(indicator) && pid.isEmpty(29)) {
      ctx.report(Rule.CNT_DEATH_INDICATOR_INCONSISTENT, pid.at(29), "PID-30 says the patient died, but PID-29 (death date) is empty.");
    }
  }

  private void name(Segment pid, ValidationContext ctx) {
    String family = pid.component(5, 1).trim();
    String given = pid.component(5, 2).trim();
    String fu = family.toUpperCase(Locale.ROOT);
    String gu = given.toUpperCase(Locale.ROOT);
    if (PLACEHOLDER_GIVEN.contains(gu.replace(" ", "")) || PLACEHOLDER_FAMILY.contains(fu)
        || (gu.startsWith("BABY ") && (gu.endsWith("BOY") || gu.endsWith("GIRL")))) {
      ctx.report(Rule.CNT_PLACEHOLDER_NAME, pid.at(5), "The name '" + abbreviate(given + " " + family)
          + "' looks like a placeholder (newborn or unknown name); send the patient's legal name once known.");
    } else if (TEST_NAMES.contains(fu.replace(" ", "")) || TEST_NAMES.contains(gu.replace(" ", ""))) {
      ctx.report(Rule.CNT_NAME_TEST, pid.at(5), "The name '" + abbreviate(given + " " + family)
          + "' looks like a test patient; send test patients only with test credentials.");
    }
    if (!family.isEmpty() && !NAME.matcher(family).matches()) {
      ctx.report(Rule.CNT_NAME_CHARACTERS, pid.at(5, 1), "The family name '" + abbreviate(family) + "' has digits or symbols; send letters only.");
    }
    if (!given.isEmpty() && !NAME.matcher(given).matches()) {
      ctx.report(Rule.CNT_NAME_CHARACTERS, pid.at(5, 2), "The given name '" + abbreviate(given) + "' has digits or symbols; send letters only.");
    }
    String type = pid.component(5, 7).trim();
    if (!type.isEmpty() && codebase.find(Codebase.Set.NAME_TYPE, type).isEmpty()) {
      ctx.report(Rule.CNT_NAME_TYPE, pid.at(5, 7), "Name type '" + abbreviate(type) + "' is not in HL7 table 0200 (L legal, A alias, D display ...).");
    } else if (!type.isEmpty() && !"L".equals(type)) {
      ctx.report(Rule.CNT_NAME_TYPE, pid.at(5, 7), "The first name of PID-5 must be the legal name (type L); it is of type '" + abbreviate(type) + "'.");
    }
  }

  private void codes(Segment pid, ValidationContext ctx) {
    String sex = pid.code(8);
    if (sex.isEmpty()) {
      // Absent: what the profile's usage for PID-8 says decides whether that is an error; here it is a warning.
      ctx.report(Rule.CNT_SEX_INVALID, Severity.WARNING, pid.at(8), "PID-8 (administrative sex) is empty; use F, M or U (U when unknown).");
    } else if (!tables.contains("hl70001", sex)) {
      ctx.report(Rule.CNT_SEX_INVALID, pid.at(8), "Administrative sex '" + abbreviate(sex) + "' is not in HL7 table 0001 (F, M, U).");
    }
    for (int rep = 1; rep <= pid.repetitions(10).size(); rep++) {
      String race = pid.component(10, rep, 1).trim();
      if (!race.isEmpty() && !tables.contains("cdcrec-race", race)) {
        ctx.report(Rule.CNT_RACE_INVALID, new Hl7Location("PID", pid.sequence(), 10, rep, 1), "Race code '" + abbreviate(race)
            + "' is not a CDC race code (CDCREC, e.g. 2106-3 White, 2054-5 Black or African American).");
      }
    }
    String ethnicity = pid.component(22, 1).trim();
    if (!ethnicity.isEmpty() && !tables.contains("cdcrec-ethnicity", ethnicity)) {
      ctx.report(Rule.CNT_ETHNICITY_INVALID, pid.at(22, 1), "Ethnicity code '" + abbreviate(ethnicity)
          + "' is not a CDC ethnicity code (2135-2 Hispanic or Latino, 2186-5 Not Hispanic or Latino).");
    }
    if (pid.isEmpty(10) || pid.isEmpty(22)) {
      ctx.report(Rule.CNT_RACE_ETHNICITY_MISSING, pid.at(pid.isEmpty(10) ? 10 : 22), (pid.isEmpty(10) ? "Race (PID-10)" : "Ethnicity (PID-22)")
          + " is empty; MIIC uses race and ethnicity to measure coverage equitably.");
    }
    if (pid.isEmpty(11)) {
      ctx.report(Rule.CNT_ADDRESS_MISSING, pid.at(11), "PID-11 (patient address) is empty; MIIC uses it to match patients and for outreach.");
    }
    if (pid.isEmpty(6)) {
      ctx.report(Rule.CNT_MOTHER_MAIDEN_MISSING, pid.at(6), "PID-6 (mother's maiden name) is empty; it helps MIIC match patients.");
    }
    String language = pid.code(15);
    if (!language.isEmpty() && codebase.find(Codebase.Set.LANGUAGE, language).filter(c -> !"Invalid".equals(c.status())).isEmpty()) {
      ctx.report(Rule.CNT_LANGUAGE_INVALID, pid.at(15, 1), "Primary language '" + abbreviate(language)
          + "' is not an ISO 639 language code (e.g. eng, spa, som, hmn).");
    }
    String multiple = pid.code(24);
    String order = pid.code(25);
    if ("Y".equals(multiple) && order.isEmpty()) {
      ctx.report(Rule.CNT_MULTIPLE_BIRTH, pid.at(25), "PID-24 says this is a multiple birth, but PID-25 (birth order) is empty.");
    } else if (!order.isEmpty() && !"Y".equals(multiple)) {
      ctx.report(Rule.CNT_MULTIPLE_BIRTH, pid.at(24), "PID-25 gives birth order " + abbreviate(order) + ", but PID-24 (multiple birth) is not Y.");
    } else if (!order.isEmpty() && !order.matches("[1-9]")) {
      ctx.report(Rule.CNT_MULTIPLE_BIRTH, pid.at(25), "Birth order '" + abbreviate(order) + "' is not a number from 1 to 9.");
    }
  }

  private void identifiers(Segment pid, ValidationContext ctx) {
    for (int rep = 1; rep <= pid.repetitions(3).size(); rep++) {
      String id = pid.component(3, rep, 1).trim();
      String type = pid.component(3, rep, 5).trim();
      Hl7Location at = new Hl7Location("PID", pid.sequence(), 3, rep, 1);
      if (!type.isEmpty() && codebase.find(Codebase.Set.ID_TYPE, type).isEmpty()) {
        ctx.report(Rule.CNT_ID_TYPE_INVALID, new Hl7Location("PID", pid.sequence(), 3, rep, 5), "Identifier type '" + abbreviate(type)
            + "' is not in HL7 table 0203 (e.g. MR medical record number, SS social security number, MA Medicaid).");
      }
      if (!id.isEmpty() && PLACEHOLDER_ID.matcher(id).matches()) {
        ctx.report(Rule.CNT_ID_PLACEHOLDER, at, "Patient identifier '" + abbreviate(id) + "' is a placeholder, not the patient's number.");
      }
      if ("SS".equals(type) && !id.isEmpty() && !validSsn(id)) {
        ctx.report(Rule.CNT_SSN_INVALID, at, "Social security number '" + mask(id) + "' is not nine digits of a possible SSN.");
      }
    }
    String ssn = pid.component(19, 1).trim();
    if (!ssn.isEmpty() && !validSsn(ssn)) {
      ctx.report(Rule.CNT_SSN_INVALID, pid.at(19), "Social security number '" + mask(ssn) + "' is not nine digits of a possible SSN.");
    }
  }

  private void pd1(Vxu v, Segment pd1, ValidationContext ctx) {
    String publicity = pd1.code(11);
    if (!publicity.isEmpty() && codebase.find(Codebase.Set.PUBLICITY, publicity).isEmpty()) {
      ctx.report(Rule.CNT_PUBLICITY_INVALID, pd1.at(11, 1), "Publicity code '" + abbreviate(publicity)
          + "' is not in HL7 table 0215 (01 no reminder/recall, 02 reminder/recall any method ...).");
    }
    String protection = pd1.code(12);
    if (!protection.isEmpty() && codebase.find(Codebase.Set.PROTECTION, protection).isEmpty()) {
      ctx.report(Rule.CNT_PROTECTION_INVALID, pd1.at(12), "Protection indicator '" + abbreviate(protection) + "' is not Y or N.");
    }
    String status = pd1.code(16);
    if (!status.isEmpty() && codebase.find(Codebase.Set.REGISTRY_STATUS, status).filter(c -> !"Invalid".equals(c.status())).isEmpty()) {
      ctx.report(Rule.CNT_REGISTRY_STATUS_INVALID, pd1.at(16), "Registry status '" + abbreviate(status)
          + "' is not in HL7 table 0441 (A active, I inactive, L lost to follow-up, M moved, P permanently inactive).");
    }
    for (int field : new int[] {13, 17, 18}) {
      Hl7Timestamp t = Hl7Timestamp.parse(pd1.component(field, 1));
      if (t.valid() && t.date().isAfter(v.today())) {
        ctx.report(Rule.CNT_EFFECTIVE_DATE_FUTURE, pd1.at(field), "PD1-" + field + " (effective date) " + t.date() + " is in the future.");
      }
    }
  }

  private static boolean validSsn(String s) {
    String digits = s.replace("-", "");
    return digits.length() == 9 && digits.chars().allMatch(Character::isDigit) && !digits.startsWith("000") && !digits.startsWith("666")
        && !digits.startsWith("9") && !"00".equals(digits.substring(3, 5)) && !"0000".equals(digits.substring(5));
  }

  private static String mask(String s) {
    return s.length() <= 4 ? "****" : "*".repeat(Math.min(8, s.length() - 4)) + abbreviate(s.substring(s.length() - 4));
  }
}
