package org.miic.onboarding.exchange.process;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.common.ProcessVariables;
import org.miic.onboarding.exchange.ExchangeService;
import org.miic.onboarding.exchange.Suspension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of a production exchange: suspending and resuming it for data quality (step 4), suspending and
 * resuming an organization's exchanges for a lapsed agreement (renewal process), and recording a change at go-live.
 */
@Configuration
class ExchangeDelegates {

  /** "Suspend production credentials": a staff decision after unanswered data-quality follow-ups. */
  @Bean("suspendExchange")
  JavaDelegate suspendExchange(ExchangeService exchanges) {
    return execution -> exchanges.suspend(ProcessVariables.requestId(execution), Suspension.Reason.DATA_QUALITY,
        text(execution.getVariable(ProcessConstants.VAR_DATA_QUALITY_ISSUES)), lastUser(execution));
  }

  /** "Lift the suspension": staff resume the exchange. */
  @Bean("resumeExchange")
  JavaDelegate resumeExchange(ExchangeService exchanges) {
    return execution -> exchanges.resume(ProcessVariables.requestId(execution), Suspension.Reason.DATA_QUALITY, lastUser(execution));
  }

  /** "Record the change on the current exchange": the change goes live on the exchange it changes. */
  @Bean("recordChange")
  JavaDelegate recordChange(ExchangeService exchanges, org.miic.onboarding.onboarding.OnboardingService onboarding) {
    return execution -> {
      long requestId = ProcessVariables.requestId(execution);
      Object goLive = execution.getVariable(ProcessConstants.VAR_GO_LIVE_AT);
      exchanges.recordChange(requestId, phases(execution), goLive instanceof Date d ? d.toInstant() : java.time.Instant.now());
      // The change request's onboarding slot goes to the next in the queue, as at a go-live.
      onboarding.goLive(requestId);
    };
  }

  /** "Suspend production exchanges": the grace period of a lapsed agreement is over. */
  @Bean("suspendForLapsedAgreement")
  JavaDelegate suspendForLapsedAgreement(ExchangeService exchanges) {
    return execution -> execution.setVariable(ProcessConstants.VAR_EXCHANGE_SUSPENDED,
        exchanges.suspendForLapsedAgreement(ProcessVariables.organizationId(execution)) > 0);
  }

  /** "Resume exchanges suspended for the agreement": a renewal was recorded. */
  @Bean("liftAgreementSuspension")
  JavaDelegate liftAgreementSuspension(ExchangeService exchanges) {
    return execution -> execution.setVariable(ProcessConstants.VAR_EXCHANGE_RESUMED,
        exchanges.resumeAfterRenewal(ProcessVariables.organizationId(execution)) > 0);
  }

  private static String phases(DelegateExecution execution) {
    StringBuilder out = new StringBuilder();
    for (String[] p : new String[][] {{ProcessConstants.VAR_TEST_TRANSPORT, "TRANSPORT"}, {ProcessConstants.VAR_TEST_FORMAT, "FORMAT"},
        {ProcessConstants.VAR_TEST_CONTENT, "CONTENT"}, {ProcessConstants.VAR_TEST_QUERY, "QUERY"}}) {
      if (Boolean.TRUE.equals(execution.getVariable(p[0]))) {
        out.append(out.isEmpty() ? "" : ",").append(p[1]);
      }
    }
    return out.toString();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** Who acted last (the staff member who completed the decision task), or "MIIC" for the engine itself. */
  private static String lastUser(DelegateExecution execution) {
    Authentication who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return who != null && who.getUserId() != null ? who.getUserId() : "MIIC";
  }
}
