package org.miic.onboarding.quality;

/** Where a request's data-quality follow-up stands in its process; implemented by the process glue. */
public interface FollowUpProcessPort {

  /** Whether the process waits for the organization's answer to a follow-up notice now. */
  boolean awaitingAnswer(String trackingId);

  /** Delivers the stored answer to the waiting process; fails with a ConflictException when it no longer waits. */
  void deliverAnswer(String trackingId, long responseId);
}
