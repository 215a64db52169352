package org.miic.onboarding.messaging.transport;

import java.time.Instant;

/** Credentials for the SOAP and HTTP endpoints: TEST while onboarding (and pre-testing in the queue), PRODUCTION from go-live. */
public record ExchangeCredential(
    long id,
    long organizationId,
    Long requestId,
    Environment environment,
    String username,
    String facilityId,
    String passwordHash,
    String revealToken,
    Instant issuedAt,
    Instant revealedAt,
    Instant revokedAt,
    /** Why the production exchange is suspended (the sentence a sender is answered with); null while it runs. */
    String suspendedReason) {

  public ExchangeCredential(long id, long organizationId, Long requestId, Environment environment, String username, String facilityId,
      String passwordHash, String revealToken, Instant issuedAt, Instant revealedAt, Instant revokedAt) {
    this(id, organizationId, requestId, environment, username, facilityId, passwordHash, revealToken, issuedAt, revealedAt, revokedAt, null);
  }

  public enum Environment {
    TEST,
    PRODUCTION
  }

  public boolean active() {
    return revokedAt == null;
  }

  public boolean suspended() {
    return suspendedReason != null;
  }

  public boolean revealed() {
    return revealedAt != null;
  }
}
