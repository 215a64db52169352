package org.miic.onboarding.messaging.validation;

/** How serious a finding is (HL7 table 0516, ERR-4). */
public enum Severity {
  ERROR("E"),
  WARNING("W"),
  INFORMATION("I");

  private final String hl7;

  Severity(String hl7) {
    this.hl7 = hl7;
  }

  public String hl7() {
    return hl7;
  }
}
