package org.miic.onboarding.worksheet.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.common.ProcessVariables;
import org.miic.onboarding.worksheet.WorksheetService;
import org.springframework.stereotype.Component;

/** "Check worksheet completeness": stores the findings for the current version; the process keeps their count. */
@Component("checkWorksheetCompleteness")
class CheckCompletenessDelegate implements JavaDelegate {

  private final WorksheetService worksheets;

  CheckCompletenessDelegate(WorksheetService worksheets) {
    this.worksheets = worksheets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long requestId = ProcessVariables.requestId(execution);
    int count = worksheets.checkCompleteness(requestId).size();
    execution.setVariable(ProcessConstants.VAR_COMPLETENESS_FINDING_COUNT, count);
  }
}
