package org.miic.onboarding.notification;

import java.util.Set;

/**
 * Every organization-facing email. The body is {@code templates/email/<file>.txt} (Thymeleaf text); the subject is a
 * Thymeleaf text expression too. Recipients are named by role and resolved from the current worksheet or agreement.
 */
public enum EmailTemplate {
  WORKSHEET_RECEIVED("worksheet-received", "MIIC data exchange: worksheet received for [(${organizationName})]", Role.PRIMARY),
  MISSING_INFORMATION("missing-information", "MIIC data exchange: information missing from your worksheet", Role.PRIMARY, Role.TECHNICAL),
  MISSING_INFORMATION_REMINDER("missing-information-reminder", "Reminder: MIIC is waiting for your corrected worksheet", Role.PRIMARY, Role.TECHNICAL),
  WORKSHEET_WITHDRAWN("worksheet-withdrawn", "MIIC data exchange: request withdrawn for [(${organizationName})]", Role.PRIMARY, Role.TECHNICAL),
  AGREEMENT_REQUEST("agreement-request", "MIIC User Agreement needed for [(${organizationName})]", Role.REPRESENTATIVE),
  AGREEMENT_REMINDER("agreement-reminder", "Reminder: MIIC User Agreement needed for [(${organizationName})]", Role.REPRESENTATIVE),
  QUEUED("queued", "MIIC data exchange: [(${organizationName})] is in the onboarding queue", Role.PRIMARY),
  INVITATION("invitation", "Invitation: start onboarding to MIIC data exchange", Role.PRIMARY, Role.TECHNICAL),
  CORRECTIONS_NEEDED("corrections-needed", "MIIC onboarding: corrections needed ([(${correctionPhase})])", Role.TECHNICAL),
  GO_LIVE("go-live", "MIIC data exchange: production go-live on [(${goLiveDate})]", Role.PRIMARY, Role.TECHNICAL),
  DATA_QUALITY_FOLLOW_UP("data-quality-follow-up", "MIIC data quality: please address issues in your submissions", Role.TECHNICAL, Role.PRIMARY),
  AGREEMENT_EXPIRY_REMINDER("agreement-expiry-reminder", "MIIC User Agreement expires on [(${expiresOn})]", Role.REPRESENTATIVE),
  AGREEMENT_LAPSED("agreement-lapsed", "MIIC User Agreement expired for [(${organizationName})]", Role.REPRESENTATIVE),
  AGREEMENT_GRACE_WARNING("agreement-grace-warning", "MIIC production exchange of [(${organizationName})] will be suspended on [(${graceEndsOn})]",
      Role.REPRESENTATIVE, Role.PRIMARY),
  SCORECARD("scorecard", "MIIC data quality: scorecard of [(${organizationName})] for [(${periodLabel})]", Role.TECHNICAL, Role.PRIMARY),
  DATA_QUALITY_SECOND_NOTICE("data-quality-second-notice", "Second notice: MIIC data-quality issues in the submissions of [(${organizationName})]",
      Role.TECHNICAL, Role.PRIMARY),
  DATA_QUALITY_RESOLVED("data-quality-resolved", "MIIC data quality: the issues are resolved", Role.TECHNICAL, Role.PRIMARY),
  EXCHANGE_SUSPENDED("exchange-suspended", "MIIC production exchange of [(${organizationName})] suspended", Role.TECHNICAL, Role.PRIMARY,
      Role.REPRESENTATIVE),
  EXCHANGE_RESUMED("exchange-resumed", "MIIC production exchange of [(${organizationName})] resumed", Role.TECHNICAL, Role.PRIMARY,
      Role.REPRESENTATIVE),
  CHANGE_LIVE("change-live", "MIIC data exchange: your change is live on [(${goLiveDate})]", Role.PRIMARY, Role.TECHNICAL);

  /** Who receives an email. */
  public enum Role {
    PRIMARY,
    TECHNICAL,
    REPRESENTATIVE
  }

  private final String file;
  private final String subject;
  private final Set<Role> recipients;

  EmailTemplate(String file, String subject, Role first, Role... more) {
    this.file = file;
    this.subject = subject;
    this.recipients = java.util.EnumSet.of(first, more);
  }

  public String file() {
    return file;
  }

  public String subject() {
    return subject;
  }

  public Set<Role> recipients() {
    return recipients;
  }
}
