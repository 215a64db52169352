package org.miic.onboarding.exchange;

import java.time.Instant;

/** One suspension of a production exchange: why, since when, and when it was lifted (null while open). */
public record Suspension(long id, long requestId, Reason reason, String note, Instant suspendedAt, String suspendedBy, Instant resumedAt,
    String resumedBy) {

  public enum Reason {
    /** Staff decided after unanswered data-quality follow-ups. */
    DATA_QUALITY,
    /** The MIIC User Agreement lapsed and the grace period ended. */
    AGREEMENT_LAPSED
  }

  public boolean open() {
    return resumedAt == null;
  }
}
