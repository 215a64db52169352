package org.miic.onboarding.agreement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.common.ProcessVariables;
import org.miic.onboarding.agreement.AgreementService;
import org.springframework.stereotype.Component;

/** "Flag agreement lapsed": marks the agreement and flags the organization's running onboardings. */
@Component("flagAgreementLapsed")
class FlagAgreementLapsedDelegate implements JavaDelegate {

  private final AgreementService agreements;

  FlagAgreementLapsedDelegate(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long organizationId = ProcessVariables.organizationId(execution);
    boolean lapsed = agreements.lapse(organizationId);
    execution.setVariable(ProcessConstants.VAR_AGREEMENT_LAPSED, lapsed);
  }
}
