package org.miic.onboarding.messaging.transport.process;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.miic.onboarding.common.ProcessVariables;
import org.miic.onboarding.messaging.transport.CredentialService;
import org.miic.onboarding.messaging.transport.ExchangeCredential;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Issue test credentials" (at queue entry, so organizations can pre-test while they wait; the invitation repeats the
 * link while it is unused) and "Issue production credentials" (at go-live). Issuing twice returns the same credentials.
 */
@Configuration
class IssueCredentialsDelegates {

  @Bean("issueTestCredentials")
  JavaDelegate issueTestCredentials(CredentialService credentials) {
    return execution -> credentials.issue(ProcessVariables.requestId(execution),
        ExchangeCredential.Environment.TEST);
  }

  @Bean("issueProductionCredentials")
  JavaDelegate issueProductionCredentials(CredentialService credentials) {
    return execution -> credentials.issue(ProcessVariables.requestId(execution),
        ExchangeCredential.Environment.PRODUCTION);
  }
}
