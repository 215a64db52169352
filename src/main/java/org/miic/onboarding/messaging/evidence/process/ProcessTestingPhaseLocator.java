package org.miic.onboarding.messaging.evidence.process;

import java.util.Map;
import java.util.Set;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.common.ProcessInstances;
import org.miic.onboarding.messaging.evidence.TestingPhaseLocator;
import org.miic.onboarding.onboarding.TestingPhase;
import org.miic.onboarding.worksheet.WorksheetService;
import org.springframework.stereotype.Component;

/** Step 3's current task decides the phase a test message counts for; step 4 is production; the queue is pre-testing. */
@Component
class ProcessTestingPhaseLocator implements TestingPhaseLocator {

  private static final Map<String, TestingPhase> ACTIVITIES = Map.of(
      "Task_SetUpTransport", TestingPhase.TRANSPORT,
      "Task_EmailTransportCorrections", TestingPhase.TRANSPORT,
      "Task_MessageFormatTesting", TestingPhase.FORMAT,
      "Task_EmailFormatCorrections", TestingPhase.FORMAT,
      "Task_MessageContentValidation", TestingPhase.CONTENT,
      "Task_EmailContentCorrections", TestingPhase.CONTENT,
      "Task_ApproveMessageContent", TestingPhase.CONTENT,
      "Task_CoordinateGoLive", TestingPhase.CONTENT,
      "Timer_GoLiveDate", TestingPhase.CONTENT);

  private final ProcessInstances instances;
  private final WorksheetService worksheets;

  ProcessTestingPhaseLocator(ProcessInstances instances, WorksheetService worksheets) {
    this.instances = instances;
    this.worksheets = worksheets;
  }

  @Override
  public TestingPhase phaseOf(long requestId) {
    String trackingId = worksheets.request(requestId).trackingId();
    return instances.activeOnboarding(trackingId).map(p -> {
      Set<String> active = instances.activeActivityIds(p.getId());
      if (active.contains(ProcessConstants.PHASE_ONGOING_EXCHANGE)) {
        return TestingPhase.PRODUCTION;
      }
      if (active.contains(ProcessConstants.PHASE_ONBOARDING)) {
        return active.stream().map(ACTIVITIES::get).filter(java.util.Objects::nonNull).findFirst().orElse(TestingPhase.TRANSPORT);
      }
      return TestingPhase.QUEUE;
    }).orElse(TestingPhase.PRODUCTION);
  }
}
