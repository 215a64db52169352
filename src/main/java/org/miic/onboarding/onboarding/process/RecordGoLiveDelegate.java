package org.miic.onboarding.onboarding.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.miic.onboarding.common.ProcessVariables;
import org.miic.onboarding.onboarding.OnboardingService;
import org.springframework.stereotype.Component;

/** "Record production go-live": the organization is in production; its onboarding slot goes to the next in the queue. */
@Component("recordGoLive")
class RecordGoLiveDelegate implements JavaDelegate {

  private final OnboardingService onboarding;

  RecordGoLiveDelegate(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    onboarding.goLive(ProcessVariables.requestId(execution));
  }
}
