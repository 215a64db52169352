package org.miic.onboarding.quality;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.miic.onboarding.messaging.validation.Hl7Text;
import org.miic.onboarding.messaging.validation.Hl7Timestamp;

/**
 * What one message contributes to its organization's data-quality scorecard, measured once when it arrives: the newly
 * administered doses it reports, how many days after the latest of them it arrived, and how many of the required and
 * expected fields of the CDC IG it fills ({@link #COMPLETENESS}).
 *
 * @param administeredDoses RXA segments of newly administered doses (RXA-9.1 {@code 00}, not refused or not given)
 * @param reportDelayDays days from the latest administration (RXA-3) to receipt; null without an administered dose
 * @param expectedFields how many required or expected fields the message has occasion to carry
 * @param presentFields how many of those it fills
 */
public record MessageMeasures(int administeredDoses, Integer reportDelayDays, int expectedFields, int presentFields) {

  public static final MessageMeasures NONE = new MessageMeasures(0, null, 0, 0);

  /** Where a completeness field sits: segment, field, and whether it is expected for every dose or only for administered ones. */
  public record ExpectedField(String segment, int field, String label, boolean administeredOnly) {}

  /**
   * The fields counted for completeness, following the usage the CDC IG R1.5 gives them in a VXU (R: required, RE:
   * required but may be empty, i.e. expected when known): the patient's identity and demographics, the facility, and
   * per dose the vaccine, date, amount and source, with lot, expiry, manufacturer, administering provider, route,
   * site and VFC eligibility (OBX 64994-7) for doses given here. Each item counts once per message (patient fields) or
   * once per dose (dose fields).
   */
  public static final List<ExpectedField> COMPLETENESS = List.of(
      new ExpectedField("MSH", 4, "Sending facility (MSH-4)", false),
      new ExpectedField("PID", 3, "Patient identifier (PID-3)", false),
      new ExpectedField("PID", 5, "Patient name (PID-5)", false),
      new ExpectedField("PID", 6, "Mother's maiden name (PID-6)", false),
      new ExpectedField("PID", 7, "Birth date (PID-7)", false),
      new ExpectedField("PID", 8, "Sex (PID-8)", false),
      new ExpectedField("PID", 10, "Race (PID-10)", false),
      new ExpectedField("PID", 11, "Address (PID-11)", false),
      new ExpectedField("PID", 13, "Phone (PID-13)", false),
      new ExpectedField("PID", 22, "Ethnicity (PID-22)", false),
      new ExpectedField("RXA", 3, "Administration date (RXA-3)", false),
      new ExpectedField("RXA", 5, "Vaccine (RXA-5)", false),
      new ExpectedField("RXA", 6, "Amount (RXA-6)", false),
      new ExpectedField("RXA", 9, "Administration notes / source (RXA-9)", false),
      new ExpectedField("RXA", 10, "Administering provider (RXA-10)", true),
      new ExpectedField("RXA", 15, "Lot number (RXA-15)", true),
      new ExpectedField("RXA", 16, "Lot expiration date (RXA-16)", true),
      new ExpectedField("RXA", 17, "Manufacturer (RXA-17)", true),
      new ExpectedField("RXR", 1, "Route (RXR-1)", true),
      new ExpectedField("RXR", 2, "Site (RXR-2)", true),
      new ExpectedField("OBX", 0, "VFC eligibility (OBX 64994-7)", true));

  /** The LOINC code of the dose-level VFC eligibility observation. */
  static final String VFC_ELIGIBILITY = "64994-7";

  /** Measures a VXU received on the given local day; any other message (a query, an unreadable one) measures nothing. */
  public static MessageMeasures of(String messageType, Hl7Text message, LocalDate receivedOn) {
    if (message == null || !"VXU".equals(messageType)) {
      return NONE;
    }
    int expected = 0;
    int present = 0;
    Hl7Text.Segment msh = message.first("MSH");
    expected++;
    if (msh != null && !msh.isEmpty(4)) {
      present++;
    }
    Hl7Text.Segment pid = message.first("PID");
    for (ExpectedField f : COMPLETENESS) {
      if (f.segment().equals("PID")) {
        expected++;
        if (pid != null && !pid.isEmpty(f.field())) {
          present++;
        }
      }
    }
    int administered = 0;
    LocalDate latest = null;
    List<Hl7Text.Segment> segments = message.segments();
    for (int i = 0; i < segments.size(); i++) {
      Hl7Text.Segment rxa = segments.get(i);
      if (!rxa.name().equals("RXA")) {
        continue;
      }
      boolean given = isAdministered(rxa);
      // The RXR and OBX segments of this dose follow it until the next ORC or RXA.
      Hl7Text.Segment rxr = null;
      boolean vfc = false;
      for (int j = i + 1; j < segments.size(); j++) {
        Hl7Text.Segment next = segments.get(j);
        if (next.name().equals("ORC") || next.name().equals("RXA")) {
          break;
        }
        if (next.name().equals("RXR") && rxr == null) {
          rxr = next;
        } else if (next.name().equals("OBX") && VFC_ELIGIBILITY.equals(next.code(3)) && !next.isEmpty(5)) {
          vfc = true;
        }
      }
      for (ExpectedField f : COMPLETENESS) {
        if (f.segment().equals("PID") || f.segment().equals("MSH") || f.administeredOnly() && !given) {
          continue;
        }
        expected++;
        boolean filled = switch (f.segment()) {
          case "RXA" -> !rxa.isEmpty(f.field());
          case "RXR" -> rxr != null && !rxr.isEmpty(f.field());
          case "OBX" -> vfc;
          default -> false;
        };
        if (filled) {
          present++;
        }
      }
      if (given) {
        administered++;
        LocalDate date = Hl7Timestamp.parse(rxa.field(3)).date();
        if (date != null && (latest == null || date.isAfter(latest))) {
          latest = date;
        }
      }
    }
    Integer delay = null;
    if (latest != null && receivedOn != null && !latest.isAfter(receivedOn)) {
      delay = (int) Math.min(ChronoUnit.DAYS.between(latest, receivedOn), 100_000);
    }
    return new MessageMeasures(administered, delay, expected, present);
  }

  /** A newly administered dose: RXA-9.1 is 00, the vaccine is not "no vaccine administered" (998), and RXA-20 is not RE or NA. */
  static boolean isAdministered(Hl7Text.Segment rxa) {
    String status = rxa.code(20);
    return "00".equals(rxa.code(9)) && !"998".equals(rxa.code(5)) && !"RE".equals(status) && !"NA".equals(status);
  }
}
