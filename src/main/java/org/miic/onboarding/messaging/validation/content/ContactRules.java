package org.miic.onboarding.messaging.validation.content;

import static org.miic.onboarding.messaging.validation.Echo.abbreviate;

import java.util.Set;
import java.util.regex.Pattern;
import org.miic.onboarding.messaging.validation.Codebase;
import org.miic.onboarding.messaging.validation.Hl7Location;
import org.miic.onboarding.messaging.validation.Hl7Text.Segment;
import org.miic.onboarding.messaging.validation.Rule;
import org.miic.onboarding.messaging.validation.ValidationContext;

/** Addresses (XAD) and phone numbers and emails (XTN) of the patient (PID-11, PID-13, PID-14) and next of kin (NK1-4, NK1-5). */
final class ContactRules {

  /** USPS state, district and territory codes, and the military "states". */
  static final Set<String> STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
      "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
      "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "AS", "GU", "MP", "PR", "VI", "UM", "FM", "MH", "PW",
      "AA", "AE", "AP");
  private static final Pattern ZIP = Pattern.compile("\\d{5}(-?\\d{4})?");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{3}|[A-Z]{2}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
  private static final Pattern AREA_PUNCTUATION = Pattern.compile("[()\\s-]");
  private static final Pattern LOCAL_PUNCTUATION = Pattern.compile("[\\s.-]");
  private static final Pattern AREA_CODE = Pattern.compile("[2-9]\\d{2}");
  private static final Pattern LOCAL_NUMBER = Pattern.compile("[2-9]\\d{6}");

  private final Codebase codebase;

  ContactRules(Codebase codebase) {
    this.codebase = codebase;
  }

  void check(Vxu v, ValidationContext ctx) {
    if (v.pid() != null) {
      addresses(v.pid(), 11, ctx);
      phones(v.pid(), 13, ctx);
      phones(v.pid(), 14, ctx);
    }
    for (Segment nk1 : v.message().segments("NK1")) {
      addresses(nk1, 4, ctx);
      phones(nk1, 5, ctx);
    }
  }

  private void addresses(Segment s, int field, ValidationContext ctx) {
    for (int rep = 1; rep <= s.repetitionCount(field); rep++) {
      String street = s.component(field, rep, 1).trim();
      String city = s.component(field, rep, 3).trim();
      String state = s.component(field, rep, 4).trim();
      String zip = s.component(field, rep, 5).trim();
      String country = s.component(field, rep, 6).trim();
      String type = s.component(field, rep, 7).trim();
      if (street.isEmpty() && city.isEmpty() && state.isEmpty() && zip.isEmpty()) {
        continue;
      }
      String where = s.name() + "-" + field;
      boolean us = country.isEmpty() || "USA".equals(country) || "US".equals(country);
      if (us && !zip.isEmpty() && !ZIP.matcher(zip).matches()) {
        ctx.report(Rule.CNT_ZIP_INVALID, loc(s, field, rep, 5), where + ".5 (ZIP code) '" + abbreviate(zip) + "' is not 5 digits or ZIP+4.");
      }
      if (us && !state.isEmpty() && !STATES.contains(state)) {
        ctx.report(Rule.CNT_STATE_INVALID, loc(s, field, rep, 4), where + ".4 (state) '" + abbreviate(state)
            + "' is not a two-letter US state or territory code (e.g. MN).");
      }
      if (type.isEmpty()) {
        ctx.report(Rule.CNT_ADDRESS_TYPE, loc(s, field, rep, 7), where + ".7 (address type) is empty; use H (home), M (mailing) or another HL7 0190 code.");
      } else if (codebase.find(Codebase.Set.ADDRESS_TYPE, type).isEmpty()) {
        ctx.report(Rule.CNT_ADDRESS_TYPE, loc(s, field, rep, 7), where + ".7 (address type) '" + abbreviate(type) + "' is not in HL7 table 0190.");
      }
      if (street.isEmpty() || city.isEmpty()) {
        ctx.report(Rule.CNT_ADDRESS_INCOMPLETE, loc(s, field, rep, street.isEmpty() ? 1 : 3), where + " has no " + (street.isEmpty() ? "street" : "city")
            + "; MIIC needs the whole address to match patients and for reminders.");
      }
      if (!country.isEmpty() && !COUNTRY.matcher(country).matches()) {
        ctx.report(Rule.CNT_COUNTRY_INVALID, loc(s, field, rep, 6), where + ".6 (country) '" + abbreviate(country) + "' is not an ISO 3166 code (USA).");
      }
    }
  }

  private void phones(Segment s, int field, ValidationContext ctx) {
    String where = s.name() + "-" + field;
    for (int rep = 1; rep <= s.repetitionCount(field); rep++) {
      String use = s.component(field, rep, 2).trim();
      String equipment = s.component(field, rep, 3).trim();
      String email = s.component(field, rep, 4).trim();
      String area = s.component(field, rep, 6).trim();
      String local = s.component(field, rep, 7).trim();
      if (!use.isEmpty() && codebase.find(Codebase.Set.TELECOM_USE, use).isEmpty()) {
        ctx.report(Rule.CNT_PHONE_USE_INVALID, loc(s, field, rep, 2), where + ".2 (use) '" + abbreviate(use)
            + "' is not in HL7 table 0201 (PRN primary residence, NET network address, WPN work ...).");
      }
      if (!equipment.isEmpty() && codebase.find(Codebase.Set.TELECOM_EQUIPMENT, equipment).isEmpty()) {
        ctx.report(Rule.CNT_PHONE_EQUIPMENT_INVALID, loc(s, field, rep, 3), where + ".3 (equipment type) '" + abbreviate(equipment)
            + "' is not in HL7 table 0202 (PH telephone, CP cellular phone, Internet ...).");
      }
      if ("NET".equals(use) || "Internet".equalsIgnoreCase(equipment) || "X.400".equals(equipment)) {
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
          ctx.report(Rule.CNT_EMAIL_MALFORMED, loc(s, field, rep, 4), where + ".4 (email) '" + abbreviate(email) + "' is not an email address.");
        }
        continue;
      }
      String areaDigits = AREA_PUNCTUATION.matcher(area).replaceAll("");
      String localDigits = LOCAL_PUNCTUATION.matcher(local).replaceAll("");
      if (!area.isEmpty() || !local.isEmpty()) {
        boolean areaOk = AREA_CODE.matcher(areaDigits).matches();
        if (!areaOk || !LOCAL_NUMBER.matcher(localDigits).matches()) {
          ctx.report(Rule.CNT_PHONE_MALFORMED, loc(s, field, rep, areaOk ? 7 : 6), where
              + " phone '" + abbreviate(area + " " + local) + "' is not a 3-digit area code (XTN-6) and a 7-digit number (XTN-7).");
        }
      }
    }
  }

  private static Hl7Location loc(Segment s, int field, int rep, int component) {
    return new Hl7Location(s.name(), s.sequence(), field, rep, component);
  }
}
