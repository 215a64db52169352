package org.miic.onboarding.quality;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thresholds of step 4's monitoring, from {@code miic.quality.thresholds.*} and {@code miic.messaging.late-reporting-days}. */
@Configuration
class QualitySettingsConfig {

  @Bean
  QualityThresholds qualityThresholds(
      @Value("${miic.quality.thresholds.min-score:70}") int minScore,
      @Value("${miic.quality.thresholds.min-acceptance:0.90}") double minAcceptance,
      @Value("${miic.quality.thresholds.max-volume-drop:0.50}") double maxVolumeDrop,
      @Value("${miic.quality.thresholds.max-silence-days:14}") int maxSilenceDays,
      @Value("${miic.messaging.late-reporting-days:30}") int lateReportingDays) {
    return new QualityThresholds(minScore, minAcceptance, maxVolumeDrop, maxSilenceDays, lateReportingDays);
  }
}
