package org.miic.onboarding.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.miic.onboarding.worksheet.WorksheetForm;
import org.miic.onboarding.worksheet.WorksheetService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the process and storage tests: the real application on the test database, the engine's job executor off so
 * each test runs jobs itself, time driven through ClockUtil, and emails caught by GreenMail. Tagged "database": .ci/run
 * runs these again on PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestConfig.class)
@Tag("database")
public abstract class ProcessTestSupport {

  /**
   * A testing decision, with the reason content validation and approval need when no test message arrived (most
   * process tests send none).
   */
  protected static java.util.Map<String, Object> passing(String variable, String value) {
    return java.util.Map.of(variable, value, org.miic.onboarding.ProcessConstants.VAR_NO_MESSAGES_REASON, "Tested on the NIST tool");
  }

  /** A Tuesday morning in Minnesota; every test starts here. */
  protected static final Instant START = Instant.parse("2026-03-03T15:00:00Z");

  /**
   * GreenMail on 3025, or on {@code -Dmiic.test.smtp-port=...} when another checkout's tests hold 3025 on the same
   * machine (application-test.yml reads the same property).
   */
  @RegisterExtension
  protected static final GreenMailExtension greenMail = new GreenMailExtension(
      ServerSetupTest.SMTP.port(Integer.getInteger("miic.test.smtp-port", ServerSetupTest.SMTP.getPort())));

  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtime;
  @Autowired protected TaskService tasks;
  @Autowired protected ManagementService management;
  @Autowired protected HistoryService history;
  @Autowired protected WorksheetService worksheets;
  @Autowired private org.miic.onboarding.agreement.AgreementService agreementsOnFile;
  @Autowired private org.miic.onboarding.organization.OrganizationRepository organizationsOnFile;
  @Autowired protected JdbcTemplate jdbc;

  @BeforeEach
  void resetWorld() {
    init(engine);
    ClockUtil.setCurrentTime(Date.from(START));
    List<String> running = runtime.createProcessInstanceQuery().list().stream().map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstances(running, "test reset", true, true);
    }
    List<String> finished = history.createHistoricProcessInstanceQuery().list().stream().map(HistoricProcessInstance::getId).toList();
    if (!finished.isEmpty()) {
      history.deleteHistoricProcessInstances(finished);
    }
    for (String table : List.of("miic_quality_response", "miic_scorecard", "miic_exchange_suspension", "miic_exchange_change", "miic_stage_history", "miic_staff_decision", "miic_document", "miic_test_finding", "miic_test_message", "miic_exchange_credential", "miic_email_outbox", "miic_queue_adjustment", "miic_priority_factor", "miic_queue_entry",
        "miic_user_agreement", "miic_worksheet_review", "miic_completeness_finding", "miic_submitting_for", "miic_worksheet",
        "miic_request", "miic_organization")) {
      jdbc.update("delete from " + table);
    }
    jdbc.update("update miic_request set change_of_request_id = null");
    jdbc.update("update miic_queue_control set paused = false, reason = null, changed_by = null, changed_at = null, capacity = null, "
        + "capacity_changed_by = null, capacity_changed_at = null where id = 1");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  protected OnboardingRequest submit(WorksheetForm form) {
    return worksheets.submit(form);
  }

  /**
   * A complete worksheet of an organization with a current agreement, reviewed complete: in the queue, and invited at
   * once when a slot is free.
   */
  protected OnboardingRequest invited(String name) {
    long org = organizationsOnFile.findOrCreate(name, START).id();
    agreementsOnFile.record(org, new org.miic.onboarding.agreement.AgreementService.Signature("Rep", null, null,
        java.time.LocalDate.of(2026, 1, 2)), "t");
    OnboardingRequest request = submit(Worksheets.complete(name));
    runDueJobs();
    completeTask(request, ProcessConstants.TASK_REVIEW_WORKSHEET, Map.of(ProcessConstants.VAR_WORKSHEET_DECISION,
        ProcessConstants.DECISION_COMPLETE));
    return request;
  }

  /** Staff pass transport, format and content testing and approve the content (no test message: with the reason). */
  protected void passTesting(OnboardingRequest request) {
    completeTask(request, "Task_SetUpTransport", Map.of(ProcessConstants.VAR_TRANSPORT_OUTCOME, ProcessConstants.OUTCOME_PASSED));
    completeTask(request, "Task_MessageFormatTesting", Map.of(ProcessConstants.VAR_FORMAT_OUTCOME, ProcessConstants.OUTCOME_PASSED));
    completeTask(request, "Task_MessageContentValidation", passing(ProcessConstants.VAR_CONTENT_OUTCOME, ProcessConstants.OUTCOME_PASSED));
    completeTask(request, "Task_ApproveMessageContent", passing(ProcessConstants.VAR_CONTENT_APPROVAL, ProcessConstants.APPROVAL_APPROVED));
  }

  protected ProcessInstance instance(OnboardingRequest request) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(request.trackingId())
        .processDefinitionKey(ProcessConstants.PROCESS_ONBOARDING).singleResult();
  }

  protected HistoricProcessInstance historic(OnboardingRequest request) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(request.trackingId())
        .processDefinitionKey(ProcessConstants.PROCESS_ONBOARDING).singleResult();
  }

  /**
   * Runs every job that is due now, earliest first, and the jobs they create, until none is left. One at a time: a job
   * may cancel others (an interrupting timer ends its activity's other timers).
   */
  protected void runDueJobs() {
    for (int round = 0; round < 200; round++) {
      List<Job> next = management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
      if (next.isEmpty()) {
        return;
      }
      management.executeJob(next.get(0).getId());
    }
    throw new AssertionError("Jobs keep coming after 200 runs: a timer loop?");
  }

  /** Moves engine and application time forward and runs what became due. */
  protected void advance(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    runDueJobs();
  }

  protected Task task(OnboardingRequest request, String taskKey) {
    Task t = tasks.createTaskQuery().processInstanceBusinessKey(request.trackingId()).taskDefinitionKey(taskKey).singleResult();
    if (t == null) {
      throw new AssertionError("No open task " + taskKey + " for " + request.trackingId());
    }
    return t;
  }

  protected void completeTask(OnboardingRequest request, String taskKey, Map<String, Object> variables) {
    tasks.complete(task(request, taskKey).getId(), variables);
    runDueJobs();
  }

  /** Emails addressed to an address, as subject lines, in order of arrival. */
  protected List<String> subjectsTo(String address) {
    return messagesTo(address).stream().map(ProcessTestSupport::subject).toList();
  }

  /** Emails addressed to an address (GreenMail keeps a copy per recipient; each email is counted once). */
  protected List<MimeMessage> messagesTo(String address) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    return Arrays.stream(greenMail.getReceivedMessages())
        .filter(m -> recipients(m).contains(address))
        .filter(m -> seen.add(messageId(m)))
        .toList();
  }

  private static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  protected static String body(MimeMessage m) {
    try {
      return m.getContent().toString().replace("\r\n", "\n");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String recipients(MimeMessage m) {
    try {
      return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
