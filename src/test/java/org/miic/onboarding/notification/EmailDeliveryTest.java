package org.miic.onboarding.notification;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.miic.onboarding.ProcessConstants.*;

import java.time.LocalDate;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.organization.OrganizationRepository;
import org.miic.onboarding.support.ProcessTestSupport;
import org.miic.onboarding.support.Worksheets;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Emails are sent by retried jobs: an SMTP outage becomes an incident, and a recovered send goes out exactly once. */
class EmailDeliveryTest extends ProcessTestSupport {

  @Autowired EmailService emails;
  @Autowired AgreementService agreements;
  @Autowired OrganizationRepository organizations;
  @Autowired PlatformTransactionManager transactions;
  @Autowired EmailComposer composer;
  @Autowired org.miic.onboarding.quality.ScorecardService scorecards;

  @Test
  void anSmtpOutageRaisesAnIncidentAndTheRecoveredEmailGoesOutExactlyOnce() throws Exception {
    greenMail.stop();
    OnboardingRequest request = submit(Worksheets.complete("Tamarack Clinic"));
    Job job = management.createJobQuery().processInstanceId(instance(request).getId()).singleResult();
    for (int attempt = 0; attempt < 3; attempt++) {
      String id = job.getId();
      Assertions.assertThatThrownBy(() -> management.executeJob(id)).hasMessageContaining("Couldn't connect");
    }
    job = management.createJobQuery().jobId(job.getId()).singleResult();
    Assertions.assertThat(job.getRetries()).isZero();
    Incident incident = runtime.createIncidentQuery().processInstanceId(instance(request).getId()).singleResult();
    Assertions.assertThat(incident.getActivityId()).isEqualTo("Task_EmailReceipt");
    Assertions.assertThat(incident.getIncidentMessage()).contains("Couldn't connect");
    OutboxEmail failed = emails.forOrganization(request.organizationId()).get(0);
    Assertions.assertThat(failed.status()).isEqualTo(OutboxEmail.Status.FAILED);
    Assertions.assertThat(failed.attempts()).isEqualTo(3);

    greenMail.start();
    management.setJobRetries(job.getId(), 1); // what an admin does in Cockpit ("Retry")
    management.executeJob(job.getId());
    runDueJobs();
    Assertions.assertThat(subjectsTo("primary@tamarackclinic.example"))
        .containsExactly("MIIC data exchange: worksheet received for Tamarack Clinic");
    Assertions.assertThat(emails.forOrganization(request.organizationId()))
        .filteredOn(e -> e.template().equals("WORKSHEET_RECEIVED"))
        .singleElement().satisfies(e -> {
          Assertions.assertThat(e.status()).isEqualTo(OutboxEmail.Status.SENT);
          Assertions.assertThat(e.attempts()).isEqualTo(4);
        });
    // The process went on: receipt sent, and (no agreement on file) the agreement request after it.
    assertThat(instance(request)).hasPassed("Task_EmailReceipt").isWaitingAt(TASK_RECORD_AGREEMENT);
  }

  @Test
  void aSendWhoseJobRollsBackIsNotRepeatedByTheRetry() {
    OnboardingRequest request = submit(Worksheets.complete("Umber Clinic"));
    EmailRequest email = new EmailRequest(EmailTemplate.WORKSHEET_RECEIVED, request.organizationId(), request.id(), Map.of());
    TransactionTemplate job = new TransactionTemplate(transactions);
    // First run: the email goes out, then the job's transaction fails (a crash, a lost lock).
    job.executeWithoutResult(tx -> {
      emails.send(email, "execution-1", "Task_EmailReceipt");
      tx.setRollbackOnly();
    });
    // The retry finds the email sent and does not send it again; its commit consumes the claim.
    job.executeWithoutResult(tx -> emails.send(email, "execution-1", "Task_EmailReceipt"));
    Assertions.assertThat(greenMail.getReceivedMessages()).hasSize(1);
    // The next visit of the same activity (a loop) is a new email.
    job.executeWithoutResult(tx -> emails.send(email, "execution-1", "Task_EmailReceipt"));
    Assertions.assertThat(greenMail.getReceivedMessages()).hasSize(2);
  }

  @Test
  void everyEmailIsRecordedInTheOutboxForStaff() {
    long org = organizations.findOrCreate("Vine Clinic", START).id();
    agreements.record(org, new AgreementService.Signature("Rep", null, null, LocalDate.of(2026, 1, 1)), "t");
    OnboardingRequest request = submit(Worksheets.incomplete("Vine Clinic"));
    runDueJobs();
    completeTask(request, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_INCOMPLETE));
    Assertions.assertThat(emails.forOrganization(org)).extracting(OutboxEmail::template)
        .containsExactly("WORKSHEET_RECEIVED", "MISSING_INFORMATION");
    Assertions.assertThat(emails.forOrganization(org).get(1).recipients()).isEqualTo("primary@vineclinic.example, tech@vineclinic.example");
  }

  /**
   * Issue 8, item 2: every email carries the links the status page offers in the state it is sent in: the status page
   * always, and what the organization can do then (correct the worksheet, upload documents, read the report). A new
   * template fails this test until its links are listed here.
   */
  @Test
  void everyEmailCarriesTheLinksTheStatusPageOffersInItsState() {
    long org = organizations.findOrCreate("Willow Clinic", START).id();
    long agreementId = agreements.record(org, new AgreementService.Signature("Dr. Willow", "CEO", "ceo@willow.example",
        LocalDate.of(2026, 1, 1)), "t").id();
    OnboardingRequest request = submit(Worksheets.complete("Willow Clinic"));
    runDueJobs();
    completeTask(request, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE));
    String base = "https://onboarding.test";
    String status = base + "/status/" + request.trackingId();
    String correct = base + "/worksheet/" + request.trackingId() + "/edit";
    String documents = status + "/documents";
    String report = base + "/report/";
    Map<EmailTemplate, java.util.List<String>> links = new java.util.EnumMap<>(EmailTemplate.class);
    links.put(EmailTemplate.WORKSHEET_RECEIVED, java.util.List.of(status, correct, documents));
    links.put(EmailTemplate.MISSING_INFORMATION, java.util.List.of(status, correct, documents));
    links.put(EmailTemplate.MISSING_INFORMATION_REMINDER, java.util.List.of(status, correct));
    links.put(EmailTemplate.WORKSHEET_WITHDRAWN, java.util.List.of(status, base + "/worksheet"));
    links.put(EmailTemplate.AGREEMENT_REQUEST, java.util.List.of(status, documents));
    links.put(EmailTemplate.AGREEMENT_REMINDER, java.util.List.of(status, documents));
    links.put(EmailTemplate.QUEUED, java.util.List.of(status, report, base + "/validate"));
    links.put(EmailTemplate.INVITATION, java.util.List.of(status, report));
    links.put(EmailTemplate.CORRECTIONS_NEEDED, java.util.List.of(status, report));
    links.put(EmailTemplate.GO_LIVE, java.util.List.of(status, report));
    String dataQuality = status + "/data-quality";
    links.put(EmailTemplate.DATA_QUALITY_FOLLOW_UP, java.util.List.of(status, report, dataQuality));
    links.put(EmailTemplate.DATA_QUALITY_SECOND_NOTICE, java.util.List.of(status, report, dataQuality));
    links.put(EmailTemplate.DATA_QUALITY_RESOLVED, java.util.List.of(status, report));
    links.put(EmailTemplate.SCORECARD, java.util.List.of(status, report));
    links.put(EmailTemplate.EXCHANGE_SUSPENDED, java.util.List.of(status));
    links.put(EmailTemplate.EXCHANGE_RESUMED, java.util.List.of(status));
    links.put(EmailTemplate.CHANGE_LIVE, java.util.List.of(status, report));
    links.put(EmailTemplate.AGREEMENT_GRACE_WARNING, java.util.List.of(status, documents));
    links.put(EmailTemplate.AGREEMENT_EXPIRY_REMINDER, java.util.List.of(status, documents));
    links.put(EmailTemplate.AGREEMENT_LAPSED, java.util.List.of(status, documents));
    Assertions.assertThat(links.keySet()).as("every template has its links listed here").containsExactlyInAnyOrder(EmailTemplate.values());
    long scorecardId = scorecards.review(request.id()).id();
    Map<String, Object> facts = Map.of("agreementId", agreementId, "correctionPhase", "message format testing",
        "goLiveDate", "2026-05-01", "dataQualityIssues", "Send RXA-15 lot numbers.", "scorecardId", scorecardId);
    for (var e : links.entrySet()) {
      boolean organizationWide = e.getKey() == EmailTemplate.AGREEMENT_EXPIRY_REMINDER || e.getKey() == EmailTemplate.AGREEMENT_LAPSED
          || e.getKey() == EmailTemplate.AGREEMENT_GRACE_WARNING;
      ComposedEmail email = composer.compose(new EmailRequest(e.getKey(), org, organizationWide ? null : request.id(), facts));
      for (String link : e.getValue()) {
        Assertions.assertThat(email.body()).as(e.getKey() + " links to " + link).contains(link);
      }
    }
  }
}
