package org.miic.onboarding.quality.process;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.common.LocalTimes;
import org.miic.onboarding.common.ProcessVariables;
import org.miic.onboarding.common.TaskForms;
import org.miic.onboarding.exchange.ExchangeService;
import org.miic.onboarding.messaging.evidence.ReportLinks;
import org.miic.onboarding.quality.QualityFollowUpService;
import org.miic.onboarding.quality.QualityResponse;
import org.miic.onboarding.quality.Scorecard;
import org.miic.onboarding.quality.ScorecardService;
import org.miic.onboarding.quality.ScorecardText;
import org.springframework.stereotype.Component;

/**
 * Fills the step-4 task forms (Review data quality, Follow up on data quality, Resume suspended exchange) when a task
 * is created: the scorecard the review computed, the trend of the monthly scores as a chart, the organization's latest
 * answer, and why the exchange is suspended. Local to the task, so nothing large is kept on the process.
 */
@Component("dataQualityTask")
class DataQualityTaskListener implements TaskListener {

  static final String LOCAL_SCORECARD = "scorecard";
  static final String LOCAL_TREND = "scorecardTrend";
  static final String LOCAL_ANSWER = "organizationAnswer";
  static final String LOCAL_SUSPENSION = "suspension";

  private final ScorecardService scorecards;
  private final QualityFollowUpService followUps;
  private final ExchangeService exchanges;
  private final ReportLinks reports;
  private final TaskForms forms;

  DataQualityTaskListener(ScorecardService scorecards, QualityFollowUpService followUps, ExchangeService exchanges, ReportLinks reports,
      TaskForms forms) {
    this.forms = forms;
    this.scorecards = scorecards;
    this.followUps = followUps;
    this.exchanges = exchanges;
    this.reports = reports;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      Object notes = task.getVariable(ProcessConstants.VAR_FOLLOW_UP_NOTES);
      if (ProcessConstants.TASK_FOLLOW_UP_DATA_QUALITY.equals(task.getTaskDefinitionKey()) && notes != null && !notes.toString().isBlank()
          && !ProcessConstants.FOLLOW_UP_RESOLVED.equals(task.getVariable(ProcessConstants.VAR_FOLLOW_UP_OUTCOME))) {
        // What the emails (ask again, suspension) and the end of the exchange quote.
        task.getExecution().setVariable(ProcessConstants.VAR_DATA_QUALITY_ISSUES, notes.toString().strip());
      }
      // A new round of follow-up starts with no answer yet: the answer of an earlier round is not this round's.
      if (ProcessConstants.DATA_QUALITY_ISSUES.equals(task.getVariable(ProcessConstants.VAR_DATA_QUALITY_OUTCOME))
          && ProcessConstants.TASK_REVIEW_DATA_QUALITY.equals(task.getTaskDefinitionKey())
          || ProcessConstants.FOLLOW_UP_ISSUES.equals(task.getVariable(ProcessConstants.VAR_FOLLOW_UP_OUTCOME))
          && ProcessConstants.TASK_FOLLOW_UP_DATA_QUALITY.equals(task.getTaskDefinitionKey())) {
        task.getExecution().removeVariable(FollowUpProcessAdapter.VAR_RESPONSE_ID);
      }
      return;
    }
    long requestId = ProcessVariables.requestId(task);
    // A new follow-up decision starts with an empty box: last round's notes were sent already.
    task.getExecution().removeVariable(ProcessConstants.VAR_FOLLOW_UP_NOTES);
    Object id = task.getVariable(ProcessConstants.VAR_SCORECARD_ID);
    Optional<Scorecard> scorecard = id instanceof Number n ? scorecards.find(n.longValue()) : Optional.empty();
    task.setVariableLocal(LOCAL_SCORECARD, scorecard.map(s -> ScorecardText.markdown(s, scorecards.thresholds()))
        .orElse("No scorecard was computed yet."));
    String report = reports.link(requestId);
    task.setVariableLocal(LOCAL_TREND, "![Data-quality score by month](" + report + "/trend.svg)\n\nThe scores of the last 12 months "
        + "(the dashed line is MIIC's minimum of " + scorecards.thresholds().minScore() + "); every message is in the "
        + "[organization's report](" + report + "?tab=production).");
    // The answer and the suspension only where the task's form shows them (not on the review of a new scorecard).
    if (forms.shows(task, LOCAL_ANSWER)) {
      Object responseId = task.getVariable(FollowUpProcessAdapter.VAR_RESPONSE_ID);
      Optional<QualityResponse> answer = responseId instanceof Number n ? followUps.find(n.longValue()) : Optional.empty();
      task.setVariableLocal(LOCAL_ANSWER, answer.map(a -> "**" + ScorecardText.escapeMarkdown(a.answeredBy()) + "** answered on "
          + LocalTimes.format(a.receivedAt()) + ":\n\n> " + ScorecardText.escapeMarkdown(a.text()).replace("\n", "\n> "))
          .orElse("No answer from the organization to this follow-up: the first notice and the second went unanswered, and the "
              + "scorecard computed since is still below a threshold."));
    }
    if (forms.shows(task, LOCAL_SUSPENSION)) {
      task.setVariableLocal(LOCAL_SUSPENSION, String.join("\n\n", exchanges.suspensionReasons(requestId)));
    }
  }
}
