package org.miic.onboarding.quality;

/**
 * When a production exchange needs staff: a scorecard below any of these sends it to <em>Review data quality</em>
 * instead of a plain scorecard email. Set under {@code miic.quality.thresholds}.
 *
 * @param minScore the lowest acceptable score (0-100)
 * @param minAcceptance the lowest acceptable share of messages not rejected (AA or AE), 0-1
 * @param maxVolumeDrop the largest acceptable drop of administered doses against the period before (or, without one,
 *     against what the worksheet declared), 0-1
 * @param maxSilenceDays the most days without any production message
 * @param lateReportingDays a dose reported more days after administration than this is late (timeliness)
 */
public record QualityThresholds(int minScore, double minAcceptance, double maxVolumeDrop, int maxSilenceDays, int lateReportingDays) {

  public static final QualityThresholds DEFAULTS = new QualityThresholds(70, 0.90, 0.50, 14, 30);

  public QualityThresholds {
    if (minScore < 0 || minScore > 100) {
      throw new IllegalArgumentException("miic.quality.thresholds.min-score must be 0 to 100, not " + minScore);
    }
    if (minAcceptance < 0 || minAcceptance > 1) {
      throw new IllegalArgumentException("miic.quality.thresholds.min-acceptance must be a share from 0 to 1, not " + minAcceptance);
    }
    if (maxVolumeDrop <= 0 || maxVolumeDrop > 1) {
      throw new IllegalArgumentException("miic.quality.thresholds.max-volume-drop must be a share above 0 and at most 1, not "
          + maxVolumeDrop);
    }
    if (maxSilenceDays < 1) {
      throw new IllegalArgumentException("miic.quality.thresholds.max-silence-days must be at least 1, not " + maxSilenceDays);
    }
    if (lateReportingDays < 0) {
      throw new IllegalArgumentException("miic.messaging.late-reporting-days must not be negative, not " + lateReportingDays);
    }
  }
}
