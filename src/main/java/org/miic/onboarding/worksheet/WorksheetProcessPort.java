package org.miic.onboarding.worksheet;

/** What the worksheet feature needs from the onboarding process; implemented by the process glue. */
public interface WorksheetProcessPort {

  /** Where a request stands with respect to its worksheet. */
  enum CorrectionWindow {
    /** Staff asked for missing information; the process waits for the corrected worksheet. */
    AWAITING_CORRECTION,
    /** Not reviewed yet: a new version simply replaces what staff will review. */
    BEFORE_REVIEW,
    /** Past review (queued, onboarding, in production) or closed: the worksheet can no longer change here. */
    CLOSED
  }

  void startOnboarding(OnboardingRequest request);

  CorrectionWindow correctionWindow(String trackingId);

  /** Hands a corrected worksheet to the process (the message it waits for, or a refreshed review task). */
  void deliverCorrection(String trackingId, CorrectionWindow window);
}
