package org.miic.onboarding.onboarding.process;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.onboarding.OnboardingService;
import org.springframework.stereotype.Component;

/**
 * "Coordinate go-live date" on completion: the date must be today or later; it becomes the go-live timer's date. A
 * query / bi-directional request needs its Z34 and Z44 queries answered (checked here too, not only in query testing).
 */
@Component("goLiveDateListener")
class GoLiveDateListener implements TaskListener {

  private final OnboardingService onboarding;
  private final org.miic.onboarding.worksheet.WorksheetService worksheets;
  private final org.miic.onboarding.onboarding.TestEvidenceProvider evidence;

  GoLiveDateListener(OnboardingService onboarding, org.miic.onboarding.worksheet.WorksheetService worksheets,
      org.miic.onboarding.onboarding.TestEvidenceProvider evidence) {
    this.onboarding = onboarding;
    this.worksheets = worksheets;
    this.evidence = evidence;
  }

  @Override
  public void notify(DelegateTask task) {
    LocalDate date;
    try {
      date = onboarding.validGoLiveDate(task.getVariable(ProcessConstants.VAR_GO_LIVE_DATE));
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException(e.getMessage(), e);
    }
    long requestId = org.miic.onboarding.common.ProcessVariables.requestId(task);
    // A query / bi-directional exchange goes live only with its queries answered, whatever the process variables say.
    if (worksheets.currentWorksheet(requestId).requestType() == org.miic.onboarding.worksheet.WorksheetOptions.RequestType.QUERY_BIDIRECTIONAL) {
      java.util.List<String> missing = evidence.missingQueryScenarios(requestId);
      if (!missing.isEmpty()) {
        throw new ProcessEngineException("A query / bi-directional exchange goes live only once its queries work: no test message "
            + "shows " + String.join(" or ", missing) + ".");
      }
    }
    task.getExecution().setVariable(ProcessConstants.VAR_GO_LIVE_DATE, date.toString());
    task.getExecution().setVariable(ProcessConstants.VAR_GO_LIVE_AT, Date.from(onboarding.startOfDay(date)));
  }
}
