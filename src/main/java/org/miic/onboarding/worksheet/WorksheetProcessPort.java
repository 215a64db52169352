package org.miic.onboarding.worksheet;

/** What the worksheet feature needs from the onboarding process; implemented by the process glue. */
public interface WorksheetProcessPort {

  /** Where a request stands with respect to its worksheet. */
  enum CorrectionWindow {
    /** Staff asked for missing information; the process waits for the corrected worksheet. */
    AWAITING_CORRECTION,
    /** Not reviewed yet: a new version simply replaces what staff will review. */
    BEFORE_REVIEW,
    /**
     * Staff found the worksheet incomplete and the email saying what is missing has not gone out yet (its job is
     * pending or failing, e.g. SMTP down): no correction yet, the process does not wait for one (issue 7, item 5).
     */
    CORRECTION_BEING_REQUESTED,
    /** Past review (queued, onboarding, in production) or closed: the worksheet can no longer change here. */
    CLOSED;

    /** Whether a corrected worksheet is taken now. */
    public boolean open() {
      return this == AWAITING_CORRECTION || this == BEFORE_REVIEW;
    }
  }

  void startOnboarding(OnboardingRequest request);

  CorrectionWindow correctionWindow(String trackingId);

  /** Hands a corrected worksheet to the process (the message it waits for, or a refreshed review task). */
  void deliverCorrection(String trackingId, CorrectionWindow window);
}
