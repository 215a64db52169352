package org.miic.onboarding.agreement;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.miic.onboarding.ProcessConstants.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.organization.OrganizationRepository;
import org.miic.onboarding.support.ProcessTestSupport;
import org.miic.onboarding.support.Worksheets;
import org.springframework.beans.factory.annotation.Autowired;

/** The agreement renewal process: reminders before expiry, lapse, and renewal restarting the three-year clock. */
class AgreementRenewalProcessTest extends ProcessTestSupport {

  private static final ZoneId MN = ZoneId.of("America/Chicago");

  @Autowired AgreementService agreements;
  @Autowired OrganizationRepository organizations;

  private long organizationWithWorksheet(String name) {
    // A worksheet makes the authorized representative known; the agreement itself names the signer's email.
    submit(Worksheets.complete(name));
    return organizations.findByName(name).orElseThrow().id();
  }

  private ProcessInstance renewal(long organizationId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_AGREEMENT_RENEWAL)
        .processInstanceBusinessKey(String.valueOf(organizationId)).singleResult();
  }

  private void advanceTo(LocalDate day) {
    Instant target = day.atStartOfDay(MN).toInstant().plus(Duration.ofHours(9));
    advance(Duration.between(ClockUtil.getCurrentTime().toInstant(), target));
  }

  @Test
  void remindsAt90And30DaysThenLapsesAndStaffRecordTheRenewal() throws Exception {
    long org = organizationWithWorksheet("Oak Family Medicine");
    agreements.record(org, new AgreementService.Signature("Dr. Oak", "CEO", "ceo@oak.example", LocalDate.of(2026, 3, 1)), "staff");
    ProcessInstance pi = renewal(org);
    assertThat(pi).isWaitingAt("Wait_AgreementInForce");
    Assertions.assertThat((Date) runtime.getVariable(pi.getId(), VAR_AGREEMENT_EXPIRES_AT))
        .isEqualTo(Date.from(LocalDate.of(2029, 3, 1).atStartOfDay(MN).toInstant()));

    advanceTo(LocalDate.of(2028, 12, 1)); // 90 days before 2029-03-01
    Assertions.assertThat(subjectsTo("ceo@oak.example")).containsExactly("MIIC User Agreement expires on 2029-03-01");
    Assertions.assertThat(body(messagesTo("ceo@oak.example").get(0))).contains("in 90 days");
    Assertions.assertThat(agreements.status(org).state()).isEqualTo(AgreementStatus.State.EXPIRING_SOON);

    advanceTo(LocalDate.of(2029, 1, 30));
    Assertions.assertThat(subjectsTo("ceo@oak.example")).hasSize(2);
    Assertions.assertThat(body(messagesTo("ceo@oak.example").get(1))).contains("in 30 days");

    advanceTo(LocalDate.of(2029, 3, 1));
    assertThat(pi).hasPassed("Task_FlagAgreementLapsed", "Task_EmailAgreementLapsed").isWaitingAt("Task_AgreementLapsed");
    Assertions.assertThat(agreements.status(org).state()).isEqualTo(AgreementStatus.State.LAPSED);
    Assertions.assertThat(subjectsTo("ceo@oak.example")).contains("MIIC User Agreement expired for Oak Family Medicine");
    Assertions.assertThat(jdbc.queryForObject("select count(*) from miic_user_agreement where lapsed_at is not null", Integer.class))
        .isEqualTo(1);

    completeTask(renewalTaskOwner(org), "Task_AgreementLapsed", Map.of(VAR_RENEWAL_DECISION, RENEWAL_RENEWED,
        VAR_SIGNER_NAME, "Dr. Oak", VAR_SIGNER_EMAIL, "ceo@oak.example", VAR_SIGNED_ON, "2029-03-01"));
    assertThat(pi).hasPassed("Task_RecordRenewedAgreement").isWaitingAt("Wait_AgreementInForce");
    Assertions.assertThat(agreements.status(org).state()).isEqualTo(AgreementStatus.State.CURRENT);
    Assertions.assertThat((Date) runtime.getVariable(pi.getId(), VAR_AGREEMENT_EXPIRES_AT))
        .isEqualTo(Date.from(LocalDate.of(2032, 3, 1).atStartOfDay(MN).toInstant()));
    Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_AGREEMENT_RENEWAL).count()).isEqualTo(1);
  }

  @Test
  void aRenewalRecordedBeforeExpiryRestartsTheThreeYearClock() {
    long org = organizationWithWorksheet("Pine Clinic");
    agreements.record(org, new AgreementService.Signature("Dr. Pine", null, null, LocalDate.of(2026, 3, 1)), "staff");
    ProcessInstance pi = renewal(org);
    advanceTo(LocalDate.of(2028, 12, 15));
    Assertions.assertThat(subjectsTo("rep@pineclinic.example")).hasSize(1); // first reminder, to the worksheet's representative

    agreements.record(org, new AgreementService.Signature("Dr. Pine", null, null, LocalDate.of(2028, 12, 15)), "staff");
    assertThat(pi).isWaitingAt("Wait_AgreementInForce");
    Assertions.assertThat((Date) runtime.getVariable(pi.getId(), VAR_AGREEMENT_EXPIRES_AT))
        .isEqualTo(Date.from(LocalDate.of(2031, 12, 15).atStartOfDay(MN).toInstant()));
    advanceTo(LocalDate.of(2029, 3, 2));
    // The old expiry passes without a lapse or a second reminder.
    assertThat(pi).isWaitingAt("Wait_AgreementInForce");
    Assertions.assertThat(subjectsTo("rep@pineclinic.example")).hasSize(1);
  }

  @Test
  void anAgreementRecordedLateInItsTermGetsOneReminderNotTwo() {
    long org = organizationWithWorksheet("Quince Clinic");
    // Signed almost three years ago: 20 days left, both reminder dates passed.
    agreements.record(org, new AgreementService.Signature("Dr. Q", null, null, LocalDate.of(2023, 3, 23)), "staff");
    runDueJobs();
    Assertions.assertThat(subjectsTo("rep@quinceclinic.example")).hasSize(1);
  }

  @Test
  void afterALapseStaffMayWaitAndTheRenewalArrivesThroughTheApi() {
    long org = organizationWithWorksheet("Rowan Clinic");
    agreements.record(org, new AgreementService.Signature("Dr. Rowan", null, null, LocalDate.of(2026, 3, 1)), "staff");
    ProcessInstance pi = renewal(org);
    advanceTo(LocalDate.of(2029, 3, 1));
    completeTask(renewalTaskOwner(org), "Task_AgreementLapsed", Map.of(VAR_RENEWAL_DECISION, "notYet"));
    assertThat(pi).isWaitingAt("Timer_AskAgain");
    // Staff are asked again a month later while nothing arrives.
    advance(Duration.ofDays(30));
    assertThat(pi).isWaitingAt("Task_AgreementLapsed");
    completeTask(renewalTaskOwner(org), "Task_AgreementLapsed", Map.of(VAR_RENEWAL_DECISION, "notYet"));

    agreements.record(org, new AgreementService.Signature("Dr. Rowan", null, null, LocalDate.of(2029, 3, 1)), "staff");
    assertThat(pi).isWaitingAt("Wait_AgreementInForce");
    Assertions.assertThat(agreements.status(org).state()).isEqualTo(AgreementStatus.State.CURRENT);
  }

  @Test
  void invalidAgreementsAreRefusedWithTheReason() {
    long org = organizationWithWorksheet("Sumac Clinic");
    Assertions.assertThatThrownBy(() -> agreements.record(org, new AgreementService.Signature("X", null, null, LocalDate.of(2022, 1, 1)), "s"))
        .isInstanceOf(AgreementService.InvalidAgreementException.class).hasMessageContaining("expired on 2025-01-01");
    Assertions.assertThatThrownBy(() -> agreements.record(org, new AgreementService.Signature("X", null, "not-an-email", LocalDate.of(2026, 1, 1)), "s"))
        .hasMessageContaining("valid email");
    Assertions.assertThat(agreements.history(org)).isEmpty();
    Assertions.assertThat(renewal(org)).isNull();
  }

  @Autowired org.miic.onboarding.messaging.transport.CredentialService credentials;

  /** An organization exchanging production data (its request in production, with PRODUCTION credentials revealed). */
  private org.miic.onboarding.messaging.transport.CredentialService.Revealed inProduction(long organizationId) {
    long requestId = jdbc.queryForObject("select id from miic_request where organization_id = ?", Long.class, organizationId);
    jdbc.update("update miic_request set stage = 'PRODUCTION' where id = ?", requestId);
    return credentials.reveal(credentials.issue(requestId,
        org.miic.onboarding.messaging.transport.ExchangeCredential.Environment.PRODUCTION).revealToken());
  }

  private boolean accepted(org.miic.onboarding.messaging.transport.CredentialService.Revealed login) {
    return credentials.authenticate(login.username(), login.password(), null).isPresent();
  }

  /**
   * Issue 10, item 5: when the agreement lapses, production goes on for the grace period (60 days); the organization
   * is warned 14 days before it ends; then the production credentials are refused, with the reason, until a renewal
   * is recorded, which resumes the exchange.
   */
  @Test
  void aLapsedAgreementLeavesProductionRunningForTheGracePeriodWarnsThenSuspendsUntilTheRenewal() {
    long org = organizationWithWorksheet("Tamarack Health");
    agreements.record(org, new AgreementService.Signature("Dr. Tam", "CEO", "ceo@tamarack.example", LocalDate.of(2026, 3, 1)), "staff");
    runDueJobs();
    var login = inProduction(org);
    ProcessInstance pi = renewal(org);

    advanceTo(LocalDate.of(2029, 3, 1));
    assertThat(pi).isWaitingAt("Task_AgreementLapsed");
    Assertions.assertThat(body(messagesTo("ceo@tamarack.example").get(messagesTo("ceo@tamarack.example").size() - 1)))
        .contains("grace period until April 30, 2029");
    Assertions.assertThat(accepted(login)).as("production goes on in the grace period").isTrue();

    advanceTo(LocalDate.of(2029, 4, 16));
    Assertions.assertThat(subjectsTo("ceo@tamarack.example"))
        .contains("MIIC production exchange of Tamarack Health will be suspended on April 30, 2029");
    Assertions.assertThat(subjectsTo("primary@tamarackhealth.example"))
        .contains("MIIC production exchange of Tamarack Health will be suspended on April 30, 2029");
    Assertions.assertThat(accepted(login)).isTrue();

    advanceTo(LocalDate.of(2029, 4, 30));
    assertThat(pi).hasPassed("Task_SuspendForAgreement", "Task_EmailExchangeSuspended").isWaitingAt("Task_AgreementLapsed");
    Assertions.assertThat(subjectsTo("tech@tamarackhealth.example")).contains("MIIC production exchange of Tamarack Health suspended");
    Assertions.assertThat(body(messagesTo("tech@tamarackhealth.example").get(messagesTo("tech@tamarackhealth.example").size() - 1)))
        .contains("The MIIC User Agreement expired and its grace period ended on Apr 30, 2029.")
        .contains("resumes as soon as MIIC records a renewed agreement").contains("/documents");
    Assertions.assertThatThrownBy(() -> accepted(login))
        .isInstanceOf(org.miic.onboarding.messaging.transport.ExchangeSuspendedException.class)
        .hasMessageContaining("MIIC User Agreement expired");

    completeTask(renewalTaskOwner(org), "Task_AgreementLapsed", Map.of(VAR_RENEWAL_DECISION, RENEWAL_RENEWED,
        VAR_SIGNER_NAME, "Dr. Tam", VAR_SIGNER_EMAIL, "ceo@tamarack.example", VAR_SIGNED_ON, "2029-04-30"));
    runDueJobs();
    assertThat(pi).hasPassed("Task_LiftAgreementSuspension", "Task_EmailExchangeResumed").isWaitingAt("Wait_AgreementInForce");
    Assertions.assertThat(subjectsTo("tech@tamarackhealth.example")).contains("MIIC production exchange of Tamarack Health resumed");
    Assertions.assertThat(accepted(login)).isTrue();
  }

  @Test
  void anOrganizationNotInProductionGetsNoGraceWarningAndNothingIsSuspended() {
    long org = organizationWithWorksheet("Upland Clinic");
    agreements.record(org, new AgreementService.Signature("Dr. Up", null, "up@upland.example", LocalDate.of(2026, 3, 1)), "staff");
    ProcessInstance pi = renewal(org);
    advanceTo(LocalDate.of(2029, 5, 1));
    assertThat(pi).hasPassed("End_NothingToWarn", "End_NothingSuspended").isWaitingAt("Task_AgreementLapsed");
    Assertions.assertThat(subjectsTo("up@upland.example")).noneMatch(s -> s.contains("suspended"));
    Assertions.assertThat(body(messagesTo("up@upland.example").get(messagesTo("up@upland.example").size() - 1)))
        .doesNotContain("grace period");
  }

  /** The renewal task belongs to the renewal process; completeTask looks tasks up by business key. */
  private org.miic.onboarding.worksheet.OnboardingRequest renewalTaskOwner(long org) {
    return new org.miic.onboarding.worksheet.OnboardingRequest(0, String.valueOf(org), org, "", START);
  }
}
