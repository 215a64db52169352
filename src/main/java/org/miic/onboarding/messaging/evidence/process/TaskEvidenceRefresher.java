package org.miic.onboarding.messaging.evidence.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.miic.onboarding.messaging.evidence.EvidenceRefresh;
import org.miic.onboarding.messaging.evidence.MessageEvidence;
import org.miic.onboarding.messaging.evidence.MessageStored;
import org.miic.onboarding.onboarding.TestingPhase;
import org.miic.onboarding.queue.QueueService;
import org.miic.onboarding.worksheet.WorksheetService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the "testEvidence" of a request's open testing tasks, and its readiness in the queue, current: a stored message
 * only marks its request; every {@code miic.messaging.evidence-refresh-ms} (5 s) the marked requests are brought up to
 * date, each in its own transactions. A refresh that loses a race with a staff member completing the task is simply
 * dropped (the task is gone) or tried again at the next round.
 */
@Component
class TaskEvidenceRefresher implements EvidenceRefresh {

  private static final Logger LOG = LoggerFactory.getLogger(TaskEvidenceRefresher.class);
  static final String LOCAL_EVIDENCE = "testEvidence";
  static final String LOCAL_PHASE = "testingPhase";

  private final Set<Long> pending = ConcurrentHashMap.newKeySet();
  private final Set<Long> pendingReadiness = ConcurrentHashMap.newKeySet();
  private final TaskService tasks;
  private final WorksheetService worksheets;
  private final MessageEvidence evidence;
  private final QueueService queue;

  TaskEvidenceRefresher(TaskService tasks, WorksheetService worksheets, @Lazy MessageEvidence evidence, @Lazy QueueService queue) {
    this.tasks = tasks;
    this.worksheets = worksheets;
    this.evidence = evidence;
    this.queue = queue;
  }

  /** On the message path: only a mark, no read and no engine write. */
  @EventListener
  public void messageStored(MessageStored stored) {
    pending.add(stored.requestId());
    if (stored.phase() == TestingPhase.QUEUE) {
      pendingReadiness.add(stored.requestId());
    }
  }

  @Scheduled(initialDelayString = "${miic.messaging.evidence-refresh-ms:5000}", fixedDelayString = "${miic.messaging.evidence-refresh-ms:5000}")
  void scheduled() {
    flush();
  }

  @Override
  public synchronized int flush() {
    List<Long> readiness = drain(pendingReadiness);
    for (long requestId : readiness) {
      try {
        queue.refreshReadiness(requestId);
      } catch (org.miic.onboarding.common.NotFoundException gone) {
        // the request or its queue entry is gone: nothing to refresh
      } catch (RuntimeException e) {
        pendingReadiness.add(requestId);
        LOG.warn("Queue readiness of request {} not refreshed; next round tries again: {}", requestId, e.toString());
      }
    }
    List<Long> requests = drain(pending);
    for (long requestId : requests) {
      try {
        refresh(requestId);
      } catch (OptimisticLockingException raced) {
        pending.add(requestId); // a staff member changed the task meanwhile: next round
      } catch (org.miic.onboarding.common.NotFoundException gone) {
        // the request is gone: nothing to refresh
      } catch (RuntimeException e) {
        pending.add(requestId);
        LOG.warn("Test evidence of request {} not refreshed; next round tries again: {}", requestId, e.toString());
      }
    }
    return requests.size();
  }

  private void refresh(long requestId) {
    String trackingId = worksheets.request(requestId).trackingId();
    for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(trackingId).list()) {
      Object phase = tasks.getVariable(task.getId(), LOCAL_PHASE);
      if (phase != null) {
        tasks.setVariableLocal(task.getId(), LOCAL_EVIDENCE, evidence.evidenceMarkdown(requestId, TestingPhase.valueOf(phase.toString())));
      }
    }
  }

  private static List<Long> drain(Set<Long> set) {
    List<Long> out = new ArrayList<>(set);
    set.removeAll(out);
    return out;
  }
}
