package org.miic.onboarding.messaging.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The evaluation a Z42 response carries for each dose of a patient's history (CDC IG R1.5, the Z42 response profile:
 * one OBSERVATION group per vaccine group the dose counts for): the vaccine group (LOINC 30956-7, the group's
 * "unspecified formulation" CVX), the schedule used (59779-9, ACIP), the dose's number in its series (30973-2) and its
 * validity (59781-5).
 *
 * <p>What this evaluates, and what it does not: a dose counts towards each vaccine group its CVX belongs to (AIRA's
 * vaccine-group table), in the order the doses were given; a dose is not valid when it was given before the patient's
 * birth or repeats a dose of the same group on the same day, and it then takes no number in the series. The ACIP
 * schedule's minimum ages and intervals (the CDC's CDSi logic) are not applied, and no forecast is computed: MIIC's
 * production IIS does that; this application tests that an organization's system sends and reads the messages.
 */
@org.springframework.stereotype.Component
public final class HistoryEvaluation {

  public static final String VACCINE_TYPE = "30956-7^Vaccine type^LN";
  public static final String SCHEDULE_USED = "59779-9^Immunization schedule used^LN";
  public static final String DOSE_NUMBER = "30973-2^Dose number in series^LN";
  public static final String DOSE_VALIDITY = "59781-5^Dose validity^LN";
  static final String ACIP = "VXC16^ACIP^CDCPHINVS";

  /** One dose to evaluate: its CVX code and the day it was given. */
  public record Dose(String cvx, LocalDate given) {}

  /** The evaluation of a dose for one vaccine group: the group's CVX and name, its number in the series (null when not valid). */
  public record GroupEvaluation(String groupCvx, String groupLabel, Integer doseNumber, boolean valid) {

    /** The OBX segments of this evaluation (without set ids), under the given observation sub-id. */
    public List<String> observations(int subId) {
      List<String> obx = new ArrayList<>();
      obx.add(obx("CE", VACCINE_TYPE, subId, AckBuilder.escape(groupCvx) + "^" + AckBuilder.escape(groupLabel) + "^CVX"));
      obx.add(obx("CE", SCHEDULE_USED, subId, ACIP));
      if (doseNumber != null) {
        obx.add(obx("NM", DOSE_NUMBER, subId, doseNumber.toString()));
      }
      obx.add(obx("ID", DOSE_VALIDITY, subId, valid ? "Y" : "N"));
      return obx;
    }

    private static String obx(String type, String code, int subId, String value) {
      return "OBX||" + type + "|" + code + "|" + subId + "|" + value + "||||||F";
    }
  }

  private final Codebase codebase;
  /** Vaccine group code → the CVX code and label the group is reported with. */
  private final Map<String, String[]> groupCodes = new HashMap<>();

  public HistoryEvaluation(Codebase codebase) {
    this.codebase = codebase;
    for (Codebase.Code group : codebase.all(Codebase.Set.VACCINE_GROUP)) {
      for (String cvx : group.links("VACCINATION_CVX_CODE")) {
        Optional<Codebase.Code> code = codebase.find(Codebase.Set.CVX, cvx);
        if (code.isPresent() && (code.get().label() + " " + code.get().description()).toLowerCase(Locale.ROOT).contains("unspecified")) {
          groupCodes.putIfAbsent(group.value(), new String[] {cvx, code.get().label()});
        }
      }
    }
  }

  /** The vaccine groups a CVX code counts for, as (group CVX, label); the code itself when no group names it. */
  List<String[]> groups(String cvx) {
    List<String[]> out = new ArrayList<>();
    for (Codebase.Code group : codebase.linkedTo(Codebase.Set.VACCINE_GROUP, "VACCINATION_CVX_CODE", cvx)) {
      out.add(groupCodes.getOrDefault(group.value(), new String[] {cvx, group.label()}));
    }
    if (out.isEmpty()) {
      String label = codebase.find(Codebase.Set.CVX, cvx).map(Codebase.Code::label).orElse("CVX " + cvx);
      out.add(new String[] {cvx, label});
    }
    return out;
  }

  /**
   * Evaluates each dose for every vaccine group it counts for: the result lists, per dose in the order given, one
   * evaluation per group.
   */
  public List<List<GroupEvaluation>> evaluate(LocalDate birth, List<Dose> doses) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < doses.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing((Integer i) -> doses.get(i).given(), Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(i -> i));
    Map<Integer, List<GroupEvaluation>> byDose = new HashMap<>();
    Map<String, Integer> countByGroup = new LinkedHashMap<>();
    Set<String> groupDays = new HashSet<>();
    for (int i : order) {
      Dose dose = doses.get(i);
      List<GroupEvaluation> evaluations = new ArrayList<>();
      for (String[] group : groups(dose.cvx())) {
        boolean valid = dose.given() != null && (birth == null || !dose.given().isBefore(birth))
            && groupDays.add(group[0] + "@" + dose.given());
        Integer number = null;
        if (valid) {
          number = countByGroup.merge(group[0], 1, Integer::sum);
        }
        evaluations.add(new GroupEvaluation(group[0], group[1], number, valid));
      }
      byDose.put(i, evaluations);
    }
    List<List<GroupEvaluation>> out = new ArrayList<>();
    for (int i = 0; i < doses.size(); i++) {
      out.add(byDose.get(i));
    }
    return out;
  }
}
