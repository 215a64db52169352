package org.miic.onboarding.agreement;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The agreement term, the reminder schedule before expiry and the grace period for production after it ({@code miic.agreement.*}). */
@ConfigurationProperties("miic.agreement")
public record AgreementProperties(int termYears, int firstReminderDaysBeforeExpiry, int secondReminderDaysBeforeExpiry, Integer graceDays,
    Integer graceWarningDaysBefore) {

  public AgreementProperties {
    if (termYears <= 0) {
      termYears = 3;
    }
    if (firstReminderDaysBeforeExpiry <= 0) {
      firstReminderDaysBeforeExpiry = 90;
    }
    if (secondReminderDaysBeforeExpiry <= 0) {
      secondReminderDaysBeforeExpiry = 30;
    }
    // After a lapse, production goes on for the grace period (0: suspended at once), with a warning before it ends.
    if (graceDays == null || graceDays < 0) {
      graceDays = 60;
    }
    if (graceWarningDaysBefore == null || graceWarningDaysBefore < 0) {
      graceWarningDaysBefore = 14;
    }
  }
}
