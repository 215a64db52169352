package org.miic.onboarding.agreement.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.agreement.AgreementProcessPort;
import org.miic.onboarding.common.ProcessInstances;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.miic.onboarding.worksheet.WorksheetRepository;
import org.springframework.stereotype.Component;

/**
 * The renewal process runs once per organization (business key: the organization id). Recording an agreement starts
 * it, or tells the running one that the agreement was renewed; it also releases onboardings waiting for an agreement
 * and clears their lapsed flag.
 */
@Component
class AgreementProcessAdapter implements AgreementProcessPort {

  private final RuntimeService runtime;
  private final ProcessInstances instances;
  private final WorksheetRepository requests;

  AgreementProcessAdapter(RuntimeService runtime, ProcessInstances instances, WorksheetRepository requests) {
    this.runtime = runtime;
    this.instances = instances;
    this.requests = requests;
  }

  static String renewalKey(long organizationId) {
    return String.valueOf(organizationId);
  }

  @Override
  public void agreementRecorded(long organizationId, long agreementId, String recordingProcessInstanceId) {
    ProcessInstance renewal = instances.active(ProcessConstants.PROCESS_AGREEMENT_RENEWAL, renewalKey(organizationId))
        .stream().findFirst().orElse(null);
    if (renewal == null) {
      runtime.createProcessInstanceByKey(ProcessConstants.PROCESS_AGREEMENT_RENEWAL)
          .businessKey(renewalKey(organizationId))
          .setVariables(Variables.createVariables()
              .putValue(ProcessConstants.VAR_ORGANIZATION_ID, organizationId)
              .putValue(ProcessConstants.VAR_AGREEMENT_ID, agreementId))
          .execute();
    } else if (renewal.getId().equals(recordingProcessInstanceId)
        || signal(renewal.getId(), ProcessConstants.MSG_AGREEMENT_RENEWED, agreementId) == 0) {
      // Staff renewed it in the renewal process's own task, or the process is between waits: it reads the new id.
      runtime.setVariable(renewal.getId(), ProcessConstants.VAR_AGREEMENT_ID, agreementId);
    }
    List<ProcessInstance> onboardings = onboardings(organizationId);
    for (ProcessInstance onboarding : onboardings) {
      if (!onboarding.getId().equals(recordingProcessInstanceId)) {
        signal(onboarding.getId(), ProcessConstants.MSG_AGREEMENT_RECORDED, agreementId);
      }
    }
    // Signalled or not, every one of them is still running (a signal moves an onboarding on, it does not end it).
    setLapsedFlag(onboardings, false);
  }

  /** Correlates the message to the instance if it waits for it (no error if not); returns how many waits it ended. */
  private int signal(String processInstanceId, String message, long agreementId) {
    return runtime.createMessageCorrelation(message)
        .processInstanceId(processInstanceId)
        .setVariable(ProcessConstants.VAR_AGREEMENT_ID, agreementId)
        .setVariable(ProcessConstants.VAR_AGREEMENT_CURRENT, true)
        .correlateAllWithResult().size();
  }

  /**
   * The organization's running onboardings, found by their business keys (the tracking ids of its requests, an indexed
   * lookup) rather than by a variable query, which scans the variable of every instance (issue 9: recording an agreement
   * took 340 ms with a few thousand requests).
   */
  private List<ProcessInstance> onboardings(long organizationId) {
    List<ProcessInstance> out = new ArrayList<>();
    for (OnboardingRequest request : requests.findRequestsOfOrganization(organizationId)) {
      out.addAll(instances.active(ProcessConstants.PROCESS_ONBOARDING, request.trackingId()));
    }
    return out;
  }

  @Override
  public void agreementLapsed(long organizationId) {
    setLapsedFlag(onboardings(organizationId), true);
  }

  /** Written only where it changes: usually it already says so, and a write is an update and a history row (issue 9). */
  private void setLapsedFlag(List<ProcessInstance> onboardings, boolean lapsed) {
    for (ProcessInstance p : onboardings) {
      if (!Boolean.valueOf(lapsed).equals(runtime.getVariable(p.getId(), ProcessConstants.VAR_AGREEMENT_LAPSED))) {
        runtime.setVariable(p.getId(), ProcessConstants.VAR_AGREEMENT_LAPSED, lapsed);
      }
    }
  }
}
