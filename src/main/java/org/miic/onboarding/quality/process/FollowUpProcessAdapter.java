package org.miic.onboarding.quality.process;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.common.ConflictException;
import org.miic.onboarding.common.ProcessInstances;
import org.miic.onboarding.quality.FollowUpProcessPort;
import org.springframework.stereotype.Component;

/** The data-quality follow-up of a request's process: the two waits for the organization's answer. */
@Component
class FollowUpProcessAdapter implements FollowUpProcessPort {

  /** Set on the process with the answer: the stored miic_quality_response row. */
  static final String VAR_RESPONSE_ID = "dataQualityResponseId";

  private final ProcessInstances instances;
  private final RuntimeService runtime;

  FollowUpProcessAdapter(ProcessInstances instances, RuntimeService runtime) {
    this.instances = instances;
    this.runtime = runtime;
  }

  @Override
  public boolean awaitingAnswer(String trackingId) {
    return instances.activeOnboarding(trackingId)
        .map(p -> instances.waitsForMessage(p.getId(), ProcessConstants.MSG_DATA_QUALITY_RESPONSE)).orElse(false);
  }

  @Override
  public void deliverAnswer(String trackingId, long responseId) {
    try {
      runtime.createMessageCorrelation(ProcessConstants.MSG_DATA_QUALITY_RESPONSE).processInstanceBusinessKey(trackingId)
          .setVariable(VAR_RESPONSE_ID, responseId).correlateWithResult();
    } catch (MismatchingMessageCorrelationException | org.camunda.bpm.engine.OptimisticLockingException e) {
      throw new ConflictException("MIIC is not waiting for an answer on data quality for this exchange now (it was answered already, "
          + "or the follow-up has moved on).");
    }
  }
}
