package org.miic.onboarding.onboarding.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.common.ProcessVariables;
import org.miic.onboarding.onboarding.OnboardingService;
import org.springframework.stereotype.Component;

/** "Record end of exchange": when and why staff ended the organization's data exchange; its credentials stop working. */
@Component("recordExchangeEnded")
class RecordExchangeEndedDelegate implements JavaDelegate {

  private final OnboardingService onboarding;
  private final org.miic.onboarding.messaging.transport.CredentialService credentials;

  RecordExchangeEndedDelegate(OnboardingService onboarding, org.miic.onboarding.messaging.transport.CredentialService credentials) {
    this.onboarding = onboarding;
    this.credentials = credentials;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object reason = execution.getVariable(ProcessConstants.VAR_EXCHANGE_END_REASON);
    if (reason == null) {
      reason = execution.getVariable(ProcessConstants.VAR_DATA_QUALITY_ISSUES);
    }
    onboarding.exchangeEnded(ProcessVariables.requestId(execution),
        reason == null ? "Ended by MIIC staff" : reason.toString().length() > 1000 ? reason.toString().substring(0, 999) + "…"
            : reason.toString());
    // An ended exchange takes no more messages, test or production.
    credentials.revokeAll(ProcessVariables.requestId(execution));
  }
}
