package org.miic.onboarding.notification;

import java.time.Instant;

/** One organization-facing email as recorded in the outbox. */
public record OutboxEmail(
    long id,
    Long organizationId,
    Long requestId,
    String template,
    String recipients,
    String subject,
    String body,
    Status status,
    int attempts,
    String lastError,
    Instant createdAt,
    Instant sentAt) {

  public enum Status {
    /** Composed, not sent yet. */
    PENDING,
    /** The last attempt failed; the job retries (an incident in Cockpit once retries run out). */
    FAILED,
    /** Handed to the mail server (or, with miic.mail.delivery=outbox-only, recorded only). */
    SENT,
    /** Recorded only: the application runs with miic.mail.delivery=outbox-only. */
    RECORDED
  }
}
