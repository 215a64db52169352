package org.miic.onboarding.agreement;

import java.time.Instant;
import java.time.LocalDate;

/** A signed MIIC User Agreement. It is current from its signing date until {@code expiresOn} (exclusive). */
public record UserAgreement(
    long id,
    long organizationId,
    String signerName,
    String signerTitle,
    String signerEmail,
    LocalDate signedOn,
    LocalDate expiresOn,
    Instant recordedAt,
    String recordedBy,
    Instant lapsedAt) {

  public boolean isCurrentOn(LocalDate day) {
    return !signedOn.isAfter(day) && day.isBefore(expiresOn);
  }
}
