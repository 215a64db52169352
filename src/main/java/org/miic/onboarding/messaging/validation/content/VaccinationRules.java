package org.miic.onboarding.messaging.validation.content;

import static org.miic.onboarding.messaging.validation.Echo.abbreviate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.miic.onboarding.messaging.validation.CodeTables;
import org.miic.onboarding.messaging.validation.Codebase;
import org.miic.onboarding.messaging.validation.Codebase.Code;
import org.miic.onboarding.messaging.validation.Finding;
import org.miic.onboarding.messaging.validation.Hl7Text.Segment;
import org.miic.onboarding.messaging.validation.Hl7Timestamp;
import org.miic.onboarding.messaging.validation.Rule;
import org.miic.onboarding.messaging.validation.Severity;
import org.miic.onboarding.messaging.validation.ValidationContext;
import org.miic.onboarding.messaging.validation.ValidationProperties;
import org.miic.onboarding.messaging.validation.content.Vxu.Dose;

/**
 * Each vaccination (RXA with its RXR): its dates against each other and the patient's, the vaccine against the
 * patient's age and its licensed and expected years of use, the product (CVX with MVX, NDC, CPT), lot number, route
 * and site, amount, and what the completion status and action code imply.
 */
final class VaccinationRules {

  private static final Set<String> NO_VACCINE = Set.of("998", "999");
  private static final Set<String> NOT_A_LOT = Set.of("NA", "N/A", "UNKNOWN", "UNK", "NONE", "NULL", "999", "0", "00", "LOT", "?", "-", "TEST");
  private static final Pattern MVX = Pattern.compile("[A-Z]{2,3}");
  private static final Pattern LOT_PREFIX = Pattern.compile("(?i)(LOT\\s*(#|NO\\.?|NUMBER|:)?\\s*|#)(.*)");
  private static final Set<String> ORAL = Set.of("PO", "C38288");
  /** HL7 0163 lower forearm sites: intradermal and skin tests, not intramuscular or subcutaneous vaccines. */
  private static final java.util.Set<String> FOREARM = java.util.Set.of("LLFA", "RLFA");
  private static final Set<String> NASAL = Set.of("NS", "IN", "C38284");
  private static final Set<String> INJECTED = Set.of("IM", "SC", "ID", "C28161", "C38299", "C38238");
  /**
   * The codebase dates 28 long-licensed vaccines (MMR, hepatitis B ...) "not before 2010-05-28", the day its table
   * began, not their licensure: that date says nothing about a dose given earlier.
   */
  private static final LocalDate CODE_TABLE_START = LocalDate.of(2010, 5, 28);
  private static final String REJECTED = "RXA is a required segment of its order group; this vaccination was rejected.";

  private final CodeTables tables;
  private final Codebase codebase;
  private final ValidationProperties properties;

  VaccinationRules(CodeTables tables, Codebase codebase, ValidationProperties properties) {
    this.tables = tables;
    this.codebase = codebase;
    this.properties = properties;
  }

  void check(Vxu v, Dose d, ValidationContext ctx) {
    boolean dateUsable = dates(v, d, ctx);
    vaccine(v, d, ctx, dateUsable);
    product(d, ctx);
    lot(d, ctx);
    route(d, ctx);
    amountAndStatus(d, ctx);
  }

  /** Returns false when the administration date was rejected (the dose is not judged further against dates). */
  private boolean dates(Vxu v, Dose d, ValidationContext ctx) {
    Segment rxa = d.rxa();
    LocalDate date = d.date();
    if (date == null) {
      return false;
    }
    if (date.isAfter(v.today())) {
      Finding f = ctx.report(Rule.CNT_VACCINATION_FUTURE, rxa.at(3), "The vaccination date " + date + " is in the future.");
      ctx.rejectRequiredField(f, rxa.location(), true, REJECTED);
      return false;
    }
    if (v.birth() != null && date.isBefore(v.birth())) {
      Finding f = ctx.report(Rule.CNT_VACCINATION_BEFORE_BIRTH, rxa.at(3), "The vaccination date " + date + " is before the birth date " + v.birth() + ".");
      ctx.rejectRequiredField(f, rxa.location(), true, REJECTED);
      return false;
    }
    if (v.messageTime().valid() && date.isAfter(v.messageTime().date())) {
      // A warning: public test messages with stated acceptance carry it, and the dose itself is not in the future.
      ctx.report(Rule.CNT_ADMIN_AFTER_MESSAGE, rxa.at(3), "The vaccination date " + date + " is after the message was created ("
          + v.messageTime().date() + "); check the sending system's clock or the dose date.");
    }
    Hl7Timestamp death = v.pid() == null ? Hl7Timestamp.parse("") : Hl7Timestamp.parse(v.pid().component(29, 1));
    if (death.valid() && d.given() && date.isAfter(death.date())) {
      ctx.report(Rule.CNT_ADMIN_AFTER_DEATH, rxa.at(3), "The vaccination date " + date + " is after the patient's death on " + death.date() + ".");
    }
    if (d.newAdministration() && v.messageTime().valid()
        && ChronoUnit.DAYS.between(date, v.messageTime().date()) > properties.lateReportingDays()) {
      ctx.report(Rule.CNT_LATE_REPORTING, rxa.at(3), "This dose given on " + date + " was reported "
          + ChronoUnit.DAYS.between(date, v.messageTime().date()) + " days later; MIIC expects reports within "
          + properties.lateReportingDays() + " days.");
    }
    Hl7Timestamp end = Hl7Timestamp.parse(rxa.component(4, 1));
    if (end.valid() && end.date().isBefore(date)) {
      ctx.report(Rule.CNT_ADMIN_END_BEFORE_START, rxa.at(4), "RXA-4 (end of administration) " + end.date() + " is before its start " + date
          + "; send the same date in both.");
    }
    Hl7Timestamp entry = Hl7Timestamp.parse(rxa.component(22, 1));
    if (entry.valid()) {
      if (entry.date().isAfter(v.today())) {
        ctx.report(Rule.CNT_ENTRY_FUTURE, rxa.at(22), "RXA-22 (system entry date) " + entry.date() + " is in the future.");
      } else if (entry.date().isBefore(date)) {
        ctx.report(Rule.CNT_ENTRY_BEFORE_ADMIN, rxa.at(22), "RXA-22 (system entry date) " + entry.date()
            + " is before the vaccination date " + date + "; a dose is recorded after it is given.");
      }
    }
    Hl7Timestamp expiry = Hl7Timestamp.parse(rxa.component(16, 1));
    if (expiry.valid() && d.given()) {
      if (date.isAfter(expiry.date())) {
        ctx.report(Rule.CNT_EXPIRED_LOT, rxa.at(16), "The dose was given on " + date + ", after its lot expired on " + expiry.date() + ".");
      } else if (expiry.date().isAfter(date.plusYears(5))) {
        ctx.report(Rule.CNT_EXPIRY_IMPLAUSIBLE, rxa.at(16), "The lot expiration date " + expiry.date()
            + " is more than five years after the vaccination; check RXA-16.");
      }
    }
    return true;
  }

  private void vaccine(Vxu v, Dose d, ValidationContext ctx, boolean dateUsable) {
    Segment rxa = d.rxa();
    String cvx = d.cvx();
    if (cvx == null) {
      if (!rxa.isEmpty(5)) {
        ctx.report(Rule.CNT_VACCINE_NOT_CVX, rxa.at(5), "RXA-5 has no CVX code (coding system CVX); MIIC maps other codes, but CVX is preferred.");
      }
      return;
    }
    Optional<CodeTables.Code> known = tables.find("cvx", cvx);
    if (known.isEmpty()) {
      Finding f = ctx.report(Rule.CNT_CVX_UNKNOWN, rxa.at(5), "Vaccine code '" + abbreviate(cvx) + "' is not a CVX code.");
      ctx.rejectRequiredField(f, rxa.location(), true, REJECTED);
      return;
    }
    if (d.given() && NO_VACCINE.contains(cvx)) {
      if (!d.historical()) {
        ctx.report(Rule.CNT_CVX_NO_VACCINE, rxa.at(5), "CVX " + cvx + " (" + known.get().name()
            + ") cannot be an administered dose; send the vaccine given, or RXA-20 NA/RE for a dose not given.");
      }
      return;
    }
    if (NO_VACCINE.contains(cvx)) {
      return;
    }
    Optional<Code> entry = codebase.find(Codebase.Set.CVX, cvx);
    if (d.newAdministration() && !"Active".equals(known.get().status())) {
      ctx.report(Rule.CNT_CVX_INACTIVE, rxa.at(5), "CVX " + cvx + " (" + known.get().name() + ") is "
          + known.get().status().toLowerCase(Locale.ROOT) + "; a new administration should use the specific, active vaccine code.");
    } else if (entry.isPresent() && "Invalid".equalsIgnoreCase(entry.get().status())) {
      ctx.report(Rule.CNT_CVX_INVALID_STATUS, rxa.at(5), "CVX " + cvx + " (" + known.get().name() + ") is not a valid code for a vaccination record.");
    }
    if (entry.isEmpty()) {
      return;
    }
    Code c = entry.get();
    if (d.newAdministration() && "unspecified".equals(c.conceptType())) {
      ctx.report(Rule.CNT_UNSPECIFIED_FORMULATION, rxa.at(5), "CVX " + cvx + " (" + c.label()
          + ") is an unspecified formulation; the provider who gave the dose knows the product: send its specific CVX.");
    } else if ("non vaccine".equals(c.conceptType())) {
      ctx.report(Rule.CNT_NOT_A_VACCINE, rxa.at(5), "CVX " + cvx + " (" + c.label() + ") is not a vaccine; MIIC records it, but it counts toward no series.");
    }
    LocalDate date = d.date();
    if (!dateUsable || date == null || !d.given()) {
      return;
    }
    // Warnings by default: the codebase's dates are not always licensure (it dates CVX 140, given since 2010, from 2013),
    // and NIST's stated-accepted 2012 message carries it. A site that trusts them sets CNT-053/054 to ERROR; even then a
    // historical record, which may carry an older code, only warns.
    Severity cap = d.historical() ? Severity.WARNING : Severity.ERROR;
    if (c.notBefore() != null && !CODE_TABLE_START.equals(c.notBefore()) && date.isBefore(c.notBefore())) {
      ctx.report(Rule.CNT_BEFORE_LICENSED, cap, rxa.at(5), "CVX " + cvx + " (" + c.label() + ") was first licensed on " + c.notBefore()
          + ", after this dose's date " + date + "; check the vaccine code and the date.");
    } else if (c.notAfter() != null && date.isAfter(c.notAfter())) {
      ctx.report(Rule.CNT_AFTER_LICENSED, cap, rxa.at(5), "CVX " + cvx + " (" + c.label() + ") was no longer available after " + c.notAfter()
          + ", before this dose's date " + date + "; check the vaccine code and the date.");
    } else if ((c.notExpectedBefore() != null && date.isBefore(c.notExpectedBefore()))
        || (c.notExpectedAfter() != null && date.isAfter(c.notExpectedAfter()))) {
      ctx.report(Rule.CNT_OUTSIDE_EXPECTED_USE, rxa.at(5), "CVX " + cvx + " (" + c.label() + ") is not expected to have been given on " + date
          + " (expected from " + (c.notExpectedBefore() == null ? "its licensure" : c.notExpectedBefore())
          + (c.notExpectedAfter() == null ? "" : " to " + c.notExpectedAfter()) + ").");
    }
    if (v.birth() != null) {
      long months = ChronoUnit.MONTHS.between(v.birth(), date);
      if (c.notBeforeMonth() != null && months < c.notBeforeMonth()) {
        ctx.report(Rule.CNT_TOO_YOUNG, rxa.at(5), "CVX " + cvx + " (" + c.label() + ") is not given before the age of " + age(c.notBeforeMonth())
            + "; the patient was " + age((int) months) + " old.");
      } else if (c.notAfterMonth() != null && months > c.notAfterMonth()) {
        ctx.report(Rule.CNT_TOO_OLD, rxa.at(5), "CVX " + cvx + " (" + c.label() + ") is not given after the age of " + age(c.notAfterMonth())
            + "; the patient was " + age((int) months) + " old.");
      }
    }
  }

  private void product(Dose d, ValidationContext ctx) {
    Segment rxa = d.rxa();
    String cvx = d.cvx();
    String mvx = rxa.component(17, 1).trim();
    if (!mvx.isEmpty()) {
      String system = rxa.component(17, 3).trim();
      if (!MVX.matcher(mvx).matches()) {
        ctx.report(Rule.CNT_MVX_MALFORMED, rxa.at(17, 1), "RXA-17.1 '" + abbreviate(mvx)
            + "' is not an MVX code (two or three capital letters, e.g. MSD, PMC, SKB); put the name in RXA-17.2.");
      } else if (!tables.contains("mvx", mvx)) {
        ctx.report(Rule.CNT_MVX_UNKNOWN, rxa.at(17), "Manufacturer '" + abbreviate(mvx) + "' is not an MVX code.");
      } else {
        tables.find("mvx", mvx).filter(c -> !"Active".equals(c.status())).ifPresent(c -> ctx.report(Rule.CNT_MVX_DEPRECATED, rxa.at(17),
            "Manufacturer " + mvx + " (" + c.name() + ") is " + c.status().toLowerCase(Locale.ROOT)
                + " in the CDC's MVX table (merged into another company or no longer making vaccines); use its current code."));
        if (cvx != null && d.given() && !NO_VACCINE.contains(cvx)) {
          products(d, cvx, mvx, ctx);
        }
      }
      if (!system.isEmpty() && !"MVX".equalsIgnoreCase(system)) {
        ctx.report(Rule.CNT_MVX_SYSTEM, rxa.at(17, 3), "RXA-17.3 (coding system) is '" + abbreviate(system) + "'; manufacturers are coded with MVX.");
      }
    }
    String ndc = Vxu.code(rxa, "NDC");
    if (ndc != null && !ndc.isEmpty()) {
      Optional<Code> n = codebase.find(Codebase.Set.NDC_UNIT_OF_USE, ndc).or(() -> codebase.find(Codebase.Set.NDC_UNIT_OF_SALE, ndc));
      if (n.isEmpty()) {
        ctx.report(Rule.CNT_NDC_UNKNOWN, rxa.at(5), "NDC '" + abbreviate(ndc) + "' is not a vaccine NDC (unit of use or unit of sale) known to MIIC.");
      } else {
        if ("Deprecated".equalsIgnoreCase(n.get().status())) {
          ctx.report(Rule.CNT_NDC_DEPRECATED, rxa.at(5), "NDC '" + abbreviate(ndc) + "' is in a deprecated format; send the 11-digit 5-4-2 form.");
        }
        List<String> ndcCvx = n.get().links("VACCINATION_CVX_CODE");
        if (cvx != null && !ndcCvx.isEmpty() && !ndcCvx.contains(cvx)) {
          ctx.report(Rule.CNT_NDC_CVX_MISMATCH, rxa.at(5), "NDC " + ndc + " is CVX " + String.join(" or ", ndcCvx) + ", not CVX " + cvx
              + "; send the code of the vaccine given in both.");
        }
      }
    }
    String cpt = Optional.ofNullable(Vxu.code(rxa, "CPT")).orElse(Vxu.code(rxa, "C4"));
    if (cpt != null && !cpt.isEmpty()) {
      Optional<Code> p = codebase.find(Codebase.Set.CPT, cpt);
      if (p.isEmpty()) {
        ctx.report(Rule.CNT_CPT_UNKNOWN, rxa.at(5), "CPT '" + abbreviate(cpt) + "' is not a vaccine CPT code.");
      } else if (cvx != null && !p.get().links("VACCINATION_CVX_CODE").isEmpty() && !p.get().links("VACCINATION_CVX_CODE").contains(cvx)) {
        ctx.report(Rule.CNT_CPT_CVX_MISMATCH, rxa.at(5), "CPT " + cpt + " is CVX " + String.join(" or ", p.get().links("VACCINATION_CVX_CODE"))
            + ", not CVX " + cvx + ".");
      }
    }
  }

  private void products(Dose d, String cvx, String mvx, ValidationContext ctx) {
    Segment rxa = d.rxa();
    List<Code> forCvx = codebase.linkedTo(Codebase.Set.PRODUCT, "VACCINATION_CVX_CODE", cvx);
    if (forCvx.isEmpty()) {
      return;
    }
    List<Code> made = forCvx.stream().filter(p -> p.links("VACCINATION_MANUFACTURER_CODE").contains(mvx)).toList();
    if (made.isEmpty()) {
      ctx.report(Rule.CNT_MVX_NOT_FOR_CVX, rxa.at(17), "Manufacturer " + mvx + " makes no CVX " + cvx + " vaccine known to MIIC (it is made by "
          + String.join(", ", forCvx.stream().flatMap(p -> p.links("VACCINATION_MANUFACTURER_CODE").stream()).distinct().sorted().toList())
          + "); check RXA-5 and RXA-17.");
      return;
    }
    LocalDate date = d.date();
    if (date != null && made.stream().noneMatch(p -> (p.notBefore() == null || !date.isBefore(p.notBefore()))
        && (p.notAfter() == null || !date.isAfter(p.notAfter())))) {
      ctx.report(Rule.CNT_PRODUCT_NOT_LICENSED, rxa.at(17), "CVX " + cvx + " by " + mvx + " (" + made.get(0).label()
          + ") was not on the market on " + date + ".");
    }
  }

  private void lot(Dose d, ValidationContext ctx) {
    Segment rxa = d.rxa();
    if (!d.newAdministration()) {
      return;
    }
    if (rxa.isEmpty(15)) {
      ctx.report(Rule.CNT_LOT_MISSING, rxa.at(15), "RXA-15 (lot number) is empty for a dose given by this provider.");
    } else {
      String lot = rxa.component(15, 1).trim();
      java.util.regex.Matcher prefix = LOT_PREFIX.matcher(lot);
      if (NOT_A_LOT.contains(lot.toUpperCase(Locale.ROOT)) || lot.chars().anyMatch(ch -> !(Character.isLetterOrDigit(ch) || ch == '-' || ch == '/'
          || ch == '#' || ch == ' ' || ch == '.' || ch == ':'))) {
        ctx.report(Rule.CNT_LOT_INVALID, rxa.at(15), "Lot number '" + abbreviate(lot) + "' is not a lot number; send the lot printed on the vial.");
      } else if (prefix.matches() && !prefix.group(3).isBlank()) {
        ctx.report(Rule.CNT_LOT_PREFIX, rxa.at(15), "Lot number '" + abbreviate(lot) + "' starts with '" + abbreviate(prefix.group(1).trim())
            + "'; send the lot number alone ('" + abbreviate(prefix.group(3).trim()) + "').");
      } else if (lot.length() < 4) {
        ctx.report(Rule.CNT_LOT_TOO_SHORT, rxa.at(15), "Lot number '" + abbreviate(lot) + "' is shorter than any manufacturer's lot numbers.");
      } else {
        String mvx = rxa.component(17, 1).trim();
        List<Code> patterns = codebase.linkedTo(Codebase.Set.LOT_PATTERN, "VACCINATION_MANUFACTURER_CODE", mvx);
        if (!patterns.isEmpty() && patterns.stream().noneMatch(p -> matches(p.value(), lot))) {
          ctx.report(Rule.CNT_LOT_PATTERN, rxa.at(15), "Lot number '" + abbreviate(lot) + "' does not look like " + mvx + "'s lot numbers ("
              + String.join(", ", patterns.stream().map(Code::label).toList()) + "); check it.");
        }
      }
    }
    if (rxa.isEmpty(17)) {
      ctx.report(Rule.CNT_MANUFACTURER_MISSING, rxa.at(17), "RXA-17 (manufacturer, MVX) is empty for a dose given by this provider.");
    }
    if (rxa.isEmpty(16)) {
      ctx.report(Rule.CNT_EXPIRY_MISSING, rxa.at(16), "RXA-16 (lot expiration date) is empty for a dose given by this provider.");
    }
    if (rxa.isEmpty(10)) {
      ctx.report(Rule.CNT_PROVIDER_MISSING, rxa.at(10), "RXA-10 (administering provider) is empty for a dose given by this provider.");
    }
    if (rxa.isEmpty(11)) {
      ctx.report(Rule.CNT_FACILITY_MISSING, rxa.at(11), "RXA-11 (administered-at location) is empty; MIIC uses RXA-11.4 to attribute the dose to a facility.");
    }
  }

  private static final java.util.Map<String, Optional<Pattern>> LOT_PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

  private static boolean matches(String regex, String lot) {
    Optional<Pattern> known = LOT_PATTERNS.get(regex); // a read first: computeIfAbsent locks its bin (issue 9)
    Optional<Pattern> p = known != null ? known : LOT_PATTERNS.computeIfAbsent(regex, r -> {
      try {
        return Optional.of(Pattern.compile(r));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    });
    return p.map(x -> x.matcher(lot).matches()).orElse(true);
  }

  private void route(Dose d, ValidationContext ctx) {
    Segment rxa = d.rxa();
    if (d.newAdministration() && (d.rxr().isEmpty() || d.rxr().get(0).isEmpty(1))) {
      ctx.report(Rule.CNT_ROUTE_MISSING, d.rxr().isEmpty() ? rxa.location() : d.rxr().get(0).at(1),
          "No route of administration (RXR-1) for a dose given by this provider.");
    }
    Optional<Code> vaccine = d.cvx() == null ? Optional.empty() : codebase.find(Codebase.Set.CVX, d.cvx());
    String description = vaccine.map(c -> (c.label() + " " + c.description()).toLowerCase(Locale.ROOT)).orElse("");
    for (Segment rxr : d.rxr()) {
      String route = rxr.code(1);
      String system = rxr.component(1, 3).trim();
      boolean known = "NCIT".equals(system) ? tables.contains("ncit-route", route)
          : "HL70162".equals(system) ? tables.contains("hl70162", route)
          : tables.contains("ncit-route", route) || tables.contains("hl70162", route);
      if (!route.isEmpty() && !known) {
        ctx.report(Rule.CNT_ROUTE_INVALID, rxr.at(1), "Route '" + abbreviate(route) + "' is not an NCIT or HL7 0162 route (e.g. C28161 intramuscular).");
        continue;
      }
      String site = rxr.code(2);
      if (!site.isEmpty() && !tables.contains("hl70163", site)) {
        ctx.report(Rule.CNT_SITE_INVALID, rxr.at(2), "Site '" + abbreviate(site) + "' is not in HL7 table 0163 (e.g. LD left deltoid, RT right thigh).");
      }
      if (route.isEmpty()) {
        continue;
      }
      codebase.find(Codebase.Set.ROUTE, route).filter(c -> "Deprecated".equalsIgnoreCase(c.status())).ifPresent(c -> ctx.report(
          Rule.CNT_ROUTE_DEPRECATED, rxr.at(1), "Route '" + route + "' is deprecated; send the NCIT code (e.g. C28161 intramuscular)."));
      boolean oralVaccine = description.contains("oral") || d.cvx() != null && codebase.linkedTo(Codebase.Set.VACCINE_GROUP,
          "VACCINATION_CVX_CODE", d.cvx()).stream().anyMatch(g -> "ROTAVIRUS".equals(g.value()));
      boolean nasalVaccine = description.contains("intranasal") || description.contains("nasal");
      if (d.newAdministration() && vaccine.isPresent() && !"unspecified".equals(vaccine.get().conceptType())
          && ((oralVaccine && !ORAL.contains(route)) || (nasalVaccine && !NASAL.contains(route))
          || (!oralVaccine && !nasalVaccine && (ORAL.contains(route) || NASAL.contains(route))))) {
        ctx.report(Rule.CNT_ROUTE_FOR_VACCINE, rxr.at(1), "Route '" + route + "' does not fit CVX " + d.cvx() + " (" + vaccine.get().label() + "), which is "
            + (oralVaccine ? "given by mouth" : nasalVaccine ? "given intranasally" : "injected") + ".");
      }
      boolean specific = vaccine.isPresent() && !"unspecified".equals(vaccine.get().conceptType());
      if ((ORAL.contains(route) || NASAL.contains(route)) && !site.isEmpty()) {
        ctx.report(Rule.CNT_SITE_FOR_ROUTE, rxr.at(2), "A body site (" + abbreviate(site) + ") was sent for a dose given "
            + (ORAL.contains(route) ? "by mouth" : "intranasally") + "; leave RXR-2 empty.");
      } else if (specific && (oralVaccine || nasalVaccine) && !site.isEmpty()) {
        // The site judged against the vaccine itself, whatever route was sent.
        ctx.report(Rule.CNT_SITE_FOR_ROUTE, rxr.at(2), "A body site (" + abbreviate(site) + ") was sent for CVX " + d.cvx() + " ("
            + vaccine.get().label() + "), which is given " + (oralVaccine ? "by mouth" : "intranasally") + "; leave RXR-2 empty.");
      } else if (specific && !oralVaccine && !nasalVaccine && FOREARM.contains(site)) {
        ctx.report(Rule.CNT_SITE_FOR_ROUTE, rxr.at(2), "Site '" + site + "' (lower forearm) is an intradermal or skin-test site, not one for CVX "
            + d.cvx() + " (" + vaccine.get().label() + "), which is injected into a muscle or under the skin of the arm or thigh.");
      } else if (d.newAdministration() && INJECTED.contains(route) && site.isEmpty()) {
        ctx.report(Rule.CNT_SITE_MISSING, rxr.at(2), "RXR-2 (site) is empty for an injected dose.");
      }
    }
  }

  private void amountAndStatus(Dose d, ValidationContext ctx) {
    Segment rxa = d.rxa();
    String completion = d.completion();
    String amount = rxa.component(6, 1).trim();
    if (d.newAdministration()) {
      if ("999".equals(amount)) {
        ctx.report(Rule.CNT_AMOUNT_UNKNOWN, rxa.at(6), "RXA-6 is 999 (amount unknown) for a dose given by this provider, who knows the amount.");
      } else if (!amount.isEmpty() && !positiveNumber(amount)) {
        ctx.report(Rule.CNT_DOSE_AMOUNT_INVALID, rxa.at(6), "Dose amount '" + abbreviate(amount) + "' is not a positive number.");
      } else if (!amount.isEmpty() && Double.parseDouble(amount) > 5) {
        ctx.report(Rule.CNT_AMOUNT_IMPLAUSIBLE, rxa.at(6), "Dose amount " + abbreviate(amount) + " is larger than any vaccine dose (in mL).");
      }
      if (!amount.isEmpty() && !"999".equals(amount) && rxa.isEmpty(7)) {
        ctx.report(Rule.CNT_AMOUNT_UNIT, rxa.at(7), "RXA-7 (units) is required with an amount other than 999; send mL^milliliters^UCUM.");
      }
    }
    if ("RE".equals(completion)) {
      String reason = rxa.code(18);
      if (reason.isEmpty()) {
        ctx.report(Rule.CNT_REFUSAL_REASON_MISSING, rxa.at(18), "A refusal (RXA-20 RE) needs its reason in RXA-18 (NIP002).");
      } else if (!tables.contains("nip002", reason)) {
        ctx.report(Rule.CNT_REFUSAL_REASON_INVALID, rxa.at(18, 1), "Refusal reason '" + abbreviate(reason) + "' is not in NIP002 (00-03).");
      } else if (contradicts(rxa.component(18, 2), tables.name("nip002", reason))) {
        ctx.report(Rule.CNT_REFUSAL_TEXT_MISMATCH, rxa.at(18, 2), "Refusal reason " + reason + " means '" + tables.name("nip002", reason)
            + "', but its text says '" + abbreviate(rxa.component(18, 2)) + "'; check which reason was meant.");
      }
    }
    if (("RE".equals(completion) || "NA".equals(completion)) && (!rxa.isEmpty(15) || !(amount.isEmpty() || "999".equals(amount) || "0".equals(amount)))) {
      ctx.report(Rule.CNT_REFUSAL_WITH_DOSE_DETAILS, rxa.at(rxa.isEmpty(15) ? 6 : 15), "A dose "
          + ("RE".equals(completion) ? "refused" : "not administered") + " (RXA-20 " + completion
          + ") has no lot and no amount: send RXA-6 999 and leave RXA-15 empty.");
    }
    if ("NA".equals(completion) && rxa.isEmpty(18) && d.obx().stream().noneMatch(o -> Set.of("30945-0", "59784-9", "75505-8").contains(o.code(3)))) {
      ctx.report(Rule.CNT_NOT_ADMINISTERED_NO_REASON, rxa.at(18), "A dose not administered (RXA-20 NA) should say why: RXA-18, or an OBX for a "
          + "contraindication (30945-0) or immunity (59784-9).");
    }
    if ("PA".equals(completion)) {
      ctx.report(Rule.CNT_PARTIAL_DOSE, rxa.at(20), "This dose was only partially administered (RXA-20 PA); MIIC records it as not valid for the series.");
    }
    if (!completion.isEmpty() && !tables.contains("hl70322", completion)) {
      ctx.report(Rule.CNT_COMPLETION_STATUS_INVALID, rxa.at(20), "Completion status '" + abbreviate(completion) + "' is not CP, PA, NA or RE.");
    }
    String action = rxa.code(21);
    if (action.isEmpty() && !"998".equals(d.cvx())) {
      Finding f = ctx.report(Rule.CNT_ACTION_CODE_MISSING, rxa.at(21), "RXA-21 (action code) is required: A (add), U (update) or D (delete).");
      ctx.rejectRequiredField(f, rxa.location(), true, REJECTED);
    } else if (!tables.contains("hl70323", action)) {
      ctx.report(Rule.CNT_ACTION_CODE_INVALID, rxa.at(21), "Action code '" + abbreviate(action) + "' is not A, U or D.");
    }
    String source = rxa.code(9);
    if (!source.isEmpty() && !tables.contains("nip001", source)) {
      ctx.report(Rule.CNT_INFORMATION_SOURCE_INVALID, rxa.at(9, 1), "Information source '" + abbreviate(source)
          + "' is not in NIP001 (00 new administration, 01-08 historical).");
    }
    if (d.historical() && !rxa.isEmpty(15) && !rxa.isEmpty(17)) {
      ctx.report(Rule.CNT_HISTORICAL_LOOKS_ADMINISTERED, rxa.at(9), "This dose is marked historical (RXA-9 " + source
          + ") but carries lot number and manufacturer, as an administered dose would; check RXA-9.");
    }
  }

  private static String age(int months) {
    return months < 24 ? months + " month" + (months == 1 ? "" : "s") : (months / 12) + " years";
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

  private static boolean positiveNumber(String s) {
    try {
      return Double.parseDouble(s) > 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
