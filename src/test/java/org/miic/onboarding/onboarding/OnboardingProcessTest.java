package org.miic.onboarding.onboarding;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.Assertions;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.miic.onboarding.ProcessConstants.*;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.common.ConflictException;
import org.miic.onboarding.organization.OrganizationRepository;
import org.miic.onboarding.queue.QueueEntry;
import org.miic.onboarding.queue.QueueService;
import org.miic.onboarding.support.ProcessTestSupport;
import org.miic.onboarding.support.Worksheets;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.miic.onboarding.worksheet.WorksheetForm;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of the onboarding process, from worksheet to the end of the exchange. */
class OnboardingProcessTest extends ProcessTestSupport {

  @Autowired AgreementService agreements;
  @Autowired OrganizationRepository organizations;
  @Autowired QueueService queue;
  @Autowired RequestStatusService statuses;
  @Autowired org.camunda.bpm.engine.FormService forms;

  private static final ZoneId MN = ZoneId.of("America/Chicago");

  /** The organization has a current agreement before it submits. */
  private void agreementOnFile(String organizationName) {
    long orgId = organizations.findOrCreate(organizationName, START).id();
    agreements.record(orgId, new AgreementService.Signature("Dr. Kim", "Medical Director", "rep@" + Worksheets.domain(organizationName),
        LocalDate.of(2025, 6, 1)), "test");
  }

  private OnboardingRequest submitWithAgreement(WorksheetForm form) {
    agreementOnFile(form.getOrganizationName());
    OnboardingRequest request = submit(form);
    runDueJobs();
    return request;
  }

  private void reviewComplete(OnboardingRequest request) {
    completeTask(request, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE));
  }


  private void goLiveInAWeek(OnboardingRequest request) {
    String goLive = LocalDate.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(), MN).plusDays(7).toString();
    completeTask(request, "Task_CoordinateGoLive", Map.of(VAR_GO_LIVE_DATE, goLive));
    assertThat(instance(request)).isWaitingAt("Timer_GoLiveDate");
    advance(Duration.ofDays(7));
  }

  @Test
  void completeWorksheetGoesFromReviewThroughQueueAndOnboardingToProduction() throws Exception {
    OnboardingRequest request = submitWithAgreement(Worksheets.complete("Lakeside Pediatrics"));
    ProcessInstance pi = instance(request);
    assertThat(pi).isStarted().hasBusinessKey(request.trackingId());
    assertThat(pi).hasPassed("Task_EmailReceipt", "Task_CheckCompleteness", "Task_CheckUserAgreement", "End_Step1_AgreementOnFile");
    assertThat(pi).isWaitingAt(TASK_REVIEW_WORKSHEET);
    Assertions.assertThat(statuses.status(request.trackingId()).state()).isEqualTo(RequestStatus.State.UNDER_REVIEW);

    reviewComplete(request);
    // The queue was empty and a slot free: invited at once.
    assertThat(pi).hasPassed("Task_CalculatePriority", "Task_EmailQueuePosition", "Task_EnterQueue", WAIT_ONBOARDING_SLOT,
        "Task_EmailInvitation");
    assertThat(pi).isWaitingAt("Task_SetUpTransport");
    Assertions.assertThat(statuses.status(request.trackingId()).state()).isEqualTo(RequestStatus.State.ONBOARDING);
    Assertions.assertThat(queue.entry(request.id()).status()).isEqualTo(QueueEntry.Status.INVITED);

    passTesting(request);
    goLiveInAWeek(request);
    assertThat(pi).hasPassed("Task_EmailGoLive", "Task_RecordGoLive", "End_Step3_Live");
    assertThat(pi).isWaitingAt("Timer_NextReview");
    Assertions.assertThat(queue.entry(request.id()).status()).isEqualTo(QueueEntry.Status.COMPLETED);
    Assertions.assertThat(statuses.status(request.trackingId()).state()).isEqualTo(RequestStatus.State.IN_PRODUCTION);

    Assertions.assertThat(subjectsTo("primary@lakesidepediatrics.example")).containsExactly(
        "MIIC data exchange: worksheet received for Lakeside Pediatrics",
        "MIIC data exchange: Lakeside Pediatrics is in the onboarding queue",
        "Invitation: start onboarding to MIIC data exchange",
        "MIIC data exchange: production go-live on March 10, 2026");
    Assertions.assertThat(body(messagesTo("primary@lakesidepediatrics.example").get(1)))
        .contains("at position 1").contains("https://onboarding.test/status/" + request.trackingId());
  }

  @Test
  void incompleteWorksheetIsEmailedCorrectedAndReviewedAgain() throws Exception {
    OnboardingRequest request = submitWithAgreement(Worksheets.incomplete("Birch Clinic"));
    ProcessInstance pi = instance(request);
    assertThat(pi).variables().containsEntry(VAR_COMPLETENESS_FINDING_COUNT, 2);

    completeTask(request, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_INCOMPLETE,
        VAR_REVIEW_NOTES, "Please list your facilities with their ids."));
    assertThat(pi).isWaitingAt(WAIT_CORRECTED_WORKSHEET);
    String mail = body(messagesTo("tech@birchclinic.example").get(0));
    Assertions.assertThat(mail)
        .contains("Please list your facilities with their ids.")
        .contains("The EHR version is missing")
        .contains("https://onboarding.test/worksheet/" + request.trackingId() + "/edit");
    Assertions.assertThat(statuses.status(request.trackingId()).state())
        .isEqualTo(RequestStatus.State.WAITING_FOR_CORRECTION);

    worksheets.correct(request.trackingId(), Worksheets.complete("Birch Clinic"));
    runDueJobs();
    assertThat(pi).hasPassed("Task_RecheckCompleteness");
    assertThat(pi).isWaitingAt(TASK_REVIEW_WORKSHEET);
    assertThat(pi).variables().containsEntry(VAR_COMPLETENESS_FINDING_COUNT, 0);
    Assertions.assertThat(worksheets.allVersions(request.id())).hasSize(2);

    reviewComplete(request);
    assertThat(pi).isWaitingAt("Task_SetUpTransport");
  }

  @Test
  void incompleteDecisionWithNothingToSayIsRefused() {
    OnboardingRequest request = submitWithAgreement(Worksheets.complete("Aspen Family Medicine"));
    String taskId = task(request, TASK_REVIEW_WORKSHEET).getId();
    assertThatThrownBy(() -> tasks.complete(taskId, Map.of(VAR_WORKSHEET_DECISION, DECISION_INCOMPLETE)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("describe in the notes");
    assertThat(instance(request)).isWaitingAt(TASK_REVIEW_WORKSHEET);
  }

  @Test
  void unansweredRequestIsRemindedAfter14DaysAndWithdrawnAfter60() throws Exception {
    OnboardingRequest request = submitWithAgreement(Worksheets.incomplete("Cedar Health"));
    ProcessInstance pi = instance(request);
    completeTask(request, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_INCOMPLETE));

    advance(Duration.ofDays(14));
    assertThat(pi).hasPassed("Task_EmailMissingInfoReminder");
    assertThat(pi).isWaitingAt(WAIT_CORRECTED_WORKSHEET);
    Assertions.assertThat(subjectsTo("primary@cedarhealth.example"))
        .contains("Reminder: MIIC is waiting for your corrected worksheet");

    advance(Duration.ofDays(46));
    assertThat(pi).isEnded();
    Assertions.assertThat(historic(request).getEndActivityId()).isEqualTo(END_WITHDRAWN);
    Assertions.assertThat(body(messagesTo("primary@cedarhealth.example").get(3)))
        .contains("has been withdrawn");
    Assertions.assertThat(statuses.status(request.trackingId()).state()).isEqualTo(RequestStatus.State.WITHDRAWN);
    // A late correction is refused and stores nothing.
    assertThatThrownBy(() -> worksheets.correct(request.trackingId(), Worksheets.complete("Cedar Health")))
        .isInstanceOf(ConflictException.class);
    Assertions.assertThat(worksheets.allVersions(request.id())).hasSize(1);
  }

  @Test
  void missingAgreementIsRequestedRemindedAndReleasedWhenRecordedThroughTheApi() throws Exception {
    OnboardingRequest request = submit(Worksheets.complete("Dogwood Pharmacy"));
    runDueJobs();
    ProcessInstance pi = instance(request);
    assertThat(pi).isWaitingAt(TASK_RECORD_AGREEMENT);
    Assertions.assertThat(subjectsTo("rep@dogwoodpharmacy.example"))
        .containsExactly("MIIC User Agreement needed for Dogwood Pharmacy");
    Assertions.assertThat(statuses.status(request.trackingId()).state())
        .isEqualTo(RequestStatus.State.WAITING_FOR_AGREEMENT);

    advance(Duration.ofDays(14));
    Assertions.assertThat(subjectsTo("rep@dogwoodpharmacy.example"))
        .contains("Reminder: MIIC User Agreement needed for Dogwood Pharmacy");
    assertThat(pi).isWaitingAt(TASK_RECORD_AGREEMENT);

    agreements.record(request.organizationId(), new AgreementService.Signature("Dr. Kim", null, null, LocalDate.of(2026, 3, 10)), "staff");
    runDueJobs();
    assertThat(pi).hasPassed("End_Step1_RecordedViaApi");
    assertThat(pi).isWaitingAt(TASK_REVIEW_WORKSHEET);
    // What Cockpit shows agrees with the tables (issue 7, item 4: it said false after the agreement was recorded).
    assertThat(pi).variables().containsEntry(VAR_AGREEMENT_CURRENT, true);
  }

  @Test
  void missingAgreementIsRecordedByStaffInTheTaskForm() {
    OnboardingRequest request = submit(Worksheets.complete("Elm Street Clinic"));
    runDueJobs();
    String taskId = task(request, TASK_RECORD_AGREEMENT).getId();
    // A signing date in the future is refused with a clear message; the task stays open.
    assertThatThrownBy(() -> tasks.complete(taskId, Map.of(VAR_SIGNER_NAME, "Dr. Kim", VAR_SIGNED_ON, "2027-01-01")))
        .hasMessageContaining("in the future");
    assertThat(instance(request)).isWaitingAt(TASK_RECORD_AGREEMENT);

    completeTask(request, TASK_RECORD_AGREEMENT, Map.of(VAR_SIGNER_NAME, "Dr. Kim", VAR_SIGNER_EMAIL, "kim@elm.example",
        VAR_SIGNED_ON, "2026-03-02"));
    assertThat(instance(request)).hasPassed("Task_RecordAgreement");
    assertThat(instance(request)).isWaitingAt(TASK_REVIEW_WORKSHEET);
    assertThat(instance(request)).variables().containsEntry(VAR_AGREEMENT_CURRENT, true);
    Assertions.assertThat(agreements.current(request.organizationId())).get()
        .satisfies(a -> Assertions.assertThat(a.expiresOn()).isEqualTo(LocalDate.of(2029, 3, 2)));
    // The agreement starts the organization's renewal process.
    Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_AGREEMENT_RENEWAL)
        .processInstanceBusinessKey(String.valueOf(request.organizationId())).count()).isEqualTo(1);
  }

  @Test
  void everyTestingStepLoopsThroughCorrectionsUntilItPasses() throws Exception {
    OnboardingRequest request = submitWithAgreement(Worksheets.complete("Fir Medical"));
    reviewComplete(request);
    ProcessInstance pi = instance(request);
    String tech = "tech@firmedical.example";

    completeTask(request, "Task_SetUpTransport", Map.of(VAR_TRANSPORT_OUTCOME, OUTCOME_CORRECTIONS,
        VAR_CORRECTION_NOTES, "The SOAP endpoint certificate is expired."));
    assertThat(pi).hasPassed("Task_EmailTransportCorrections").isWaitingAt("Task_SetUpTransport");
    Assertions.assertThat(subjectsTo(tech)).contains("MIIC onboarding: corrections needed (transport set-up and testing)");
    Assertions.assertThat(body(messagesTo(tech).get(messagesTo(tech).size() - 1)))
        .contains("The SOAP endpoint certificate is expired.");
    completeTask(request, "Task_SetUpTransport", Map.of(VAR_TRANSPORT_OUTCOME, OUTCOME_PASSED));

    completeTask(request, "Task_MessageFormatTesting", Map.of(VAR_FORMAT_OUTCOME, OUTCOME_CORRECTIONS, VAR_CORRECTION_NOTES, "MSH-12 must be 2.5.1"));
    assertThat(pi).isWaitingAt("Task_MessageFormatTesting");
    // The returning task's form does not offer the notes already emailed (issue 7, item 4: they were prefilled).
    Assertions.assertThat(forms.getTaskFormVariables(task(request, "Task_MessageFormatTesting").getId()))
        .doesNotContainKey(VAR_CORRECTION_NOTES);
    completeTask(request, "Task_MessageFormatTesting", Map.of(VAR_FORMAT_OUTCOME, OUTCOME_CORRECTIONS, VAR_CORRECTION_NOTES, "RXA-5 uses NDC"));
    completeTask(request, "Task_MessageFormatTesting", Map.of(VAR_FORMAT_OUTCOME, OUTCOME_PASSED));

    completeTask(request, "Task_MessageContentValidation", Map.of(VAR_CONTENT_OUTCOME, OUTCOME_CORRECTIONS, VAR_CORRECTION_NOTES, "Lot numbers missing"));
    assertThat(pi).isWaitingAt("Task_MessageContentValidation");
    completeTask(request, "Task_MessageContentValidation", passing(VAR_CONTENT_OUTCOME, OUTCOME_PASSED));
    completeTask(request, "Task_ApproveMessageContent", Map.of(VAR_CONTENT_APPROVAL, OUTCOME_CORRECTIONS, VAR_CORRECTION_NOTES, "VFC eligibility absent"));
    assertThat(pi).isWaitingAt("Task_MessageContentValidation");
    completeTask(request, "Task_MessageContentValidation", passing(VAR_CONTENT_OUTCOME, OUTCOME_PASSED));
    completeTask(request, "Task_ApproveMessageContent", passing(VAR_CONTENT_APPROVAL, APPROVAL_APPROVED));
    assertThat(pi).isWaitingAt("Task_CoordinateGoLive");

    // One email per loop: 1 transport + 2 format + 2 content, all to the technical contact.
    Assertions.assertThat(subjectsTo(tech).stream().filter(s -> s.startsWith("MIIC onboarding: corrections needed")))
        .hasSize(5);
  }

  @Test
  void goLiveDateInThePastIsRefused() {
    OnboardingRequest request = submitWithAgreement(Worksheets.complete("Grove Clinic"));
    reviewComplete(request);
    passTesting(request);
    String taskId = task(request, "Task_CoordinateGoLive").getId();
    assertThatThrownBy(() -> tasks.complete(taskId, Map.of(VAR_GO_LIVE_DATE, "2026-03-01")))
        .hasMessageContaining("in the past");
    assertThatThrownBy(() -> tasks.complete(taskId, Map.of(VAR_GO_LIVE_DATE, "next week")))
        .hasMessageContaining("is not a date");
    assertThat(instance(request)).isWaitingAt("Task_CoordinateGoLive");
  }

  // Step 4's monitoring (scorecards, thresholds, follow-ups, suspension) is tested in quality.ProductionMonitoringProcessTest.

  @Test
  void staffEndTheExchangeAtADataQualityReviewOrThroughTheApi() {
    OnboardingRequest first = submitWithAgreement(Worksheets.complete("Ironwood Clinic"));
    reviewComplete(first);
    passTesting(first);
    goLiveInAWeek(first);
    advance(Duration.ofDays(32));
    completeTask(first, "Task_ReviewDataQuality", Map.of(VAR_DATA_QUALITY_OUTCOME, DATA_QUALITY_END,
        VAR_DATA_QUALITY_ISSUES, "Organization closed"));
    assertThat(instance(first)).isNull();
    Assertions.assertThat(historic(first).getEndActivityId()).isEqualTo("End_ExchangeEnded");
    Assertions.assertThat(jdbc.queryForObject("select exchange_end_reason from miic_request where id = ?",
        String.class, first.id())).isEqualTo("Organization closed");

    OnboardingRequest second = submitWithAgreement(Worksheets.complete("Juniper Clinic"));
    reviewComplete(second);
    passTesting(second);
    goLiveInAWeek(second);
    runtime.createMessageCorrelation(MSG_EXCHANGE_ENDED).processInstanceBusinessKey(second.trackingId())
        .setVariable(VAR_EXCHANGE_END_REASON, "Switched EHR vendor").correlate();
    Assertions.assertThat(historic(second).getEndActivityId()).isEqualTo("End_ExchangeEnded");
    Assertions.assertThat(statuses.status(second.trackingId()).state()).isEqualTo(RequestStatus.State.EXCHANGE_ENDED);
  }

  @Test
  void lapsedAgreementFlagsTheRunningOnboarding() {
    OnboardingRequest request = submitWithAgreement(Worksheets.complete("Kale Clinic"));
    reviewComplete(request);
    ProcessInstance pi = instance(request);
    assertThat(pi).variables().containsEntry(VAR_AGREEMENT_LAPSED, false);
    // The agreement was signed 2025-06-01 and expires 2028-06-01.
    advance(Duration.between(START, LocalDate.of(2028, 6, 1).atStartOfDay(MN).toInstant()).plusHours(1));
    assertThat(pi).variables().containsEntry(VAR_AGREEMENT_LAPSED, true);
    Assertions.assertThat(statuses.status(request.trackingId()).agreementLapsed()).isTrue();
  }

  @Test
  void passingContentWithoutAnyTestMessageNeedsAReasonKeptInTheHistory() {
    OnboardingRequest request = submitWithAgreement(Worksheets.complete("Holly Clinic"));
    reviewComplete(request);
    completeTask(request, "Task_SetUpTransport", Map.of(VAR_TRANSPORT_OUTCOME, OUTCOME_PASSED));
    completeTask(request, "Task_MessageFormatTesting", Map.of(VAR_FORMAT_OUTCOME, OUTCOME_PASSED));
    String content = task(request, "Task_MessageContentValidation").getId();
    assertThatThrownBy(() -> tasks.complete(content, Map.of(VAR_CONTENT_OUTCOME, OUTCOME_PASSED)))
        .hasMessageContaining("No test message was received during message content validation");
    assertThat(instance(request)).isWaitingAt("Task_MessageContentValidation");
    // Corrections need no reason: nothing is passed.
    completeTask(request, "Task_MessageContentValidation", Map.of(VAR_CONTENT_OUTCOME, OUTCOME_CORRECTIONS, VAR_CORRECTION_NOTES, "Send some"));
    completeTask(request, "Task_MessageContentValidation", Map.of(VAR_CONTENT_OUTCOME, OUTCOME_PASSED,
        VAR_NO_MESSAGES_REASON, "Validated on MIIC's own test system"));
    String approval = task(request, "Task_ApproveMessageContent").getId();
    assertThatThrownBy(() -> tasks.complete(approval, Map.of(VAR_CONTENT_APPROVAL, APPROVAL_APPROVED, VAR_NO_MESSAGES_REASON, " ")))
        .hasMessageContaining("say why");
    completeTask(request, "Task_ApproveMessageContent", passing(VAR_CONTENT_APPROVAL, APPROVAL_APPROVED));
    assertThat(instance(request)).isWaitingAt("Task_CoordinateGoLive");
    Assertions.assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance(request).getId())
        .variableName(VAR_NO_MESSAGES_REASON).singleResult().getValue()).isEqualTo("Tested on the NIST tool");
    // Each pass keeps its own reason, with who and when, in the staff decisions (the process variable keeps the last).
    Assertions.assertThat(jdbc.queryForList("select notes from miic_staff_decision where request_id = ? and outcome in ('passed', 'approved') "
            + "and task_key like '%Content%' order by decided_at, id", String.class, request.id()))
        .containsExactly("Passed without test messages: Validated on MIIC's own test system", "Passed without test messages: Tested on the NIST tool");
  }

  /**
   * An agreement recorded through the API while the agreement-request email still waits in its job (after the check,
   * before the wait for the agreement) is found when the email task ends: the request goes on to review instead of
   * waiting for an agreement already on file (found walking the application on a running server).
   */
  @Test
  void anAgreementRecordedWhileTheRequestEmailIsPendingReleasesTheRequest() {
    OnboardingRequest request = submit(Worksheets.complete("Juneberry Clinic"));
    // Run jobs one at a time until the process is past the check and before the wait: the request email's job is next.
    String pi0 = instance(request).getId();
    for (int i = 0; i < 10; i++) {
      if (management.createJobQuery().processInstanceId(pi0).activityId("Task_EmailAgreementRequest").count() > 0) {
        break;
      }
      org.camunda.bpm.engine.runtime.Job next = management.createJobQuery().processInstanceId(pi0).list().get(0);
      management.executeJob(next.getId());
    }
    Assertions.assertThat(management.createJobQuery().processInstanceId(pi0).activityId("Task_EmailAgreementRequest").count()).isOne();
    agreements.record(request.organizationId(), new AgreementService.Signature("Dr. June", null, null, LocalDate.of(2026, 3, 1)), "staff");
    runDueJobs();
    ProcessInstance pi = instance(request);
    assertThat(pi).hasPassed("End_Step1_AgreementRecordedMeanwhile").isWaitingAt(TASK_REVIEW_WORKSHEET);
    assertThat(pi).hasNotPassed(TASK_RECORD_AGREEMENT);
  }
}
