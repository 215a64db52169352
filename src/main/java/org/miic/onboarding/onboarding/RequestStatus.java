package org.miic.onboarding.onboarding;

import java.time.Instant;
import java.util.List;

/** Where a request stands, as the organization sees it on its status page (no staff-only detail). */
public record RequestStatus(
    String trackingId,
    String organizationName,
    Instant submittedAt,
    int worksheetVersion,
    State state,
    String description,
    List<String> currentSteps,
    Integer queuePosition,
    List<String> missingItems,
    String agreement,
    boolean agreementLapsed,
    boolean correctionAllowed) {

  public enum State {
    RECEIVED("Received: being checked"),
    WAITING_FOR_AGREEMENT("Waiting for a signed MIIC User Agreement"),
    UNDER_REVIEW("Under review by MIIC staff"),
    WAITING_FOR_CORRECTION("Waiting for your corrected worksheet"),
    QUEUED("In the onboarding queue"),
    ONBOARDING("Onboarding"),
    IN_PRODUCTION("In production: ongoing exchange with data-quality monitoring"),
    WITHDRAWN("Withdrawn"),
    EXCHANGE_ENDED("Data exchange ended"),
    CLOSED("Closed");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
