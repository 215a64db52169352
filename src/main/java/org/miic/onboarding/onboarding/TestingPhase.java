package org.miic.onboarding.onboarding;

/** The testing tasks of step 3, each of which is decided on evidence from test messages. */
public enum TestingPhase {
  QUEUE("Pre-testing while in the queue"),
  TRANSPORT("Transport set-up and testing"),
  FORMAT("Message format testing"),
  CONTENT("Message content validation (QA)"),
  QUERY("Query testing (QBP/RSP)"),
  PRODUCTION("Production data quality"),
  /** Sent with TEST credentials after go-live: kept, shown in the report, never counted as production data quality. */
  TEST_AFTER_GO_LIVE("Test messages after go-live");

  private final String label;

  TestingPhase(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
