package org.miic.onboarding.worksheet.process;

import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.common.ConflictException;
import org.miic.onboarding.common.ProcessInstances;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.miic.onboarding.worksheet.WorksheetProcessPort;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Starts the onboarding process for a new request and delivers corrected worksheets to it. */
@Component
class WorksheetProcessAdapter implements WorksheetProcessPort {

  private static final Set<String> BEFORE_REVIEW_ACTIVITIES = Set.of(ProcessConstants.PHASE_WORKSHEET,
      ProcessConstants.TASK_REVIEW_WORKSHEET);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ProcessInstances instances;
  private final ReviewTaskContent reviewContent;
  private final org.miic.onboarding.exchange.ExchangeService exchanges;

  // Lazy: the task content and the exchanges read worksheets through WorksheetService, which itself calls this adapter.
  WorksheetProcessAdapter(RuntimeService runtime, TaskService tasks, ProcessInstances instances, @Lazy ReviewTaskContent reviewContent,
      @Lazy org.miic.onboarding.exchange.ExchangeService exchanges) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.instances = instances;
    this.reviewContent = reviewContent;
    this.exchanges = exchanges;
  }

  @Override
  public void startOnboarding(OnboardingRequest request) {
    // A change, enhancement or query request of an organization in production belongs to its current exchange; the
    // testing phases start from the defaults for its kind (staff choose in Review worksheet).
    Long changeOf = exchanges.linkToCurrentExchange(request.id()).orElse(null);
    org.miic.onboarding.exchange.TestingPlan plan = exchanges.defaultPlan(request.id());
    runtime.createProcessInstanceByKey(ProcessConstants.PROCESS_ONBOARDING)
        .businessKey(request.trackingId())
        .setVariables(Variables.createVariables()
            .putValue(ProcessConstants.VAR_TRACKING_ID, request.trackingId())
            .putValue(ProcessConstants.VAR_REQUEST_ID, request.id())
            .putValue(ProcessConstants.VAR_ORGANIZATION_ID, request.organizationId())
            .putValue(ProcessConstants.VAR_ORGANIZATION_NAME, request.organizationName())
            .putValue(ProcessConstants.VAR_AGREEMENT_LAPSED, false)
            .putValue(ProcessConstants.VAR_CHANGE_OF_REQUEST_ID, changeOf)
            .putValue(ProcessConstants.VAR_TEST_TRANSPORT, plan.transport())
            .putValue(ProcessConstants.VAR_TEST_FORMAT, plan.format())
            .putValue(ProcessConstants.VAR_TEST_CONTENT, plan.content())
            .putValue(ProcessConstants.VAR_TEST_QUERY, plan.query()))
        .execute();
  }

  @Override
  public CorrectionWindow correctionWindow(String trackingId) {
    ProcessInstance instance = instances.activeOnboarding(trackingId).orElse(null);
    if (instance == null) {
      return CorrectionWindow.CLOSED;
    }
    // The activity tree and the message subscription are read one after the other: a correction delivered between
    // the two reads shows the wait without its subscription. Read again then, so a correction racing another is told
    // where the request is now (issue 7, item 8), not that it is past review.
    for (int attempt = 0; ; attempt++) {
      Set<String> active = instances.activeActivityIds(instance.getId());
      boolean waiting = active.contains(ProcessConstants.WAIT_CORRECTED_WORKSHEET);
      if (waiting && instances.waitsForMessage(instance.getId(), ProcessConstants.MSG_WORKSHEET_CORRECTED)) {
        return CorrectionWindow.AWAITING_CORRECTION;
      }
      if (waiting && attempt < 3) {
        continue;
      }
      if (active.stream().anyMatch(BEFORE_REVIEW_ACTIVITIES::contains)) {
        return CorrectionWindow.BEFORE_REVIEW;
      }
      if (active.contains(ProcessConstants.TASK_EMAIL_MISSING_INFORMATION)) {
        return CorrectionWindow.CORRECTION_BEING_REQUESTED;
      }
      return CorrectionWindow.CLOSED;
    }
  }

  @Override
  public void deliverCorrection(String trackingId, CorrectionWindow window) {
    try {
      if (window == CorrectionWindow.AWAITING_CORRECTION) {
        runtime.createMessageCorrelation(ProcessConstants.MSG_WORKSHEET_CORRECTED)
            .processInstanceBusinessKey(trackingId)
            .correlateWithResult();
        return;
      }
      // Not reviewed yet: an open review task shows the new version from now on.
      Task review = tasks.createTaskQuery().processInstanceBusinessKey(trackingId)
          .taskDefinitionKey(ProcessConstants.TASK_REVIEW_WORKSHEET).singleResult();
      if (review != null) {
        reviewContent.refresh(review.getId(), trackingId);
      }
    } catch (MismatchingMessageCorrelationException | OptimisticLockingException raced) {
      // Another correction took the wait (or updated the review task) first: this one is refused whole, its version
      // rolled back with it, so the process receives one correction (issue 7, item 8).
      throw new ConflictException("Another correction of this worksheet arrived at the same moment and was taken instead of "
          + "this one. Open the worksheet again to see it, and correct it from there if needed.");
    }
  }
}
