package org.miic.onboarding.messaging.validation;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code miic.messaging.*}: severities per rule (by code, e.g. {@code severity.CNT-014: ERROR}), the largest message
 * accepted, and after how many days an administered dose counts as reported late.
 */
@ConfigurationProperties("miic.messaging")
public record ValidationProperties(Map<String, Severity> severity, int maxMessageBytes, int lateReportingDays) {

  public ValidationProperties {
    severity = severity == null ? Map.of() : Map.copyOf(severity);
    if (maxMessageBytes <= 0) {
      maxMessageBytes = 1_000_000;
    }
    if (lateReportingDays <= 0) {
      lateReportingDays = 30;
    }
  }

  public static ValidationProperties defaults() {
    return new ValidationProperties(Map.of(), 0, 0);
  }

  public Severity severityOf(Rule rule) {
    return rule.rejectsMessage() ? Severity.ERROR : severity.getOrDefault(rule.code(), rule.defaultSeverity());
  }
}
