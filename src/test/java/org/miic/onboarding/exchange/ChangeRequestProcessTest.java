package org.miic.onboarding.exchange;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.miic.onboarding.ProcessConstants.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
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
import org.miic.onboarding.worksheet.WorksheetOptions.RequestType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 10, item 4: a change or enhancement, or a query / bi-directional request, of an organization already in
 * production belongs to its current exchange. The agreement on file is reused, the production exchange keeps running
 * (its monitoring goes on), staff choose in Review worksheet which testing phases the change needs and only those run;
 * at go-live the change is recorded on the existing exchange instead of a second production exchange. A query request
 * needs its Z34 and Z44 queries answered (Z32 and Z42) before it goes live.
 */
class ChangeRequestProcessTest extends ProcessTestSupport {

  private static final ZoneId MN = ZoneId.of("America/Chicago");

  @Autowired AgreementService agreements;
  @Autowired OrganizationRepository organizations;
  @Autowired CredentialService credentials;
  @Autowired RequestStatusService statuses;
  @Autowired ExchangeService exchanges;
  @Autowired MockMvc mvc;
  @Autowired org.camunda.bpm.engine.FormService forms;
  @Autowired org.miic.onboarding.messaging.evidence.EvidenceRefresh refresh;

  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), MN);
  }

  private OnboardingRequest inProduction(String name) {
    long org = organizations.findOrCreate(name, START).id();
    agreements.record(org, new AgreementService.Signature("Dr. Rep", "CEO", "rep@" + Worksheets.domain(name), LocalDate.of(2026, 1, 2)), "t");
    OnboardingRequest request = submit(Worksheets.complete(name));
    runDueJobs();
    completeTask(request, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE));
    passTesting(request);
    goLive(request);
    assertThat(instance(request)).isWaitingAt("Timer_NextReview");
    return request;
  }

  private void goLive(OnboardingRequest request) {
    completeTask(request, "Task_CoordinateGoLive", Map.of(VAR_GO_LIVE_DATE, today().plusDays(1).toString()));
    advance(Duration.ofDays(1));
  }

  private OnboardingRequest submitChange(String name, RequestType type) {
    WorksheetForm form = Worksheets.complete(name);
    form.setRequestType(type);
    OnboardingRequest change = submit(form);
    runDueJobs();
    return change;
  }

  private long activeProductionCredentials(long organizationId) {
    return jdbc.queryForObject("select count(*) from miic_exchange_credential where organization_id = ? and environment = 'PRODUCTION' "
        + "and revoked_at is null", Long.class, organizationId);
  }

  @Test
  void aChangeRunsOnlyTheChosenPhasesAndGoesLiveOnTheCurrentExchange() throws Exception {
    OnboardingRequest exchange = inProduction("Hawthorn Clinic");
    ProcessInstance production = instance(exchange);
    OnboardingRequest change = submitChange("Hawthorn Clinic", RequestType.CHANGE_ENHANCEMENT);
    ProcessInstance pi = instance(change);

    // The agreement on file is reused: straight to review, no agreement request.
    assertThat(pi).hasPassed("End_Step1_AgreementOnFile").isWaitingAt(TASK_REVIEW_WORKSHEET);
    Assertions.assertThat(subjectsTo("rep@hawthornclinic.example")).noneMatch(s -> s.startsWith("MIIC User Agreement needed"));
    Assertions.assertThat(exchanges.changeOf(change.id())).contains(exchange.id());
    Assertions.assertThat((String) forms.getTaskFormVariables(task(change, TASK_REVIEW_WORKSHEET).getId()).get("changeOfExchange"))
        .contains("changes the production exchange of Hawthorn Clinic").contains(exchange.trackingId());

    // A change without any testing phase is refused in words; staff choose format testing only.
    String reviewId = task(change, TASK_REVIEW_WORKSHEET).getId();
    Map<String, Object> none = new HashMap<>(Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE, VAR_TEST_TRANSPORT, false,
        VAR_TEST_FORMAT, false, VAR_TEST_CONTENT, false, VAR_TEST_QUERY, false));
    Assertions.assertThatThrownBy(() -> tasks.complete(reviewId, none)).hasMessageContaining("Choose at least one testing phase");
    completeTask(change, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE, VAR_TEST_TRANSPORT, false,
        VAR_TEST_FORMAT, true, VAR_TEST_CONTENT, false, VAR_TEST_QUERY, false));

    assertThat(pi).hasPassed("Task_EmailInvitation").isWaitingAt("Task_MessageFormatTesting").hasNotPassed("Task_SetUpTransport");
    completeTask(change, "Task_MessageFormatTesting", Map.of(VAR_FORMAT_OUTCOME, OUTCOME_PASSED));
    assertThat(pi).isWaitingAt("Task_CoordinateGoLive");
    // Meanwhile production goes on, monitored: the exchange's instance is untouched.
    assertThat(production).isWaitingAt("Timer_NextReview");

    goLive(change);
    assertThat(pi).isEnded().hasPassed("Task_RecordChange", "Task_EmailChangeLive", "End_Step3_ChangeLive", "End_ChangeLive")
        .hasNotPassed("Task_MessageContentValidation", "Task_QueryTesting", "Task_IssueProductionCredentials", PHASE_ONGOING_EXCHANGE);
    Assertions.assertThat(exchanges.changes(exchange.id())).singleElement().satisfies(c -> {
      Assertions.assertThat(c.changeRequestId()).isEqualTo(change.id());
      Assertions.assertThat(c.phases()).isEqualTo("FORMAT");
      Assertions.assertThat(c.requestType()).isEqualTo("CHANGE_ENHANCEMENT");
    });
    Assertions.assertThat(activeProductionCredentials(exchange.organizationId())).as("no second production exchange").isOne();
    Assertions.assertThat(exchanges.productionExchanges(exchange.organizationId())).containsExactly(exchange.id());
    assertThat(production).isWaitingAt("Timer_NextReview");
    Assertions.assertThat(statuses.status(change.trackingId()).state()).isEqualTo(RequestStatus.State.CHANGE_LIVE);
    Assertions.assertThat(jdbc.queryForObject("select stage from miic_request where id = ?", String.class, change.id())).isEqualTo("CHANGE_LIVE");
    Assertions.assertThat(subjectsTo("primary@hawthornclinic.example")).last().asString().startsWith("MIIC data exchange: your change is live on ");
    Assertions.assertThat(body(messagesTo("primary@hawthornclinic.example").get(messagesTo("primary@hawthornclinic.example").size() - 1)))
        .contains("recorded on your current production exchange (tracking id " + exchange.trackingId() + ")");
  }

  private String now() {
    return DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ").format(ClockUtil.getCurrentTime().toInstant().atZone(MN));
  }

  private String query(String profile, String name) {
    return String.join("\r",
        "MSH|^~\\&|MYEHR|MYCLINIC|MIIC|MIIC|" + now() + "||QBP^Q11^QBP_Q11|Q-" + profile + "|P|2.5.1|||ER|AL|||||" + profile + "^CDCPHINVS",
        "QPD|" + profile + "^" + name + "^CDCPHINVS|QT-" + profile + "|PAT123^^^MYCLINIC^MR|Lakewood^Maya^Rose^^^^L|Rivers^Olivia^^^^^M|20240115|F",
        "RCP|I|5^RD&Records&HL70126");
  }

  private String send(CredentialService.Revealed login, String message) throws Exception {
    return mvc.perform(post("/api/hl7/messages").with(httpBasic(login.username(), login.password())).contentType(MediaType.TEXT_PLAIN)
        .content(message)).andReturn().getResponse().getContentAsString();
  }

  @Test
  void aQueryRequestGoesLiveOnlyOnceItsZ34AndZ44QueriesAreAnswered() throws Exception {
    OnboardingRequest exchange = inProduction("Ivy Lane Clinic");
    OnboardingRequest change = submitChange("Ivy Lane Clinic", RequestType.QUERY_BIDIRECTIONAL);
    ProcessInstance pi = instance(change);
    assertThat(pi).variables().containsEntry(VAR_TEST_QUERY, true).containsEntry(VAR_TEST_TRANSPORT, false);

    String reviewId = task(change, TASK_REVIEW_WORKSHEET).getId();
    Assertions.assertThatThrownBy(() -> tasks.complete(reviewId, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE, VAR_TEST_QUERY, false)))
        .hasMessageContaining("needs query testing");
    completeTask(change, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE));
    completeTask(change, "Task_MessageFormatTesting", Map.of(VAR_FORMAT_OUTCOME, OUTCOME_PASSED));
    assertThat(pi).isWaitingAt(TASK_QUERY_TESTING);

    String queryTask = task(change, TASK_QUERY_TESTING).getId();
    Assertions.assertThatThrownBy(() -> tasks.complete(queryTask, Map.of(VAR_QUERY_OUTCOME, OUTCOME_PASSED)))
        .hasMessageContaining("Query testing cannot pass yet")
        .hasMessageContaining("Z34 query answered with a history (Z32)").hasMessageContaining("Z44 query answered with an evaluated history (Z42)");

    // The organization's test patient first, then its two queries, with the TEST credentials of the request.
    String link = credentials.revealLink(change.id(), ExchangeCredential.Environment.TEST).orElseThrow();
    CredentialService.Revealed login = credentials.reveal(link.substring(link.lastIndexOf('/') + 1));
    String day = DateTimeFormatter.BASIC_ISO_DATE.format(today());
    Assertions.assertThat(send(login, Hl7Fixtures.cleanVxu().set("MSH", 7, now()).set("RXA", 1, 3, day).set("OBX", 1, 14, day)
        .set("OBX", 4, 5, day).text())).contains("MSA|AA|");
    Assertions.assertThat(send(login, query("Z34", "Request Immunization History"))).contains("|Z32^CDCPHINVS").contains("QAK|QT-Z34|OK|");
    Assertions.assertThat(send(login, query("Z44", "Request Evaluated History and Forecast"))).contains("|Z42^CDCPHINVS")
        .contains("30956-7^Vaccine type^LN").contains("QAK|QT-Z44|OK|");
    Assertions.assertThat(jdbc.queryForList("select phase from miic_test_message where request_id = ? order by id", String.class, change.id()))
        .containsOnly("QUERY");
    refresh.flush();
    Assertions.assertThat((String) forms.getTaskFormVariables(queryTask).get("testEvidence"))
        .contains("Z34 query answered with a history (Z32) ✔").contains("Z44 query answered with an evaluated history (Z42) ✔");

    completeTask(change, TASK_QUERY_TESTING, Map.of(VAR_QUERY_OUTCOME, OUTCOME_PASSED));
    goLive(change);
    assertThat(pi).isEnded().hasPassed("Task_RecordChange", "End_ChangeLive");
    Assertions.assertThat(exchanges.changes(exchange.id())).singleElement()
        .satisfies(c -> Assertions.assertThat(c.phases()).isEqualTo("FORMAT,QUERY"));
  }

  @Test
  void aNewQueryExchangeRunsEveryPhaseAndQueryTestingBeforeItsOwnGoLive() {
    long org = organizations.findOrCreate("Juniper Ridge Clinic", START).id();
    agreements.record(org, new AgreementService.Signature("Dr. Rep", "CEO", "rep@juniperridgeclinic.example", LocalDate.of(2026, 1, 2)), "t");
    OnboardingRequest request = submitChange("Juniper Ridge Clinic", RequestType.QUERY_BIDIRECTIONAL);
    ProcessInstance pi = instance(request);
    Assertions.assertThat(exchanges.changeOf(request.id())).as("not in production: a new exchange").isEmpty();
    assertThat(pi).variables().containsEntry(VAR_TEST_TRANSPORT, true).containsEntry(VAR_TEST_FORMAT, true)
        .containsEntry(VAR_TEST_CONTENT, true).containsEntry(VAR_TEST_QUERY, true);
    // Staff cannot skip a phase of a new exchange: the unchecked boxes do not count.
    completeTask(request, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE, VAR_TEST_TRANSPORT, false));
    assertThat(pi).isWaitingAt("Task_SetUpTransport");
    passTesting(request);
    assertThat(pi).isWaitingAt(TASK_QUERY_TESTING);
    completeTask(request, TASK_QUERY_TESTING, Map.of(VAR_QUERY_OUTCOME, OUTCOME_CORRECTIONS, VAR_CORRECTION_NOTES, "Send QPD-3 with MR."));
    assertThat(pi).hasPassed("Task_EmailQueryCorrections").isWaitingAt(TASK_QUERY_TESTING);
    Assertions.assertThat(subjectsTo("tech@juniperridgeclinic.example")).last().asString()
        .isEqualTo("MIIC onboarding: corrections needed (query testing)");
  }
}
