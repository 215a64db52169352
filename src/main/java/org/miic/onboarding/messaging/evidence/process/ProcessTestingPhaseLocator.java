package org.miic.onboarding.messaging.evidence.process;

import org.miic.onboarding.messaging.evidence.TestingPhaseLocator;
import org.miic.onboarding.onboarding.TestingPhase;
import org.miic.onboarding.pipeline.RequestStage;
import org.miic.onboarding.pipeline.StageRepository;
import org.springframework.stereotype.Component;

/**
 * The phase a test message counts for, from the request's stage (one indexed read, kept current by the process): step
 * 3's testing stages are their phases (a go-live date still being coordinated counts as content validation), step 4 is
 * production, anything before is pre-testing in the queue, and a closed request counts as production.
 */
@Component
class ProcessTestingPhaseLocator implements TestingPhaseLocator {

  private final StageRepository stages;

  ProcessTestingPhaseLocator(StageRepository stages) {
    this.stages = stages;
  }

  @Override
  public TestingPhase phaseOf(long requestId) {
    return stages.currentCached(requestId).map(StageRepository.Stay::stage).map(ProcessTestingPhaseLocator::phase).orElse(TestingPhase.QUEUE);
  }

  static TestingPhase phase(RequestStage stage) {
    return switch (stage) {
      case TRANSPORT -> TestingPhase.TRANSPORT;
      case FORMAT -> TestingPhase.FORMAT;
      case CONTENT, APPROVAL, GO_LIVE -> TestingPhase.CONTENT;
      case QUERY -> TestingPhase.QUERY;
      case PRODUCTION, SUSPENDED, WITHDRAWN, ENDED, CHANGE_LIVE -> TestingPhase.PRODUCTION;
      case WORKSHEET, AGREEMENT, REVIEW, CORRECTION, QUEUED -> TestingPhase.QUEUE;
    };
  }
}
