package org.miic.onboarding.onboarding.process;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.onboarding.OnboardingService;
import org.springframework.stereotype.Component;

/** "Coordinate go-live date" on completion: the date must be today or later; it becomes the go-live timer's date. */
@Component("goLiveDateListener")
class GoLiveDateListener implements TaskListener {

  private final OnboardingService onboarding;

  GoLiveDateListener(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  public void notify(DelegateTask task) {
    LocalDate date;
    try {
      date = onboarding.validGoLiveDate(task.getVariable(ProcessConstants.VAR_GO_LIVE_DATE));
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException(e.getMessage(), e);
    }
    task.getExecution().setVariable(ProcessConstants.VAR_GO_LIVE_DATE, date.toString());
    task.getExecution().setVariable(ProcessConstants.VAR_GO_LIVE_AT, Date.from(onboarding.startOfDay(date)));
  }
}
