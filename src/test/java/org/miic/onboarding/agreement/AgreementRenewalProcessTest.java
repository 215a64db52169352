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
    assertThat(pi).isWaitingAt("Wait_RenewedAgreement");

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

  /** The renewal task belongs to the renewal process; completeTask looks tasks up by business key. */
  private org.miic.onboarding.worksheet.OnboardingRequest renewalTaskOwner(long org) {
    return new org.miic.onboarding.worksheet.OnboardingRequest(0, String.valueOf(org), org, "", START);
  }
}
