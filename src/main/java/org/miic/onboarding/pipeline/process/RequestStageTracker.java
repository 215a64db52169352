package org.miic.onboarding.pipeline.process;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.pipeline.RequestStage;
import org.miic.onboarding.pipeline.StageRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each request's stage current as its onboarding process moves: Camunda's Spring eventing bridge publishes every
 * activity start, and the activities named by {@link RequestStage} begin a stage. Runs in the engine's transaction,
 * so the stage commits with the process state, or not at all.
 */
@Component
class RequestStageTracker {

  private static final String DEFINITION_PREFIX = ProcessConstants.PROCESS_ONBOARDING + ":";

  private final StageRepository stages;
  private final Clock clock;

  RequestStageTracker(StageRepository stages, Clock clock) {
    this.stages = stages;
    this.clock = clock;
  }

  @EventListener
  public void onExecution(DelegateExecution execution) {
    if (!ExecutionListener.EVENTNAME_START.equals(execution.getEventName())
        || execution.getProcessDefinitionId() == null || !execution.getProcessDefinitionId().startsWith(DEFINITION_PREFIX)) {
      return;
    }
    RequestStage.startedBy(execution.getCurrentActivityId()).ifPresent(stage -> {
      String trackingId = execution.getProcessBusinessKey();
      if (trackingId != null) {
        stages.enter(trackingId, stage, clock.instant());
      }
    });
  }
}
