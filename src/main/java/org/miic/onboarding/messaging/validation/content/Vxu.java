package org.miic.onboarding.messaging.validation.content;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.miic.onboarding.messaging.validation.Hl7Text;
import org.miic.onboarding.messaging.validation.Hl7Text.Segment;
import org.miic.onboarding.messaging.validation.Hl7Timestamp;

/**
 * A VXU read once for the content rules: the patient, the dates every rule compares with, and each vaccination (order
 * group) with its segments and what kind of dose it records.
 */
record Vxu(Hl7Text message, Segment msh, Segment pid, Segment pd1, LocalDate birth, Hl7Timestamp messageTime, LocalDateTime now, List<Dose> doses,
    List<Segment> patientObservations) {

  static final Set<String> HISTORICAL = Set.of("01", "02", "03", "04", "05", "06", "07", "08");

  /** One order group: RXA with its ORC, RXR and OBX segments. */
  record Dose(Segment rxa, Segment orc, List<Segment> rxr, List<Segment> obx, Hl7Timestamp administered, String cvx) {

    String completion() {
      return rxa.code(20);
    }

    /** Given (completed or partially), whoever gave it. */
    boolean given() {
      String c = completion();
      return c.isEmpty() || "CP".equals(c) || "PA".equals(c);
    }

    boolean historical() {
      return HISTORICAL.contains(rxa.code(9));
    }

    boolean deletion() {
      return "D".equals(rxa.code(21));
    }

    /** Given by the sender now: the checks of lot, manufacturer, VIS and eligibility apply. */
    boolean newAdministration() {
      return given() && !historical() && !deletion();
    }

    LocalDate date() {
      return administered.valid() ? administered.date() : null;
    }

    List<Segment> observations(String loinc) {
      return obx.stream().filter(o -> loinc.equals(o.code(3))).toList();
    }
  }

  static Vxu of(Hl7Text m, LocalDateTime now) {
    Segment pid = m.first("PID");
    Hl7Timestamp birthTs = pid == null ? Hl7Timestamp.parse("") : Hl7Timestamp.parse(pid.component(7, 1));
    LocalDate birth = birthTs.valid() && !birthTs.date().isAfter(now.toLocalDate()) ? birthTs.date() : null;
    List<Dose> doses = new ArrayList<>();
    List<Segment> patientObx = new ArrayList<>();
    List<Segment> segments = m.segments();
    Segment orc = null;
    boolean inOrder = false;
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      switch (s.name()) {
        case "ORC" -> {
          orc = s;
          inOrder = true;
        }
        case "RXA" -> {
          List<Segment> rxr = new ArrayList<>();
          List<Segment> obx = new ArrayList<>();
          int j = i + 1;
          while (j < segments.size() && !"ORC".equals(segments.get(j).name()) && !"RXA".equals(segments.get(j).name())) {
            Segment g = segments.get(j);
            if ("RXR".equals(g.name())) {
              rxr.add(g);
            } else if ("OBX".equals(g.name())) {
              obx.add(g);
            }
            j++;
          }
          doses.add(new Dose(s, orc, rxr, obx, Hl7Timestamp.parse(s.component(3, 1)), cvx(s)));
          orc = null;
          inOrder = true;
        }
        case "OBX" -> {
          if (!inOrder) {
            patientObx.add(s);
          }
        }
        default -> {
        }
      }
    }
    return new Vxu(m, m.msh(), pid, m.first("PD1"), birth, Hl7Timestamp.parse(m.msh().component(7, 1)), now, List.copyOf(doses),
        List.copyOf(patientObx));
  }

  LocalDate today() {
    return now.toLocalDate();
  }

  /** The CVX code of RXA-5, from its first or its alternate triplet; null when neither is CVX. */
  static String cvx(Segment rxa) {
    if ("CVX".equalsIgnoreCase(rxa.component(5, 3).trim())) {
      return rxa.component(5, 1).trim();
    }
    if ("CVX".equalsIgnoreCase(rxa.component(5, 6).trim())) {
      return rxa.component(5, 4).trim();
    }
    return null;
  }

  /** The code of RXA-5 in the given coding system (first or alternate triplet), or null. */
  static String code(Segment rxa, String system) {
    if (system.equalsIgnoreCase(rxa.component(5, 3).trim())) {
      return rxa.component(5, 1).trim();
    }
    if (system.equalsIgnoreCase(rxa.component(5, 6).trim())) {
      return rxa.component(5, 4).trim();
    }
    return null;
  }
}
