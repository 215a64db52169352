package org.miic.onboarding.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.messaging.transport.CredentialService;
import org.miic.onboarding.messaging.transport.ExchangeCredential;
import org.miic.onboarding.organization.OrganizationRepository;
import org.miic.onboarding.queue.QueueEntry;
import org.miic.onboarding.queue.QueueProcessPort;
import org.miic.onboarding.queue.QueueRepository;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.miic.onboarding.worksheet.WorksheetForm;
import org.miic.onboarding.worksheet.WorksheetOptions;
import org.miic.onboarding.worksheet.WorksheetService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The load harness's helpers in the application (profile {@code bench} only; staff authentication like every
 * {@code /api}): the bare-engine baseline process, existing requests seeded in bulk, requests waiting at a given task for
 * completion runs, and a sender with test credentials. See BENCHMARKS.md.
 */
@RestController
@RequestMapping("/api/bench")
@Profile("bench")
class BenchController {

  private static final Logger LOG = LoggerFactory.getLogger(BenchController.class);
  static final String BASELINE = "BenchBaseline";

  /** The testing tasks in process order, with what completes each one so the request moves on. */
  static final List<String> CHAIN = List.of(ProcessConstants.TASK_REVIEW_WORKSHEET, "Task_SetUpTransport", "Task_MessageFormatTesting",
      "Task_MessageContentValidation", "Task_ApproveMessageContent", "Task_CoordinateGoLive");

  private final WorksheetService worksheets;
  private final OrganizationRepository organizations;
  private final AgreementService agreements;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final QueueRepository queue;
  private final QueueProcessPort queueProcess;
  private final CredentialService credentials;
  private final Clock clock;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;
  private final org.miic.onboarding.quality.ScorecardService scorecards;
  private final org.camunda.bpm.engine.ManagementService management;
  /**
   * Numbers the organizations each seeding or pool names; it starts from the start-up time so that a restart on a kept
   * database does not reuse names (an organization met again already has its agreement, and its request would not
   * wait at Record MIIC User Agreement).
   */
  private final AtomicInteger serial = new AtomicInteger((int) (System.currentTimeMillis() / 1000 % 10_000_000) * 100);

  BenchController(WorksheetService worksheets, OrganizationRepository organizations, AgreementService agreements, TaskService tasks,
      RuntimeService runtime, RepositoryService repository, QueueRepository queue, QueueProcessPort queueProcess,
      CredentialService credentials, Clock clock, org.springframework.jdbc.core.JdbcTemplate jdbc,
      org.miic.onboarding.quality.ScorecardService scorecards, org.camunda.bpm.engine.ManagementService management) {
    this.management = management;
    this.jdbc = jdbc;
    this.scorecards = scorecards;
    this.worksheets = worksheets;
    this.organizations = organizations;
    this.agreements = agreements;
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.queue = queue;
    this.queueProcess = queueProcess;
    this.credentials = credentials;
    this.clock = clock;
  }

  /** The bare engine the harness compares with: start, a service task, a user task (bench/baseline.bpmn). */
  @EventListener(ApplicationReadyEvent.class)
  public void deployBaseline() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(BASELINE).count() == 0) {
      repository.createDeployment().name("bench-baseline").addClasspathResource("bench/baseline.bpmn").deploy();
      LOG.info("Bench baseline process deployed");
    }
  }

  static WorksheetForm worksheet(String name, int facilities) {
    WorksheetForm f = new WorksheetForm();
    f.setOrganizationName(name);
    f.setOrganizationType(WorksheetOptions.OrganizationType.PEDIATRICS);
    f.setRequestType(WorksheetOptions.RequestType.NEW_SUBMISSION);
    f.setMnvfcPin("12345");
    f.setImmunizationsPerYear(12000);
    f.getSourceSystem().setVendor("Epic");
    f.getSourceSystem().setProduct("EpicCare Ambulatory");
    f.getSourceSystem().setVersion("2024");
    f.setMessageFormat(WorksheetOptions.MessageFormat.HL7_2_5_1);
    f.setTransport(WorksheetOptions.Transport.SOAP_WEB_SERVICE);
    f.getCapabilities().setSubmissionMode(WorksheetOptions.SubmissionMode.REAL_TIME);
    f.getCapabilities().setReceivesAcks(true);
    f.getCapabilities().setSendsQueries(false);
    String domain = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + ".example";
    f.setPrimaryContact(new WorksheetForm.Contact("Ann Lee", "primary@" + domain, "612-555-0100"));
    f.setTechnicalContact(new WorksheetForm.Contact("Raj Patel", "tech@" + domain, "612-555-0101"));
    f.setAuthorizedRepresentative(new WorksheetForm.Contact("Dr. Kim", "rep@" + domain, "612-555-0102"));
    List<WorksheetForm.Facility> list = new ArrayList<>();
    for (int i = 0; i < facilities; i++) {
      list.add(new WorksheetForm.Facility(name + " site " + i, "FAC-" + i));
    }
    f.setSubmittingFor(list);
    f.setSupplementalMaterials("Sample VXU messages");
    return f;
  }

  private long organizationWithAgreement(String name) {
    long id = organizations.findOrCreate(name, clock.instant()).id();
    if (!agreements.status(id).current()) {
      // The signer's email receives the renewal reminders and the lapse notice.
      agreements.record(id, new AgreementService.Signature("Dr. Kim", null, "rep@" + name.toLowerCase(java.util.Locale.ROOT)
          .replaceAll("[^a-z0-9]", "") + ".example", LocalDate.now(clock).minusDays(10)), "bench");
    }
    return id;
  }

  /**
   * Organizations with a current agreement, named {@code prefix-0 … prefix-(count-1)}: worksheets submitted for them
   * (the intake runs) go straight on to review.
   */
  @PostMapping("/organizations")
  Map<String, Object> organizationsWithAgreements(@RequestParam String prefix, @RequestParam int count) throws Exception {
    long started = System.nanoTime();
    parallel(count, i -> organizationWithAgreement(prefix + "-" + i));
    return Map.of("organizations", count, "seconds", seconds(started));
  }

  /**
   * Existing requests, as a data set: half waiting in the queue, a quarter in worksheet review, a quarter waiting for
   * their agreement. Returns when every one has reached its place.
   */
  @PostMapping("/seed")
  Map<String, Object> seed(@RequestParam int count) throws Exception {
    long started = System.nanoTime();
    int run = serial.incrementAndGet();
    List<String> queued = Collections.synchronizedList(new ArrayList<>());
    List<String> all = Collections.synchronizedList(new ArrayList<>());
    parallel(count, i -> {
      String name = "Seeded " + run + "-" + i + " Clinic";
      boolean agreement = i % 4 != 3;
      if (agreement) {
        organizationWithAgreement(name);
      }
      OnboardingRequest r = worksheets.submit(worksheet(name, 2));
      all.add(r.trackingId());
      if (i % 4 < 2) {
        queued.add(r.trackingId());
      }
    });
    int reviewed = completeWhenOpen(queued, ProcessConstants.TASK_REVIEW_WORKSHEET, Map.of(ProcessConstants.VAR_WORKSHEET_DECISION,
        ProcessConstants.DECISION_COMPLETE));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("requests", all.size());
    out.put("reviewedIntoTheQueue", reviewed);
    out.put("seconds", seconds(started));
    return out;
  }

  /**
   * {@code count} requests waiting at the given task of step 2 or 3 (one of {@link #CHAIN}): each is submitted, reviewed
   * complete, handed a slot directly (the queue's own dispatch stays as it is), and its earlier testing tasks are passed.
   * Answers with the ids of the waiting tasks.
   */
  @PostMapping("/pool")
  Map<String, Object> pool(@RequestParam String task, @RequestParam int count) throws Exception {
    long started = System.nanoTime();
    int run = serial.incrementAndGet();
    if (ProcessConstants.TASK_RECORD_AGREEMENT.equals(task)) {
      // Organizations without an agreement: their request waits for staff to record one.
      List<String> batch = Collections.synchronizedList(new ArrayList<>());
      parallel(count, i -> batch.add(worksheets.submit(worksheet("Unsigned " + run + "-" + i + " Clinic", 2)).trackingId()));
      return Map.of("task", task, "taskIds", waitForTasks(batch, task).stream().map(Task::getId).toList(), "seconds", seconds(started));
    }
    if (MOVED_TO.containsKey(task)) {
      return movedPool(task, count, started);
    }
    int depth = CHAIN.indexOf(task);
    if (depth < 0) {
      throw new IllegalArgumentException("task must be " + ProcessConstants.TASK_RECORD_AGREEMENT + ", one of " + CHAIN + " or of "
          + MOVED_TO.keySet());
    }
    List<String> batch = Collections.synchronizedList(new ArrayList<>());
    parallel(count, i -> {
      String name = "Pool " + run + "-" + i + " Clinic";
      organizationWithAgreement(name);
      batch.add(worksheets.submit(worksheet(name, 2)).trackingId());
    });
    for (int step = 0; step < depth; step++) {
      String key = CHAIN.get(step);
      completeWhenOpen(batch, key, passing(key));
      if (step == 0) {
        invite(batch);
      }
    }
    List<String> taskIds = waitForTasks(batch, task).stream().map(Task::getId).toList();
    return Map.of("task", task, "taskIds", taskIds, "seconds", seconds(started));
  }

  /**
   * The tasks a request reaches only after weeks (step 4's reviews and follow-ups, a lapsed agreement) or on a query
   * request: the pool's requests are brought where the task is by the engine's public process instance modification,
   * from the activity named here (a request in production waits at its next review; a request at the go-live date has
   * passed testing; an organization's renewal waits while its agreement is in force), starting before the activity
   * that leads to the task.
   */
  static final Map<String, String[]> MOVED_TO = Map.of(
      ProcessConstants.TASK_REVIEW_DATA_QUALITY, new String[] {"Timer_NextReview", ProcessConstants.TASK_REVIEW_DATA_QUALITY},
      ProcessConstants.TASK_FOLLOW_UP_DATA_QUALITY, new String[] {"Timer_NextReview", ProcessConstants.TASK_FOLLOW_UP_DATA_QUALITY},
      ProcessConstants.TASK_RESUME_EXCHANGE, new String[] {"Timer_NextReview", "Task_SuspendExchange"},
      ProcessConstants.TASK_QUERY_TESTING, new String[] {"Task_CoordinateGoLive", ProcessConstants.TASK_QUERY_TESTING},
      "Task_AgreementLapsed", new String[] {"Wait_AgreementInForce", "Task_FlagAgreementLapsed"});

  private Map<String, Object> movedPool(String task, int count, long started) throws Exception {
    String[] move = MOVED_TO.get(task);
    List<String> instances;
    if ("Task_AgreementLapsed".equals(task)) {
      int run = serial.incrementAndGet();
      List<String> orgs = Collections.synchronizedList(new ArrayList<>());
      parallel(count, i -> orgs.add(String.valueOf(organizationWithAgreement("Lapsing " + run + "-" + i + " Clinic"))));
      instances = orgs.stream().map(org -> runtime.createProcessInstanceQuery().processDefinitionKey(ProcessConstants.PROCESS_AGREEMENT_RENEWAL)
          .processInstanceBusinessKey(org).singleResult().getId()).toList();
    } else {
      List<String> batch = "Task_CoordinateGoLive".equals(move[0]) ? atTask("Task_CoordinateGoLive", count) : inProduction(count);
      instances = batch.stream().map(t -> runtime.createProcessInstanceQuery().processDefinitionKey(ProcessConstants.PROCESS_ONBOARDING)
          .processInstanceBusinessKey(t).singleResult().getId()).toList();
    }
    parallel(instances.size(), i -> {
      String pid = instances.get(i);
      Map<String, Object> variables = new LinkedHashMap<>();
      if (move[0].equals("Timer_NextReview")) {
        long requestId = ((Number) runtime.getVariable(pid, ProcessConstants.VAR_REQUEST_ID)).longValue();
        variables.put(ProcessConstants.VAR_SCORECARD_ID, scorecards.review(requestId).id());
        variables.put(ProcessConstants.VAR_DATA_QUALITY_ISSUES, "Load test");
      }
      runtime.createProcessInstanceModification(pid).cancelAllForActivity(move[0]).startBeforeActivity(move[1])
          .setVariables(variables).execute();
    });
    List<String> keys = runtime.createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(instances)).list().stream()
        .map(org.camunda.bpm.engine.runtime.ProcessInstance::getBusinessKey).toList();
    List<String> taskIds = waitForTasks(keys, task).stream().map(Task::getId).toList();
    return Map.of("task", task, "taskIds", taskIds, "seconds", seconds(started));
  }

  /** {@code count} requests waiting at a task of the chain (their tracking ids). */
  private List<String> atTask(String task, int count) throws Exception {
    int run = serial.incrementAndGet();
    List<String> batch = Collections.synchronizedList(new ArrayList<>());
    parallel(count, i -> {
      String name = "Pool " + run + "-" + i + " Clinic";
      organizationWithAgreement(name);
      batch.add(worksheets.submit(worksheet(name, 2)).trackingId());
    });
    int depth = CHAIN.indexOf(task);
    for (int step = 0; step < depth; step++) {
      String key = CHAIN.get(step);
      completeWhenOpen(batch, key, passing(key));
      if (step == 0) {
        invite(batch);
      }
    }
    waitForTasks(batch, task);
    return batch;
  }

  /** {@code count} requests in production, live since today and waiting for their next data-quality review. */
  private List<String> inProduction(int count) throws Exception {
    List<String> batch = atTask("Task_CoordinateGoLive", count);
    completeWhenOpen(batch, "Task_CoordinateGoLive", Map.of(ProcessConstants.VAR_GO_LIVE_DATE, LocalDate.now(clock).toString()));
    waitUntil(() -> batch.stream().allMatch(t -> runtime.createExecutionQuery().activityId("Timer_NextReview")
        .processInstanceBusinessKey(t).count() > 0));
    return batch;
  }

  /**
   * Step 4's monthly monitoring, all at once: the scorecard of every production exchange computed and stored, as the
   * reviews do (the load the message path must bear while monitoring runs).
   */
  @PostMapping("/monitor")
  Map<String, Object> monitor() {
    long started = System.nanoTime();
    List<Long> exchanges = jdbc.queryForList("select id from miic_request where stage in ('PRODUCTION', 'SUSPENDED')", Long.class);
    exchanges.forEach(scorecards::review);
    return Map.of("exchanges", exchanges.size(), "seconds", seconds(started));
  }

  /** How many jobs are due now (the emails, timers and continuations the measured operations left behind). */
  @GetMapping("/jobs")
  Map<String, Object> jobs() {
    return Map.of("due", management.createJobQuery().executable().count());
  }

  /** How many requests the database holds (a data set's size, before and after a round of the harness). */
  @GetMapping("/requests")
  Map<String, Object> requests() {
    return Map.of("requests", jdbc.queryForObject("select count(*) from miic_request", Long.class),
        "waiting", jdbc.queryForObject("select count(*) from miic_queue_entry where status = 'WAITING'", Long.class));
  }

  /** The heap now and the peak of each heap pool since the last reset (summed: an upper bound of the peak heap). */
  @GetMapping("/heap")
  Map<String, Object> heap() {
    long used = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long peak = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    long max = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    return Map.of("usedMb", used >> 20, "peakMb", peak >> 20, "maxMb", max >> 20);
  }

  @PostMapping("/heap/reset")
  Map<String, Object> resetHeapPeak() {
    System.gc();
    java.lang.management.ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
    return heap();
  }

  /** What passes each task of the chain (content validation and its approval need the reason: no test message came). */
  static Map<String, Object> passing(String key) {
    return switch (key) {
      case ProcessConstants.TASK_REVIEW_WORKSHEET -> Map.of(ProcessConstants.VAR_WORKSHEET_DECISION, ProcessConstants.DECISION_COMPLETE);
      case "Task_SetUpTransport" -> Map.of(ProcessConstants.VAR_TRANSPORT_OUTCOME, ProcessConstants.OUTCOME_PASSED);
      case "Task_MessageFormatTesting" -> Map.of(ProcessConstants.VAR_FORMAT_OUTCOME, ProcessConstants.OUTCOME_PASSED);
      case "Task_MessageContentValidation" -> Map.of(ProcessConstants.VAR_CONTENT_OUTCOME, ProcessConstants.OUTCOME_PASSED,
          ProcessConstants.VAR_NO_MESSAGES_REASON, "Load test");
      case "Task_ApproveMessageContent" -> Map.of(ProcessConstants.VAR_CONTENT_APPROVAL, ProcessConstants.APPROVAL_APPROVED,
          ProcessConstants.VAR_NO_MESSAGES_REASON, "Load test");
      default -> throw new IllegalArgumentException("no passing outcome for " + key);
    };
  }

  /** A request in transport testing with revealed test credentials: the sender of the message runs. */
  @PostMapping("/sender")
  Map<String, Object> sender(@RequestParam(defaultValue = "TEST") ExchangeCredential.Environment environment) throws Exception {
    String trackingId;
    if (environment == ExchangeCredential.Environment.PRODUCTION) {
      // A request in production (its PRODUCTION credentials issued at go-live are replaced by ones revealed here).
      trackingId = inProduction(1).get(0);
    } else {
      @SuppressWarnings("unchecked")
      List<String> ids = (List<String>) pool("Task_SetUpTransport", 1).get("taskIds");
      Task task = tasks.createTaskQuery().taskId(ids.get(0)).singleResult();
      trackingId = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
    }
    OnboardingRequest request = worksheets.request(trackingId);
    String link = credentials.reissue(request.id(), environment);
    CredentialService.Revealed login = credentials.reveal(link.substring(link.lastIndexOf('/') + 1));
    return Map.of("trackingId", trackingId, "username", login.username(), "password", login.password(), "facilityId", login.facilityId());
  }

  /** Hands each request of the batch an onboarding slot, as the queue's dispatch would, without its capacity. */
  private void invite(List<String> batch) throws Exception {
    // An entry is WAITING in the same transaction that brings its process to "Wait for an onboarding slot".
    waitUntil(() -> statuses(batch).values().stream().filter(s -> s.equals("WAITING") || s.equals("INVITED")).count() >= batch.size());
    Map<String, String> statuses = statuses(batch);
    List<String> waiting = batch.stream().filter(t -> "WAITING".equals(statuses.get(t))).toList();
    parallel(waiting.size(), i -> {
      String trackingId = waiting.get(i);
      QueueEntry entry = queue.findByRequest(worksheets.request(trackingId).id()).orElseThrow();
      if (queue.transition(entry.id(), QueueEntry.Status.WAITING, QueueEntry.Status.INVITED, clock.instant())) {
        queueProcess.offerSlot(trackingId);
      }
    });
  }

  private Map<String, String> statuses(List<String> batch) {
    Map<String, String> out = new java.util.HashMap<>();
    for (int from = 0; from < batch.size(); from += 500) {
      List<String> part = batch.subList(from, Math.min(batch.size(), from + 500));
      jdbc.query("select r.tracking_id, e.status from miic_queue_entry e join miic_request r on r.id = e.request_id where r.tracking_id in ("
          + String.join(",", Collections.nCopies(part.size(), "?")) + ")", rs -> {
            out.put(rs.getString(1), rs.getString(2));
          }, part.toArray());
    }
    return out;
  }

  /** Completes the task of each request of the batch once it is open; returns how many were completed. */
  private int completeWhenOpen(List<String> batch, String key, Map<String, Object> variables) throws Exception {
    List<Task> open = waitForTasks(batch, key);
    parallel(open.size(), i -> tasks.complete(open.get(i).getId(), variables));
    return open.size();
  }

  private List<Task> waitForTasks(List<String> batch, String key) throws Exception {
    List<Task> found = List.of();
    long deadline = System.currentTimeMillis() + 600_000;
    while (System.currentTimeMillis() < deadline) {
      found = new ArrayList<>();
      for (int from = 0; from < batch.size(); from += 500) {
        List<String> part = batch.subList(from, Math.min(batch.size(), from + 500));
        found.addAll(tasks.createTaskQuery().processInstanceBusinessKeyIn(part.toArray(String[]::new)).taskDefinitionKey(key).list());
      }
      if (found.size() >= batch.size()) {
        return found;
      }
      Thread.sleep(200);
    }
    LOG.warn("Only {} of {} requests reached {}", found.size(), batch.size(), key);
    return found;
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 600_000;
    while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
  }

  private interface Step {
    void run(int i) throws Exception;
  }

  /** Runs the steps on four threads (the machine has two cores; the job executor runs beside). */
  private static void parallel(int count, Step step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        futures.add(pool.submit(() -> {
          step.run(n);
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static double seconds(long startedNanos) {
    return Math.round((System.nanoTime() - startedNanos) / 1e7) / 100.0;
  }
}
