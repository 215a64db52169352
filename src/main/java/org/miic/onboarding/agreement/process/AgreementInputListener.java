package org.miic.onboarding.agreement.process;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.agreement.AgreementService;
import org.springframework.stereotype.Component;

/**
 * Checks the signature staff enter in <em>Record MIIC User Agreement</em> and <em>Agreement lapsed</em> (when they
 * record the renewal) before the task completes, so that a future signing date is refused with a sentence on the
 * form and the task stays open (issue 7, item 4: it came back as HTTP 500).
 */
@Component("agreementInput")
class AgreementInputListener implements TaskListener {

  private final AgreementService agreements;

  AgreementInputListener(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(ProcessConstants.VAR_RENEWAL_DECISION);
    if (decision != null && !"renewed".equals(decision)) {
      return; // "not yet": nothing is recorded
    }
    try {
      agreements.validate(RecordAgreementDelegate.signature(task));
    } catch (AgreementService.InvalidAgreementException | IllegalArgumentException e) {
      throw new ProcessEngineException(e.getMessage(), e);
    }
  }
}
