package org.miic.onboarding.exchange.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.miic.onboarding.common.ProcessVariables;
import org.miic.onboarding.exchange.ExchangeService;
import org.springframework.stereotype.Component;

/** For the renewal process's gateways: whether the organization has a production exchange the grace period applies to. */
@Component("agreementExchanges")
public class AgreementExchanges {

  private final ExchangeService exchanges;

  AgreementExchanges(ExchangeService exchanges) {
    this.exchanges = exchanges;
  }

  public boolean inProduction(DelegateExecution execution) {
    return exchanges.inProduction(ProcessVariables.organizationId(execution));
  }
}
