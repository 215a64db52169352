package org.miic.onboarding.messaging.validation;

import java.util.List;

/** What the validator concluded about one message. */
public record ValidationResult(
    AckCode ackCode,
    String messageType,
    String triggerEvent,
    String profile,
    String controlId,
    String processingId,
    String sendingApplication,
    String sendingFacility,
    List<Finding> findings,
    Hl7Text message) {

  /** MSA-1: AA accepted, AE accepted with errors (the erroneous parts rejected), AR rejected. */
  public enum AckCode {
    AA,
    AE,
    AR
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  public boolean isQuery() {
    return "QBP".equals(messageType);
  }
}
