package org.miic.onboarding.agreement;

import java.time.LocalDate;

/** What staff and the status page see about an organization's agreement. */
public record AgreementStatus(State state, Long agreementId, LocalDate signedOn, LocalDate expiresOn) {

  public enum State {
    /** No agreement was ever recorded. */
    NONE,
    /** Current, and not expiring within the first reminder window. */
    CURRENT,
    /** Current, but expiring within the first reminder window. */
    EXPIRING_SOON,
    /** The latest agreement has expired without renewal. */
    LAPSED
  }

  public boolean current() {
    return state == State.CURRENT || state == State.EXPIRING_SOON;
  }
}
