package org.miic.onboarding.agreement;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The agreement term and the reminder schedule before expiry ({@code miic.agreement.*}). */
@ConfigurationProperties("miic.agreement")
public record AgreementProperties(int termYears, int firstReminderDaysBeforeExpiry, int secondReminderDaysBeforeExpiry) {

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
  }
}
