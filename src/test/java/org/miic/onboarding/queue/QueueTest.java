package org.miic.onboarding.queue;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.miic.onboarding.ProcessConstants.*;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.common.ConflictException;
import org.miic.onboarding.organization.OrganizationRepository;
import org.miic.onboarding.support.ProcessTestSupport;
import org.miic.onboarding.support.Worksheets;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.miic.onboarding.worksheet.WorksheetForm;
import org.springframework.beans.factory.annotation.Autowired;

/** The onboarding queue: ranking and its breakdown, waiting for a slot, pause, moving up, and concurrent dispatch. */
class QueueTest extends ProcessTestSupport {

  @Autowired QueueService queue;
  @Autowired QueueRepository repository;
  @Autowired AgreementService agreements;
  @Autowired OrganizationRepository organizations;

  /** Submits with an agreement on file and completes the review: the request scores and enters the queue. */
  private OnboardingRequest queued(WorksheetForm form) {
    long orgId = organizations.findOrCreate(form.getOrganizationName(), START).id();
    agreements.record(orgId, new AgreementService.Signature("Rep", null, null, LocalDate.of(2026, 1, 5)), "test");
    OnboardingRequest request = submit(form);
    runDueJobs();
    completeTask(request, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE));
    return request;
  }

  private void goLive(OnboardingRequest request) {
    for (String[] step : new String[][] {{"Task_SetUpTransport", VAR_TRANSPORT_OUTCOME, OUTCOME_PASSED},
        {"Task_MessageFormatTesting", VAR_FORMAT_OUTCOME, OUTCOME_PASSED},
        {"Task_MessageContentValidation", VAR_CONTENT_OUTCOME, OUTCOME_PASSED},
        {"Task_ApproveMessageContent", VAR_CONTENT_APPROVAL, APPROVAL_APPROVED}}) {
      completeTask(request, step[0], passing(step[1], step[2]));
    }
    completeTask(request, "Task_CoordinateGoLive", Map.of(VAR_GO_LIVE_DATE, "2026-03-04"));
    advance(Duration.ofDays(1));
  }

  @Test
  void waitingOrganizationsAreRankedWithTheReasonsForTheirScore() {
    OnboardingRequest first = queued(Worksheets.complete("Alder Clinic"));       // takes the only slot
    OnboardingRequest low = queued(Worksheets.lowPriority("Beech Dermatology"));
    OnboardingRequest high = queued(Worksheets.complete("Chestnut Pediatrics"));
    assertThat(instance(first)).isWaitingAt("Task_SetUpTransport");
    assertThat(instance(low)).isWaitingAt(WAIT_ONBOARDING_SLOT);

    List<RankedEntry> ranked = queue.ranked(0, 100);
    Assertions.assertThat(ranked).extracting(RankedEntry::trackingId).containsExactly(high.trackingId(), low.trackingId());
    RankedEntry top = ranked.get(0);
    Assertions.assertThat(top.position()).isEqualTo(1);
    Assertions.assertThat(top.breakdown()).extracting(PriorityFactor::factor).containsExactly(
        PriorityFactor.COMPLETENESS, PriorityFactor.MNVFC, PriorityFactor.VOLUME, PriorityFactor.MULTIPLE_ORGANIZATIONS,
        PriorityFactor.ORGANIZATION_TYPE, PriorityFactor.FORMAT_AND_TRANSPORT, PriorityFactor.WAITING_TIME, PriorityFactor.READINESS);
    // 20 complete with materials, 15 MnVFC, 20 volume, 8 two facilities, 15 pediatrics, 10 + 10 HL7 2.5.1 over SOAP.
    Assertions.assertThat(top.score()).isEqualTo(98);
    Assertions.assertThat(top.breakdown().get(5).reason()).isEqualTo("HL7 2.5.1 (preferred format); SOAP web service (preferred transport)");
    RankedEntry bottom = ranked.get(1);
    // 12 complete without materials, 0, 0, 0, 0 specialty clinic, 3 HL7 2.3.1 + 2 SFTP.
    Assertions.assertThat(bottom.score()).isEqualTo(17);

    // Waiting counts: eight weeks later the low one has 8 more points, the order stays.
    advance(Duration.ofDays(56));
    Assertions.assertThat(queue.ranked(0, 100).get(1).score()).isEqualTo(25);
    Assertions.assertThat(queue.ranked(0, 100).get(1).breakdown().get(6).reason()).startsWith("Waiting 8 weeks");

    // The queue email told each its position at entry.
    Assertions.assertThat(body(messagesTo("primary@beechdermatology.example").get(1))).contains("at position 1");
    Assertions.assertThat(body(messagesTo("primary@chestnutpediatrics.example").get(1))).contains("at position 1");
  }

  @Test
  void theHighestScoreIsInvitedWhenASlotFrees() {
    OnboardingRequest first = queued(Worksheets.complete("Dogwood Clinic"));
    OnboardingRequest low = queued(Worksheets.lowPriority("Elm Specialty"));
    OnboardingRequest high = queued(Worksheets.complete("Fir Pediatrics"));
    assertThat(instance(high)).isWaitingAt(WAIT_ONBOARDING_SLOT);

    goLive(first);
    Assertions.assertThat(queue.entry(first.id()).status()).isEqualTo(QueueEntry.Status.COMPLETED);
    assertThat(instance(high)).isWaitingAt("Task_SetUpTransport");
    assertThat(instance(low)).isWaitingAt(WAIT_ONBOARDING_SLOT);
    Assertions.assertThat(subjectsTo("primary@firpediatrics.example")).contains("Invitation: start onboarding to MIIC data exchange");
    Assertions.assertThat(subjectsTo("primary@elmspecialty.example")).doesNotContain("Invitation: start onboarding to MIIC data exchange");
  }

  @Test
  void aSlotFreedWhenTheWaitingPointsAreDueIsHandedOutAtOnce() {
    OnboardingRequest first = queued(Worksheets.complete("Dogwood Clinic"));
    OnboardingRequest next = queued(Worksheets.complete("Fir Pediatrics"));
    Assertions.assertThat(queue.entry(next.id()).status()).isEqualTo(QueueEntry.Status.WAITING);

    // Three weeks on, and nothing has ranked the queue since: the dispatch after the slot frees is the first to bring
    // the waiting points up to date (an update of the waiting entries). It runs after the freeing transaction
    // committed, whose connection is still bound; had the update run there, it would have held the entry's row lock
    // while the hand-out waited for it.
    ClockUtil.setCurrentTime(java.util.Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(21))));
    queue.withdraw(first.id());

    Assertions.assertThat(queue.entry(next.id()).status()).isEqualTo(QueueEntry.Status.INVITED);
    Assertions.assertThat(jdbc.queryForObject("select waiting_points from miic_queue_entry where request_id = ?", Integer.class, next.id()))
        .isPositive();
  }

  @Test
  void theQueueViewCountsEverySlotAndListsTheEarliestInvited() {
    OnboardingRequest first = queued(Worksheets.complete("Juniper Clinic"));
    OnboardingRequest second = queued(Worksheets.complete("Kapok Pediatrics"));
    OnboardingRequest third = queued(Worksheets.lowPriority("Larch Dermatology"));
    queue.setCapacity(3, "staff1");
    runDueJobs();

    QueueService.QueueView view = queue.view(0, 50);
    Assertions.assertThat(view.onboarding()).isEqualTo(3);
    Assertions.assertThat(view.onboardingNow()).extracting(QueueService.OnboardingSlot::trackingId)
        .containsExactly(first.trackingId(), second.trackingId(), third.trackingId());
    Assertions.assertThat(view.waitingTotal()).isZero();
    // The list is bounded (a lowered capacity or imported data can leave more slots than the capacity): earliest first.
    Assertions.assertThat(repository.invited(2)).extracting(QueueRepository.WaitingRow::trackingId)
        .containsExactly(first.trackingId(), second.trackingId());
    Assertions.assertThat(repository.countInvited()).isEqualTo(3);
  }

  @Test
  void staffPauseTheQueueAndMoveAnOrganizationUpWithAReason() {
    OnboardingRequest first = queued(Worksheets.complete("Ginkgo Clinic"));
    OnboardingRequest low = queued(Worksheets.lowPriority("Hemlock Allergy"));
    OnboardingRequest high = queued(Worksheets.complete("Ironwood Pediatrics"));

    assertThatThrownBy(() -> queue.moveUp(low.trackingId(), 1, " ", "staff1")).isInstanceOf(IllegalArgumentException.class);
    RankedEntry moved = queue.moveUp(low.trackingId(), 1, "County outbreak response needs this clinic's data", "staff1");
    Assertions.assertThat(moved.position()).isEqualTo(1);
    Assertions.assertThat(moved.breakdown().get(moved.breakdown().size() - 1))
        .satisfies(f -> {
          Assertions.assertThat(f.factor()).isEqualTo(PriorityFactor.STAFF_ADJUSTMENT);
          Assertions.assertThat(f.reason()).contains("staff1").contains("County outbreak response");
        });
    assertThatThrownBy(() -> queue.moveUp(low.trackingId(), 1, "again", "staff1")).isInstanceOf(ConflictException.class);

    queue.pause("Staff on leave until April", "staff1");
    goLive(first);
    Assertions.assertThat(queue.view(0, 50).paused()).isTrue();
    assertThat(instance(low)).isWaitingAt(WAIT_ONBOARDING_SLOT);
    assertThat(instance(high)).isWaitingAt(WAIT_ONBOARDING_SLOT);

    queue.resume("staff1");
    assertThat(instance(low)).isWaitingAt("Task_EmailInvitation");
    assertThat(instance(high)).isWaitingAt(WAIT_ONBOARDING_SLOT);
  }

  @Test
  void concurrentDispatchesNeverHandOutOneSlotTwice() throws Exception {
    queue.pause("filling the queue", "test");
    List<OnboardingRequest> waiting = new ArrayList<>();
    for (String name : List.of("Juniper Clinic", "Kale Clinic", "Larch Clinic", "Maple Clinic")) {
      waiting.add(queued(Worksheets.complete(name)));
    }
    // Open the queue without the dispatch a resume would run, then dispatch from four threads at once.
    repository.setPaused(false, null, "test", START);
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<String>>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      results.add(pool.submit(() -> {
        ready.countDown();
        go.await();
        return queue.dispatch();
      }));
    }
    ready.await();
    go.countDown();
    List<String> invited = new ArrayList<>();
    for (Future<List<String>> r : results) {
      invited.addAll(r.get());
    }
    pool.shutdown();

    Assertions.assertThat(invited).hasSize(1);
    Assertions.assertThat(jdbc.queryForObject("select count(*) from miic_queue_entry where status = 'INVITED'", Integer.class)).isEqualTo(1);
    long movedOn = waiting.stream().filter(r -> !runtime.createExecutionQuery().processInstanceBusinessKey(r.trackingId())
        .activityId(WAIT_ONBOARDING_SLOT).list().isEmpty()).count();
    Assertions.assertThat(movedOn).isEqualTo(3);
    // A second round finds the slot taken.
    Assertions.assertThat(queue.dispatch()).isEmpty();
  }

  @Test
  void anOrganizationNeverHoldsTwoSlots() {
    queue.pause("filling", "test");
    OnboardingRequest submission = queued(Worksheets.complete("Nettle Clinic"));
    WorksheetForm query = Worksheets.complete("Nettle Clinic");
    query.setRequestType(org.miic.onboarding.worksheet.WorksheetOptions.RequestType.QUERY_BIDIRECTIONAL);
    query.getCapabilities().setSendsQueries(true);
    OnboardingRequest second = queued(query);
    Assertions.assertThat(second.organizationId()).isEqualTo(submission.organizationId());
    jdbc.update("update miic_queue_control set paused = false");
    org.springframework.test.util.ReflectionTestUtils.setField(queue, "properties", new QueueProperties(2, 1, 26, 60000, false, 15));
    try {
      Assertions.assertThat(queue.dispatch()).hasSize(1);
      Assertions.assertThat(queue.dispatch()).isEmpty();
    } finally {
      org.springframework.test.util.ReflectionTestUtils.setField(queue, "properties", new QueueProperties(1, 1, 26, 60000, false, 15));
    }
  }
}
