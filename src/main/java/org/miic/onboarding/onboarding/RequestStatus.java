package org.miic.onboarding.onboarding;

import java.time.Instant;
import java.util.List;

/**
 * Where a request stands, as the organization sees it on its status page (no staff-only detail): the step it is in,
 * what happens next, what the organization can do now (with the links), its queue position, and what MIIC staff wrote
 * to it.
 */
public record RequestStatus(
    String trackingId,
    String organizationName,
    Instant submittedAt,
    int worksheetVersion,
    State state,
    String description,
    /** 1 to 4: the step of MIIC's onboarding the request is in; 0 once closed. */
    int step,
    List<String> currentSteps,
    Integer queuePosition,
    /** How many organizations are in the queue (with queuePosition: "3 of 17"). */
    Integer queueSize,
    String nextStep,
    List<Action> actions,
    List<StaffNote> staffNotes,
    List<String> missingItems,
    String agreement,
    boolean agreementLapsed,
    boolean correctionAllowed,
    /** When the request went live; null before. */
    Instant liveSince) {

  /** Something the organization can do now, with its link. */
  public record Action(String label, String url, String hint) {

    /** The link within this application (path and query), for pages: it works whatever address the page was reached at. */
    public String path() {
      java.net.URI uri = java.net.URI.create(url);
      return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
  }

  /** What MIIC staff wrote to the organization, from which task, and when. */
  public record StaffNote(Instant at, String from, String text) {}

  public enum State {
    RECEIVED("Received: being checked", 1),
    WAITING_FOR_AGREEMENT("Waiting for a signed MIIC User Agreement", 1),
    UNDER_REVIEW("Under review by MIIC staff", 2),
    WAITING_FOR_CORRECTION("Waiting for your corrected worksheet", 2),
    QUEUED("In the onboarding queue", 2),
    ONBOARDING("Onboarding", 3),
    IN_PRODUCTION("In production: ongoing exchange with data-quality monitoring", 4),
    DATA_QUALITY_FOLLOW_UP("In production: MIIC asked you to address data-quality issues", 4),
    SUSPENDED("In production, suspended: MIIC refuses production messages until the suspension is lifted", 4),
    CHANGE_LIVE("Change live on your production exchange", 0),
    WITHDRAWN("Withdrawn", 0),
    EXCHANGE_ENDED("Data exchange ended", 0),
    CLOSED("Closed", 0);

    private final String label;
    private final int step;

    State(String label, int step) {
      this.label = label;
      this.step = step;
    }

    public String label() {
      return label;
    }

    public int step() {
      return step;
    }
  }

  /** "3 of 17", while queued. */
  public String queuePositionText() {
    return queuePosition == null ? null : queueSize == null ? queuePosition.toString() : queuePosition + " of " + queueSize;
  }
}
