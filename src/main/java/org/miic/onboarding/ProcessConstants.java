package org.miic.onboarding;

/**
 * Every process, message, variable and outcome name the BPMN and the Java code share, in one place. The BPMN files in
 * {@code bpmn/} use the same strings; a test checks that the messages named here exist in the deployed models.
 */
public final class ProcessConstants {

  private ProcessConstants() {}

  // Processes
  public static final String PROCESS_ONBOARDING = "DataExchangeOnboarding";
  public static final String PROCESS_AGREEMENT_RENEWAL = "UserAgreementRenewal";

  // Messages
  public static final String MSG_WORKSHEET_CORRECTED = "Msg_WorksheetCorrected";
  public static final String MSG_AGREEMENT_RECORDED = "Msg_AgreementRecorded";
  public static final String MSG_ONBOARDING_SLOT_OFFERED = "Msg_OnboardingSlotOffered";
  public static final String MSG_EXCHANGE_ENDED = "Msg_ExchangeEnded";
  public static final String MSG_AGREEMENT_RENEWED = "Msg_AgreementRenewed";
  /** The organization answered a data-quality follow-up (step 4). */
  public static final String MSG_DATA_QUALITY_RESPONSE = "Msg_DataQualityResponse";

  // Variables kept on the process instance (small: ids, flags, dates, outcomes)
  public static final String VAR_TRACKING_ID = "trackingId";
  public static final String VAR_REQUEST_ID = "requestId";
  public static final String VAR_ORGANIZATION_ID = "organizationId";
  public static final String VAR_ORGANIZATION_NAME = "organizationName";
  public static final String VAR_COMPLETENESS_FINDING_COUNT = "completenessFindingCount";
  public static final String VAR_AGREEMENT_CURRENT = "agreementCurrent";
  public static final String VAR_AGREEMENT_ID = "agreementId";
  public static final String VAR_AGREEMENT_LAPSED = "agreementLapsed";
  public static final String VAR_WORKSHEET_DECISION = "worksheetDecision";
  public static final String VAR_REVIEW_NOTES = "reviewNotes";
  public static final String VAR_TRANSPORT_OUTCOME = "transportOutcome";
  public static final String VAR_FORMAT_OUTCOME = "formatOutcome";
  public static final String VAR_CONTENT_OUTCOME = "contentOutcome";
  public static final String VAR_CONTENT_APPROVAL = "contentApproval";
  /** Why staff pass content validation or approval although no test message arrived in that phase (kept in history). */
  public static final String VAR_NO_MESSAGES_REASON = "noMessagesReason";
  public static final String VAR_CORRECTION_NOTES = "correctionNotes";
  public static final String VAR_GO_LIVE_DATE = "goLiveDate";
  public static final String VAR_GO_LIVE_AT = "goLiveAt";
  public static final String VAR_DATA_QUALITY_OUTCOME = "dataQualityOutcome";
  public static final String VAR_DATA_QUALITY_ISSUES = "dataQualityIssues";
  public static final String VAR_FOLLOW_UP_OUTCOME = "followUpOutcome";
  /** What staff write in Follow up on data quality (kept apart so the first notice's text is never prefilled). */
  public static final String VAR_FOLLOW_UP_NOTES = "followUpNotes";
  public static final String VAR_EXCHANGE_END_REASON = "exchangeEndReason";
  public static final String VAR_SIGNER_NAME = "signerName";
  public static final String VAR_SIGNER_TITLE = "signerTitle";
  public static final String VAR_SIGNER_EMAIL = "signerEmail";
  public static final String VAR_SIGNED_ON = "signedOn";
  public static final String VAR_RENEWAL_DECISION = "renewalDecision";
  public static final String VAR_AGREEMENT_EXPIRES_AT = "agreementExpiresAt";
  public static final String VAR_FIRST_REMINDER_AT = "firstReminderAt";
  public static final String VAR_SECOND_REMINDER_AT = "secondReminderAt";
  /** When a lapsed agreement's grace period for production ends, and when the organization is warned before. */
  public static final String VAR_GRACE_ENDS_AT = "graceEndsAt";
  public static final String VAR_GRACE_WARNING_AT = "graceWarningAt";
  /** Whether lifting the agreement suspension resumed a production exchange (the resumption email goes out then). */
  public static final String VAR_EXCHANGE_RESUMED = "exchangeResumed";

  // Step 4: data-quality monitoring
  /** The stored scorecard the latest review computed (miic_scorecard.id). */
  public static final String VAR_SCORECARD_ID = "scorecardId";
  public static final String VAR_QUALITY_WITHIN_THRESHOLDS = "qualityWithinThresholds";
  /** Whether the production exchange is suspended (no review while it is: nothing arrives). */
  public static final String VAR_EXCHANGE_SUSPENDED = "exchangeSuspended";
  /** Staff's decision on a suspended exchange: resume it or end it. */
  public static final String VAR_RESUME_OUTCOME = "resumeOutcome";

  // Change, enhancement and query requests of an organization in production
  /** The request id of the production exchange a change request changes; absent for a new exchange. */
  public static final String VAR_CHANGE_OF_REQUEST_ID = "changeOfRequestId";
  /** The testing phases staff chose in Review worksheet (all of transport, format and content for a new exchange). */
  public static final String VAR_TEST_TRANSPORT = "testTransport";
  public static final String VAR_TEST_FORMAT = "testFormat";
  public static final String VAR_TEST_CONTENT = "testContent";
  public static final String VAR_TEST_QUERY = "testQuery";
  public static final String VAR_QUERY_OUTCOME = "queryOutcome";

  // Facts an email quotes that are not process variables
  public static final String LOCAL_CORRECTION_PHASE = "correctionPhase";

  // Outcomes captured by the task forms
  public static final String DECISION_COMPLETE = "complete";
  public static final String DECISION_INCOMPLETE = "incomplete";
  public static final String OUTCOME_PASSED = "passed";
  public static final String OUTCOME_CORRECTIONS = "corrections";
  public static final String APPROVAL_APPROVED = "approved";
  public static final String DATA_QUALITY_FINE = "fine";
  public static final String DATA_QUALITY_ISSUES = "issues";
  public static final String DATA_QUALITY_END = "end";
  public static final String FOLLOW_UP_RESOLVED = "resolved";
  public static final String FOLLOW_UP_ISSUES = "issues";
  public static final String FOLLOW_UP_SUSPEND = "suspend";
  public static final String FOLLOW_UP_END = "end";
  public static final String RESUME_RESUMED = "resume";
  public static final String RESUME_END = "end";
  public static final String RENEWAL_RENEWED = "renewed";

  // Activity ids that Java code refers to (status page, tests, API checks)
  public static final String TASK_REVIEW_WORKSHEET = "Task_ReviewWorksheet";
  public static final String TASK_RECORD_AGREEMENT = "Task_RecordUserAgreement";
  public static final String WAIT_CORRECTED_WORKSHEET = "Wait_CorrectedWorksheet";
  /** The email that tells an organization what its worksheet lacks; corrections open once it has gone out. */
  public static final String TASK_EMAIL_MISSING_INFORMATION = "Task_EmailMissingInformation";
  public static final String WAIT_ONBOARDING_SLOT = "Wait_OnboardingSlot";
  public static final String PHASE_WORKSHEET = "Phase_Worksheet";
  public static final String PHASE_QUEUE = "Phase_ReviewAndQueue";
  public static final String PHASE_ONBOARDING = "Phase_Onboarding";
  public static final String PHASE_ONGOING_EXCHANGE = "Phase_OngoingExchange";
  public static final String TASK_REVIEW_DATA_QUALITY = "Task_ReviewDataQuality";
  public static final String TASK_FOLLOW_UP_DATA_QUALITY = "Task_FollowUpDataQuality";
  public static final String TASK_RESUME_EXCHANGE = "Task_ResumeExchange";
  public static final String TASK_QUERY_TESTING = "Task_QueryTesting";
  /** The two waits for the organization's answer to a data-quality follow-up (after the first and the second notice). */
  public static final String WAIT_FIRST_NOTICE_ANSWER = "Gateway_AwaitFirstNoticeAnswer";
  public static final String WAIT_SECOND_NOTICE_ANSWER = "Gateway_AwaitSecondNoticeAnswer";
  public static final String END_WITHDRAWN = "End_RequestWithdrawn";

  // Candidate groups
  public static final String GROUP_STAFF = "miic-onboarding-staff";
  public static final String GROUP_ADMIN = "miic-admin";
}
