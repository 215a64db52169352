package org.miic.onboarding.queue;

import org.miic.onboarding.worksheet.Worksheet;

/** The worksheet facts the priority rules (bpmn/onboarding-priority.dmn) decide on. */
public record PriorityInputs(
    int completenessFindingCount,
    boolean supplementalMaterials,
    boolean mnvfcEnrolled,
    int immunizationsPerYear,
    int facilityCount,
    String organizationType,
    String messageFormat,
    String transport) {

  public static PriorityInputs of(Worksheet w, int completenessFindingCount) {
    return new PriorityInputs(completenessFindingCount, w.hasSupplementalMaterials(), w.mnvfcEnrolled(),
        w.immunizationsPerYear(), w.submittingFor().size(), w.organizationType().name(), w.messageFormat().name(),
        w.transport().name());
  }
}
