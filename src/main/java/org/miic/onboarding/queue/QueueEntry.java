package org.miic.onboarding.queue;

import java.time.Instant;

/** A request's place in the onboarding queue. */
public record QueueEntry(
    long id,
    long requestId,
    long organizationId,
    Status status,
    int baseScore,
    Instant enteredAt,
    Instant invitedAt,
    Instant completedAt,
    int readinessPoints,
    String readinessReason) {

  public enum Status {
    /** Scored; the queue-position email is on its way and the entry becomes WAITING right after. */
    SCORED,
    /** In the queue, waiting for an onboarding slot. */
    WAITING,
    /** Invited: occupies an onboarding slot until go-live. */
    INVITED,
    /** Live in production: the slot is free again. */
    COMPLETED,
    /** Left the queue without onboarding. */
    WITHDRAWN
  }
}
