package org.miic.onboarding.agreement.process;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.agreement.AgreementProcessPort;
import org.miic.onboarding.common.ProcessInstances;
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

  AgreementProcessAdapter(RuntimeService runtime, ProcessInstances instances) {
    this.runtime = runtime;
    this.instances = instances;
  }

  static String renewalKey(long organizationId) {
    return String.valueOf(organizationId);
  }

  @Override
  public void agreementRecorded(long organizationId, long agreementId) {
    ProcessInstance renewal = runtime.createProcessInstanceQuery()
        .processDefinitionKey(ProcessConstants.PROCESS_AGREEMENT_RENEWAL)
        .processInstanceBusinessKey(renewalKey(organizationId))
        .active().list().stream().findFirst().orElse(null);
    if (renewal == null) {
      runtime.createProcessInstanceByKey(ProcessConstants.PROCESS_AGREEMENT_RENEWAL)
          .businessKey(renewalKey(organizationId))
          .setVariables(Variables.createVariables()
              .putValue(ProcessConstants.VAR_ORGANIZATION_ID, organizationId)
              .putValue(ProcessConstants.VAR_AGREEMENT_ID, agreementId))
          .execute();
    } else if (instances.waitsForMessage(renewal.getId(), ProcessConstants.MSG_AGREEMENT_RENEWED)) {
      runtime.createMessageCorrelation(ProcessConstants.MSG_AGREEMENT_RENEWED)
          .processInstanceId(renewal.getId())
          .setVariable(ProcessConstants.VAR_AGREEMENT_ID, agreementId)
          .correlateWithResult();
    } else {
      // The renewal process itself is recording this agreement (staff renewed it in the "Agreement lapsed" task).
      runtime.setVariable(renewal.getId(), ProcessConstants.VAR_AGREEMENT_ID, agreementId);
    }
    runtime.createMessageCorrelation(ProcessConstants.MSG_AGREEMENT_RECORDED)
        .processInstanceVariableEquals(ProcessConstants.VAR_ORGANIZATION_ID, organizationId)
        .setVariable(ProcessConstants.VAR_AGREEMENT_ID, agreementId)
        .correlateAllWithResult();
    setLapsedFlag(organizationId, false);
  }

  @Override
  public void agreementLapsed(long organizationId) {
    setLapsedFlag(organizationId, true);
  }

  private void setLapsedFlag(long organizationId, boolean lapsed) {
    runtime.createProcessInstanceQuery()
        .processDefinitionKey(ProcessConstants.PROCESS_ONBOARDING)
        .variableValueEquals(ProcessConstants.VAR_ORGANIZATION_ID, organizationId)
        .active()
        .list()
        .forEach(p -> runtime.setVariable(p.getId(), ProcessConstants.VAR_AGREEMENT_LAPSED, lapsed));
  }
}
