package org.miic.onboarding.messaging.validation;

/**
 * One problem in a message: the rule that found it, how serious it is, where it is, the HL7 table 0357 error code
 * (ERR-3), the table 0533 application error code (ERR-5, may be null), and a sentence for the clinic's interface analyst.
 */
public record Finding(String rule, Severity severity, Hl7Location location, String hl7ErrorCode, String applicationErrorCode,
    String message) {

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
