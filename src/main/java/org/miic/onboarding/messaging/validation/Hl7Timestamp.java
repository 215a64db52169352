package org.miic.onboarding.messaging.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * An HL7 DTM/DT value ({@code YYYY[MM[DD[HH[MM[SS[.S...]]]]]][+/-ZZZZ]}), parsed without ever throwing: either a date
 * (and time) or the reason it is not one. A malformed time-zone offset, like the "-500" of the CDC IG's example VXU,
 * leaves the date usable and is reported separately.
 */
public record Hl7Timestamp(LocalDate date, LocalDateTime dateTime, ZoneOffset offset, String problem, boolean offsetMalformed) {

  public boolean valid() {
    return problem == null;
  }

  public static Hl7Timestamp parse(String raw) {
    String value = raw == null ? "" : raw.trim();
    if (value.isEmpty()) {
      return new Hl7Timestamp(null, null, null, "is empty", false);
    }
    String zone = null;
    int sign = Math.max(value.indexOf('+'), value.indexOf('-'));
    if (sign >= 0 && sign < 8) {
      // An offset follows at least a full date (YYYYMMDD); "2026-11-20" is an ISO date, not HL7.
      return new Hl7Timestamp(null, null, null, "'" + value + "' is not of the form YYYYMMDD[HHMM[SS[.S]]][+/-ZZZZ]", false);
    }
    String main = value;
    if (sign >= 0) {
      main = value.substring(0, sign);
      zone = value.substring(sign);
    }
    String digits = main;
    String fraction = "";
    int dot = main.indexOf('.');
    if (dot >= 0) {
      digits = main.substring(0, dot);
      fraction = main.substring(dot + 1);
    }
    if (!digits.chars().allMatch(Character::isDigit) || !fraction.chars().allMatch(Character::isDigit)) {
      return new Hl7Timestamp(null, null, null, "'" + value + "' has characters other than digits", false);
    }
    if (!(digits.length() == 4 || digits.length() == 6 || digits.length() == 8 || digits.length() == 10 || digits.length() == 12
        || digits.length() == 14) || (dot >= 0 && digits.length() != 14)) {
      return new Hl7Timestamp(null, null, null, "'" + value + "' is not of the form YYYYMMDD[HHMM[SS[.S]]][+/-ZZZZ]", false);
    }
    try {
      int year = Integer.parseInt(digits.substring(0, 4));
      int month = digits.length() >= 6 ? Integer.parseInt(digits.substring(4, 6)) : 1;
      int day = digits.length() >= 8 ? Integer.parseInt(digits.substring(6, 8)) : 1;
      int hour = digits.length() >= 10 ? Integer.parseInt(digits.substring(8, 10)) : 0;
      int minute = digits.length() >= 12 ? Integer.parseInt(digits.substring(10, 12)) : 0;
      int second = digits.length() >= 14 ? Integer.parseInt(digits.substring(12, 14)) : 0;
      LocalDateTime dateTime = LocalDateTime.of(year, month, day, hour, minute, second);
      ZoneOffset offset = null;
      boolean malformed = false;
      if (zone != null) {
        if (zone.length() == 5 && zone.substring(1).chars().allMatch(Character::isDigit)) {
          try {
            offset = ZoneOffset.ofHoursMinutes(Integer.parseInt(zone.substring(0, 3)),
                (zone.charAt(0) == '-' ? -1 : 1) * Integer.parseInt(zone.substring(3, 5)));
          } catch (DateTimeException e) {
            malformed = true;
          }
        } else {
          malformed = true;
        }
      }
      return new Hl7Timestamp(dateTime.toLocalDate(), dateTime, offset, null, malformed);
    } catch (DateTimeException e) {
      return new Hl7Timestamp(null, null, null, "'" + value + "' is not a real date or time", false);
    }
  }
}
