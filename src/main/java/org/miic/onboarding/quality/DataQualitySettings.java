package org.miic.onboarding.quality;

import java.time.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The timers of step 4's monitoring, read by the BPMN as {@code ${dataQualitySettings.*}}: ISO 8601 durations, checked at
 * start-up. {@code miic.quality.review-interval} (default P1M: the scorecard of the month before, computed monthly),
 * {@code .follow-up-period} (P30D: how long the organization has to answer a data-quality follow-up) and
 * {@code .second-notice-period} (P14D: after the second notice, before staff decide on suspension).
 */
@Component("dataQualitySettings")
public class DataQualitySettings {

  private final String reviewInterval;
  private final String followUpPeriod;
  private final String secondNoticePeriod;

  public DataQualitySettings(@Value("${miic.quality.review-interval:P1M}") String reviewInterval,
      @Value("${miic.quality.follow-up-period:P30D}") String followUpPeriod,
      @Value("${miic.quality.second-notice-period:P14D}") String secondNoticePeriod) {
    this.reviewInterval = check("miic.quality.review-interval", reviewInterval);
    this.followUpPeriod = check("miic.quality.follow-up-period", followUpPeriod);
    this.secondNoticePeriod = check("miic.quality.second-notice-period", secondNoticePeriod);
  }

  private static String check(String property, String value) {
    try {
      if (value.contains("T")) {
        java.time.Duration.parse(value);
      } else {
        Period.parse(value);
      }
      return value;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(property + " must be an ISO 8601 duration such as P1M or P30D, not '" + value + "'");
    }
  }

  /** "30 days", "2 weeks", "1 month", "3 minutes": a duration of these settings in words, for the emails. */
  public static String inWords(String iso) {
    if (iso.contains("T")) {
      java.time.Duration d = java.time.Duration.parse(iso);
      long minutes = d.toMinutes();
      return minutes % 60 == 0 ? plural(minutes / 60, "hour") : plural(minutes, "minute");
    }
    Period p = Period.parse(iso);
    if (p.getYears() == 0 && p.getMonths() == 0) {
      return p.getDays() % 7 == 0 && p.getDays() > 0 && p.getDays() != 14 && p.getDays() != 28 ? plural(p.getDays() / 7, "week")
          : plural(p.getDays(), "day");
    }
    return p.getYears() > 0 ? plural(p.getYears() * 12L + p.getMonths(), "month") : plural(p.getMonths(), "month");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }

  public String followUpPeriodInWords() {
    return inWords(followUpPeriod);
  }

  public String secondNoticePeriodInWords() {
    return inWords(secondNoticePeriod);
  }

  /**
   * For process instances still on a model of before the monthly loop (its step-4 timer was a repeating cycle read from
   * here): the same interval, repeating.
   */
  @Deprecated
  public String getReviewCycle() {
    return "R/" + reviewInterval;
  }

  public String getReviewInterval() {
    return reviewInterval;
  }

  public String getFollowUpPeriod() {
    return followUpPeriod;
  }

  public String getSecondNoticePeriod() {
    return secondNoticePeriod;
  }
}
