package org.miic.onboarding.quality.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.common.ProcessVariables;
import org.miic.onboarding.exchange.ExchangeService;
import org.miic.onboarding.quality.ScorecardService;
import org.springframework.stereotype.Component;

/**
 * "Compute data-quality scorecard" and "Compute scorecard again": the scorecard of the month before, stored (the
 * emails, the task and the report quote it), and whether it is within the thresholds. A suspended exchange receives
 * nothing: it is not reviewed.
 */
@Component("computeScorecard")
class ComputeScorecardDelegate implements JavaDelegate {

  private final ScorecardService scorecards;
  private final ExchangeService exchanges;

  ComputeScorecardDelegate(ScorecardService scorecards, ExchangeService exchanges) {
    this.scorecards = scorecards;
    this.exchanges = exchanges;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long requestId = ProcessVariables.requestId(execution);
    ScorecardService.Stored stored = scorecards.review(requestId);
    execution.setVariable(ProcessConstants.VAR_SCORECARD_ID, stored.id());
    execution.setVariable(ProcessConstants.VAR_QUALITY_WITHIN_THRESHOLDS, stored.scorecard().withinThresholds());
    execution.setVariable(ProcessConstants.VAR_EXCHANGE_SUSPENDED, exchanges.suspended(requestId));
  }
}
