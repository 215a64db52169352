package org.miic.onboarding.quality;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Step 4's periodic data-quality review. The BPMN timer reads {@code ${dataQualitySettings.reviewCycle}}: an ISO 8601
 * repeating interval (default {@code R/P1M}, monthly) or a cron expression, set by {@code miic.quality.review-cycle}.
 */
@Component("dataQualitySettings")
public class DataQualitySettings {

  private final String reviewCycle;

  public DataQualitySettings(@Value("${miic.quality.review-cycle:R/P1M}") String reviewCycle) {
    this.reviewCycle = reviewCycle;
  }

  public String getReviewCycle() {
    return reviewCycle;
  }
}
