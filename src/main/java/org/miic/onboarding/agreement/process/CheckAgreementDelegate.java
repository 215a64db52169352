package org.miic.onboarding.agreement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.common.ProcessVariables;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.agreement.UserAgreement;
import org.springframework.stereotype.Component;

/** "Check MIIC User Agreement": is a current agreement on file for the organization? */
@Component("checkUserAgreement")
class CheckAgreementDelegate implements JavaDelegate {

  private final AgreementService agreements;

  CheckAgreementDelegate(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long organizationId = ProcessVariables.organizationId(execution);
    UserAgreement current = agreements.current(organizationId).orElse(null);
    ProcessVariables.setIfChanged(execution, ProcessConstants.VAR_AGREEMENT_CURRENT, current != null);
    ProcessVariables.setIfChanged(execution, ProcessConstants.VAR_AGREEMENT_ID, current == null ? null : current.id());
  }
}
