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
    Instant revokedAt) {

  public enum Environment {
    TEST,
    PRODUCTION
  }

  public boolean active() {
    return revokedAt == null;
  }

  public boolean revealed() {
    return revealedAt != null;
  }
}
