package org.miic.onboarding.agreement.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.agreement.UserAgreement;
import org.springframework.stereotype.Component;

/**
 * "Schedule renewal reminders": the dates of the two reminders, of expiry and of the end of the grace period for
 * production (with its warning), as timer dates (start of day, Minnesota
 * time). A reminder whose date has already passed when a later one is due too is moved past expiry, so that an
 * agreement recorded late in its term gets one reminder, not two at once.
 */
@Component("scheduleRenewalReminders")
class ScheduleRenewalRemindersDelegate implements JavaDelegate {

  private final AgreementService agreements;
  private final Clock clock;

  ScheduleRenewalRemindersDelegate(AgreementService agreements, Clock clock) {
    this.agreements = agreements;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long agreementId = ((Number) execution.getVariable(ProcessConstants.VAR_AGREEMENT_ID)).longValue();
    UserAgreement agreement = agreements.get(agreementId);
    AgreementService.Schedule schedule = agreements.schedule(agreement);
    LocalDate today = LocalDate.now(clock);
    LocalDate first = schedule.firstReminderOn();
    if (!schedule.secondReminderOn().isAfter(today)) {
      first = schedule.expiresOn().plusDays(1);
    }
    execution.setVariable(ProcessConstants.VAR_FIRST_REMINDER_AT, startOfDay(first));
    execution.setVariable(ProcessConstants.VAR_SECOND_REMINDER_AT, startOfDay(schedule.secondReminderOn()));
    execution.setVariable(ProcessConstants.VAR_AGREEMENT_EXPIRES_AT, startOfDay(schedule.expiresOn()));
    execution.setVariable(ProcessConstants.VAR_GRACE_ENDS_AT, startOfDay(schedule.graceEndsOn()));
    execution.setVariable(ProcessConstants.VAR_GRACE_WARNING_AT, startOfDay(schedule.graceWarningOn()));
    execution.setVariable(ProcessConstants.VAR_AGREEMENT_LAPSED, false);
  }

  private Date startOfDay(LocalDate day) {
    return Date.from(day.atStartOfDay(clock.getZone()).toInstant());
  }
}
