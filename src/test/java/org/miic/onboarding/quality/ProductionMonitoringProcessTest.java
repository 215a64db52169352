package org.miic.onboarding.quality;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.miic.onboarding.ProcessConstants.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.messaging.transport.CredentialService;
import org.miic.onboarding.messaging.transport.ExchangeCredential;
import org.miic.onboarding.messaging.validation.Hl7Fixtures;
import org.miic.onboarding.onboarding.RequestStatus;
import org.miic.onboarding.onboarding.RequestStatusService;
import org.miic.onboarding.organization.OrganizationRepository;
import org.miic.onboarding.support.ProcessTestSupport;
import org.miic.onboarding.support.Worksheets;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.miic.onboarding.worksheet.WorksheetForm;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Step 4 (issue 10): every month the exchange's scorecard is computed from its production messages. Within the
 * thresholds the organization gets its scorecard by email and staff get no task; below any threshold (score,
 * acceptance, volume drop, silence) staff review it and the organization is asked to address the findings.
 * Unanswered follow-ups escalate to a second notice, then to a staff decision to suspend the production credentials;
 * a suspended organization is told why and how to resume, and staff resume it. Timers run on ClockUtil.
 */
class ProductionMonitoringProcessTest extends ProcessTestSupport {

  private static final ZoneId MN = ZoneId.of("America/Chicago");
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");

  @Autowired MockMvc mvc;
  @Autowired AgreementService agreements;
  @Autowired OrganizationRepository organizations;
  @Autowired CredentialService credentials;
  @Autowired RequestStatusService statuses;
  @Autowired ScorecardService scorecards;
  @Autowired FormService forms;

  /** An organization that declared 120 immunizations a year (about 10 a month), live and monitored. */
  private OnboardingRequest inProduction(String name) {
    long org = organizations.findOrCreate(name, START).id();
    agreements.record(org, new AgreementService.Signature("Dr. Rep", "CEO", "rep@" + Worksheets.domain(name), LocalDate.of(2026, 1, 2)), "t");
    WorksheetForm form = Worksheets.complete(name);
    form.setImmunizationsPerYear(120);
    OnboardingRequest request = submit(form);
    runDueJobs();
    completeTask(request, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE));
    passTesting(request);
    completeTask(request, "Task_CoordinateGoLive", Map.of(VAR_GO_LIVE_DATE, today().plusDays(1).toString()));
    advance(Duration.ofDays(1));
    assertThat(instance(request)).hasPassed("Task_RecordGoLive").isWaitingAt("Timer_NextReview");
    return request;
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), MN);
  }

  private CredentialService.Revealed production(OnboardingRequest request) {
    String link = credentials.revealLink(request.id(), ExchangeCredential.Environment.PRODUCTION).orElseThrow();
    return credentials.reveal(link.substring(link.lastIndexOf('/') + 1));
  }

  /** A clean VXU of one dose given today (MSH-7 now): accepted, complete, timely. */
  private static String doseGivenToday() {
    String day = DAY.format(today());
    return Hl7Fixtures.cleanVxu().set("MSH", 7, TIME.format(Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()).atZone(MN)))
        .set("RXA", 1, 3, day).set("OBX", 1, 14, day).set("OBX", 4, 5, day).text();
  }

  private MvcResult send(CredentialService.Revealed login, String message) throws Exception {
    return mvc.perform(post("/api/hl7/messages").with(httpBasic(login.username(), login.password())).contentType(MediaType.TEXT_PLAIN)
        .content(message)).andReturn();
  }

  /** One clean dose a day for {@code days} days, then the clock stands at the last of them. */
  private void oneDoseADay(CredentialService.Revealed login, int days) throws Exception {
    for (int i = 0; i < days; i++) {
      advance(Duration.ofDays(1));
      MvcResult r = send(login, doseGivenToday());
      Assertions.assertThat(r.getResponse().getContentAsString()).as("a clean dose is accepted").contains("MSA|AA|");
    }
  }

  private String lastBodyTo(String address) {
    List<jakarta.mail.internet.MimeMessage> all = messagesTo(address);
    return body(all.get(all.size() - 1));
  }

  private Scorecard stored(ProcessInstance pi) {
    long id = ((Number) runtime.getVariable(pi.getId(), VAR_SCORECARD_ID)).longValue();
    return scorecards.find(id).orElseThrow();
  }

  @Test
  void withinTheThresholdsTheOrganizationGetsItsMonthlyScorecardAndStaffGetNoTask() throws Exception {
    OnboardingRequest request = inProduction("Alder Clinic");
    ProcessInstance pi = instance(request);
    CredentialService.Revealed login = production(request);
    oneDoseADay(login, 20);
    advance(Duration.ofDays(12)); // a month after go-live

    assertThat(pi).hasPassed("Task_ComputeScorecard", "Task_EmailScorecard").isWaitingAt("Timer_NextReview");
    Assertions.assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    Scorecard card = stored(pi);
    Assertions.assertThat(card.withinThresholds()).as(card.breaches().toString()).isTrue();
    Assertions.assertThat(card.inputs().messages()).isEqualTo(20);
    Assertions.assertThat(card.score()).isGreaterThanOrEqualTo(90);
    Assertions.assertThat(subjectsTo("tech@alderclinic.example")).last().asString()
        .startsWith("MIIC data quality: scorecard of Alder Clinic for ");
    Assertions.assertThat(lastBodyTo("tech@alderclinic.example"))
        .contains("a score of " + card.score() + " of 100 (band " + card.band() + ")")
        .contains("Acceptance: 100% accepted (AA 100%, AE 0%, AR 0% of 20 messages)")
        .contains("https://onboarding.test/report/").contains("?tab=production");
    Assertions.assertThat(statuses.status(request.trackingId()).state()).isEqualTo(RequestStatus.State.IN_PRODUCTION);

    // And again the month after: the monitoring loops.
    oneDoseADay(login, 20);
    advance(Duration.ofDays(10));
    assertThat(pi).isWaitingAt("Timer_NextReview");
    Assertions.assertThat(historyCount(pi, "Task_ComputeScorecard")).isEqualTo(2);
    Assertions.assertThat(historyCount(pi, "Task_EmailScorecard")).isEqualTo(2);
  }

  private long historyCount(ProcessInstance pi, String activityId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).activityId(activityId).count();
  }

  @Test
  void silenceGoesToStaffAndTheOrganizationAnswersOnItsPage() throws Exception {
    OnboardingRequest request = inProduction("Birch Family Clinic");
    ProcessInstance pi = instance(request);
    advance(Duration.ofDays(32)); // nothing sent at all

    assertThat(pi).hasPassed("Task_ComputeScorecard").isWaitingAt(TASK_REVIEW_DATA_QUALITY);
    Scorecard card = stored(pi);
    Assertions.assertThat(card.breaches()).extracting(Scorecard.Breach::kind).containsExactly(Scorecard.Breach.Kind.SILENCE);
    Map<String, Object> form = forms.getTaskFormVariables(task(request, TASK_REVIEW_DATA_QUALITY).getId()).entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue() == null ? "" : e.getValue()));
    Assertions.assertThat((String) form.get("scorecard")).contains("Below a threshold").contains("none has arrived yet.");
    Assertions.assertThat((String) form.get("scorecardTrend")).contains("/trend.svg)");
    Assertions.assertThat(subjectsTo("tech@birchfamilyclinic.example")).noneMatch(s -> s.contains("scorecard of"));

    completeTask(request, TASK_REVIEW_DATA_QUALITY, Map.of(VAR_DATA_QUALITY_OUTCOME, DATA_QUALITY_ISSUES,
        VAR_DATA_QUALITY_ISSUES, "Your system stopped sending: check the interface engine's queue."));
    assertThat(pi).hasPassed("Task_EmailDataQualityFollowUp").isWaitingAt(WAIT_FIRST_NOTICE_ANSWER);
    String followUp = lastBodyTo("tech@birchfamilyclinic.example");
    Assertions.assertThat(followUp).contains("check the interface engine's queue").contains("Score: 0 of 100, band F")
        .contains("https://onboarding.test/status/" + request.trackingId() + "/data-quality");
    Assertions.assertThat(statuses.status(request.trackingId()).state()).isEqualTo(RequestStatus.State.DATA_QUALITY_FOLLOW_UP);

    // The organization's page shows the scorecard and takes its answer; a bad answer is refused in words, stores nothing.
    String page = "/status/" + request.trackingId() + "/data-quality";
    Assertions.assertThat(mvc.perform(get(page)).andReturn().getResponse().getContentAsString())
        .contains("Tell MIIC what you changed").contains("none has arrived yet.");
    MvcResult empty = mvc.perform(post(page).with(csrf()).param("answeredBy", "Ann Lee").param("text", "  ")).andReturn();
    Assertions.assertThat(empty.getResponse().getStatus()).isEqualTo(400);
    Assertions.assertThat(empty.getResponse().getContentAsString()).contains("Say what your organization changed");
    Assertions.assertThat(jdbc.queryForObject("select count(*) from miic_quality_response", Integer.class)).isZero();
    MvcResult ok = mvc.perform(post(page).with(csrf()).param("answeredBy", "Ann Lee")
        .param("text", "The interface engine was stopped after an update; restarted, the queue of 40 messages is sent.")).andReturn();
    Assertions.assertThat(ok.getResponse().getStatus()).isEqualTo(302);
    assertThat(pi).isWaitingAt(TASK_FOLLOW_UP_DATA_QUALITY);
    String answer = (String) forms.getTaskFormVariables(task(request, TASK_FOLLOW_UP_DATA_QUALITY).getId()).get("organizationAnswer");
    Assertions.assertThat(answer).contains("Ann Lee").contains("queue of 40 messages is sent");
    // Nothing waits for a second answer now: 409, nothing stored.
    MvcResult late = mvc.perform(post(page).with(csrf()).param("answeredBy", "Ann Lee").param("text", "Again.")).andReturn();
    Assertions.assertThat(late.getResponse().getStatus()).isEqualTo(409);
    Assertions.assertThat(jdbc.queryForObject("select count(*) from miic_quality_response", Integer.class)).isOne();

    completeTask(request, TASK_FOLLOW_UP_DATA_QUALITY, Map.of(VAR_FOLLOW_UP_OUTCOME, FOLLOW_UP_RESOLVED));
    assertThat(pi).isWaitingAt("Timer_NextReview");
    Assertions.assertThat(statuses.status(request.trackingId()).state()).isEqualTo(RequestStatus.State.IN_PRODUCTION);
  }

  @Test
  void acceptanceBelowTheThresholdGoesToStaff() throws Exception {
    OnboardingRequest request = inProduction("Cedar Clinic");
    ProcessInstance pi = instance(request);
    CredentialService.Revealed login = production(request);
    oneDoseADay(login, 15);
    advance(Duration.ofDays(10));
    for (int i = 0; i < 5; i++) {
      // HL7 2.3.1: rejected (AR), stored.
      Assertions.assertThat(send(login, doseGivenToday().replace("|2.5.1|", "|2.3.1|")).getResponse().getContentAsString()).contains("MSA|AR|");
    }
    advance(Duration.ofDays(7));
    assertThat(pi).isWaitingAt(TASK_REVIEW_DATA_QUALITY);
    Scorecard card = stored(pi);
    Assertions.assertThat(card.breaches()).extracting(Scorecard.Breach::kind).containsExactly(Scorecard.Breach.Kind.ACCEPTANCE);
    Assertions.assertThat(card.breaches().get(0).text()).isEqualTo("75% of messages were accepted (AA or AE), below 90%; 5 of 20 were rejected (AR).");
  }

  @Test
  void aVolumeDropAgainstTheMonthBeforeGoesToStaff() throws Exception {
    OnboardingRequest request = inProduction("Dogwood Clinic");
    ProcessInstance pi = instance(request);
    CredentialService.Revealed login = production(request);
    oneDoseADay(login, 25);
    advance(Duration.ofDays(7));
    assertThat(pi).hasPassed("Task_EmailScorecard").isWaitingAt("Timer_NextReview");
    // The month after: 4 doses where there were 25.
    advance(Duration.ofDays(20));
    oneDoseADay(login, 4);
    advance(Duration.ofDays(7));
    assertThat(pi).isWaitingAt(TASK_REVIEW_DATA_QUALITY);
    Scorecard card = stored(pi);
    Assertions.assertThat(card.breaches()).extracting(Scorecard.Breach::kind).containsExactly(Scorecard.Breach.Kind.VOLUME_DROP);
    // The month before the review holds 24 or 25 of the doses, as the review's hour falls.
    Assertions.assertThat(card.breaches().get(0).text())
        .matches("4 administered doses were reported, 8\\d(\\.\\d)?% fewer than 2[45] in the period before \\(the limit is a drop of 50%\\)\\.");
  }

  @Test
  void unansweredFollowUpsEscalateToASecondNoticeThenStaffSuspendAndLaterResumeTheExchange() throws Exception {
    OnboardingRequest request = inProduction("Elm Street Clinic");
    ProcessInstance pi = instance(request);
    CredentialService.Revealed login = production(request);
    String tech = "tech@elmstreetclinic.example";
    advance(Duration.ofDays(32));
    completeTask(request, TASK_REVIEW_DATA_QUALITY, Map.of(VAR_DATA_QUALITY_OUTCOME, DATA_QUALITY_ISSUES,
        VAR_DATA_QUALITY_ISSUES, "No production message in a month."));
    assertThat(pi).isWaitingAt(WAIT_FIRST_NOTICE_ANSWER);

    advance(Duration.ofDays(30)); // no answer, still silent
    assertThat(pi).hasPassed("Task_RecheckAfterFirstNotice", "Task_EmailSecondNotice").isWaitingAt(WAIT_SECOND_NOTICE_ANSWER);
    Assertions.assertThat(subjectsTo(tech)).last().asString().startsWith("Second notice: MIIC data-quality issues");
    Assertions.assertThat(lastBodyTo(tech)).contains("No production message in a month.").contains("within 14 days");

    advance(Duration.ofDays(14)); // no answer again
    assertThat(pi).hasPassed("Task_RecheckAfterSecondNotice").isWaitingAt(TASK_FOLLOW_UP_DATA_QUALITY);
    Assertions.assertThat((String) forms.getTaskFormVariables(task(request, TASK_FOLLOW_UP_DATA_QUALITY).getId()).get("organizationAnswer"))
        .startsWith("No answer from the organization to this follow-up");

    completeTask(request, TASK_FOLLOW_UP_DATA_QUALITY, Map.of(VAR_FOLLOW_UP_OUTCOME, FOLLOW_UP_SUSPEND,
        VAR_FOLLOW_UP_NOTES, "Two notices unanswered; nothing received for 2 months."));
    assertThat(pi).hasPassed("Task_SuspendExchange", "Task_EmailExchangeSuspended").isWaitingAt(TASK_RESUME_EXCHANGE);
    Assertions.assertThat(subjectsTo(tech)).last().asString().isEqualTo("MIIC production exchange of Elm Street Clinic suspended");
    Assertions.assertThat(lastBodyTo(tech)).contains("MIIC staff suspended it for data quality on ")
        .contains(": Two notices unanswered; nothing received for 2 months.")
        .contains("Fix the issues, check the fixes with your TEST credentials, and tell MIIC on your data-quality page")
        .contains("https://onboarding.test/status/" + request.trackingId() + "/data-quality")
        .doesNotContain("/documents");
    // Production messages are refused with the reason; nothing is stored.
    int stored = jdbc.queryForObject("select count(*) from miic_test_message where request_id = ?", Integer.class, request.id());
    MvcResult refused = send(login, doseGivenToday());
    Assertions.assertThat(refused.getResponse().getStatus()).isEqualTo(403);
    Assertions.assertThat(refused.getResponse().getContentAsString()).contains("is suspended; nothing sent now is stored.")
        .contains("Two notices unanswered");
    // While suspended the organization can still tell MIIC what it fixed: stored for staff, the process not moved.
    MvcResult whileSuspended = mvc.perform(post("/status/" + request.trackingId() + "/data-quality").with(csrf())
        .param("answeredBy", "Raj Patel").param("text", "The interface engine is fixed; test messages are clean again.")).andReturn();
    Assertions.assertThat(whileSuspended.getResponse().getStatus()).isEqualTo(302);
    assertThat(pi).isWaitingAt(TASK_RESUME_EXCHANGE);
    Assertions.assertThat(jdbc.queryForObject("select count(*) from miic_test_message where request_id = ?", Integer.class, request.id()))
        .isEqualTo(stored);
    Assertions.assertThat(statuses.status(request.trackingId()).state()).isEqualTo(RequestStatus.State.SUSPENDED);
    Assertions.assertThat(jdbc.queryForObject("select stage from miic_request where id = ?", String.class, request.id())).isEqualTo("SUSPENDED");

    completeTask(request, TASK_RESUME_EXCHANGE, Map.of(VAR_RESUME_OUTCOME, RESUME_RESUMED));
    assertThat(pi).hasPassed("Task_LiftSuspension", "Task_EmailExchangeResumed").isWaitingAt("Timer_NextReview");
    Assertions.assertThat(subjectsTo(tech)).last().asString().isEqualTo("MIIC production exchange of Elm Street Clinic resumed");
    Assertions.assertThat(send(login, doseGivenToday()).getResponse().getContentAsString()).contains("MSA|AA|");
    Assertions.assertThat(statuses.status(request.trackingId()).state()).isEqualTo(RequestStatus.State.IN_PRODUCTION);

    // Staff see it all on the organization's page: the monthly reviews, the suspension and its lifting, the answer.
    MvcResult signedIn = mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/staff/login")
        .user("admin").password("admin-test")).andReturn();
    String staffPage = mvc.perform(get("/staff/requests/" + request.trackingId())
        .session((org.springframework.mock.web.MockHttpSession) signedIn.getRequest().getSession(false))).andReturn().getResponse().getContentAsString();
    Assertions.assertThat(staffPage).contains("Production and data quality").contains("Was suspended since")
        .contains("Two notices unanswered").contains("The interface engine is fixed").contains("Production resumed")
        .contains("/trend.svg");
    // And the organization on its report: the monthly reviews as a chart, the latest with its measures.
    String report = mvc.perform(get(scorecardsReport(request))).andReturn().getResponse().getContentAsString();
    Assertions.assertThat(report).contains("Latest monthly scorecard").contains("<svg").contains("data-quality page")
        .contains("arrives for <span>14</span> days");
  }

  @Autowired org.miic.onboarding.messaging.evidence.ReportLinks reports;

  private String scorecardsReport(OnboardingRequest request) {
    return reports.link(request.id()).replace("https://onboarding.test", "") + "?tab=production";
  }

  @Test
  void issuesFixedBeforeTheFirstNoticeRunsOutCloseTheFollowUpWithoutStaff() throws Exception {
    OnboardingRequest request = inProduction("Fir Clinic");
    ProcessInstance pi = instance(request);
    advance(Duration.ofDays(32));
    completeTask(request, TASK_REVIEW_DATA_QUALITY, Map.of(VAR_DATA_QUALITY_OUTCOME, DATA_QUALITY_ISSUES,
        VAR_DATA_QUALITY_ISSUES, "Nothing received."));
    oneDoseADay(production(request), 25); // fixed, without a word
    advance(Duration.ofDays(5));
    assertThat(pi).hasPassed("Task_RecheckAfterFirstNotice", "Task_EmailIssuesResolved").isWaitingAt("Timer_NextReview");
    Assertions.assertThat(subjectsTo("tech@firclinic.example")).last().asString().isEqualTo("MIIC data quality: the issues are resolved");
  }

  @Autowired org.miic.onboarding.exchange.ExchangeService exchanges;

  /** A follow-up whose exchange is suspended meanwhile for its lapsed agreement ends: silence is then expected. */
  @Test
  void aFollowUpEndsWhenTheExchangeIsSuspendedMeanwhileForItsAgreement() throws Exception {
    OnboardingRequest request = inProduction("Hickory Clinic");
    ProcessInstance pi = instance(request);
    advance(Duration.ofDays(32));
    completeTask(request, TASK_REVIEW_DATA_QUALITY, Map.of(VAR_DATA_QUALITY_OUTCOME, DATA_QUALITY_ISSUES,
        VAR_DATA_QUALITY_ISSUES, "Nothing received."));
    Assertions.assertThat(exchanges.suspendForLapsedAgreement(request.organizationId())).isOne();
    advance(Duration.ofDays(30));
    assertThat(pi).hasPassed("Task_RecheckAfterFirstNotice").hasNotPassed("Task_EmailSecondNotice").isWaitingAt("Timer_NextReview");
    Assertions.assertThat(subjectsTo("tech@hickoryclinic.example")).noneMatch(s -> s.startsWith("Second notice"));
  }

  @Test
  void staffEndTheExchangeAtAReviewAndItsCredentialsStopWorking() throws Exception {
    OnboardingRequest request = inProduction("Gum Tree Clinic");
    CredentialService.Revealed login = production(request);
    advance(Duration.ofDays(32));
    completeTask(request, TASK_REVIEW_DATA_QUALITY, Map.of(VAR_DATA_QUALITY_OUTCOME, DATA_QUALITY_END,
        VAR_DATA_QUALITY_ISSUES, "Organization closed"));
    Assertions.assertThat(historic(request).getEndActivityId()).isEqualTo("End_ExchangeEnded");
    Assertions.assertThat(jdbc.queryForObject("select exchange_end_reason from miic_request where id = ?", String.class, request.id()))
        .isEqualTo("Organization closed");
    Assertions.assertThat(send(login, doseGivenToday()).getResponse().getStatus()).isEqualTo(401);
  }
}
