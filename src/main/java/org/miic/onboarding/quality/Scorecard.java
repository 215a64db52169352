package org.miic.onboarding.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An organization's data-quality scorecard for one period, computed in plain Java from sums over its production
 * messages ({@link Inputs}). The score (0-100) adds five parts, each a share times its weight:
 * <ul>
 *   <li>acceptance, 30: accepted messages (AA) count fully, accepted with errors (AE) half, rejected (AR) nothing;</li>
 *   <li>validity, 20: the share of messages without an error finding;</li>
 *   <li>completeness, 20: required and expected fields filled out of those expected ({@link MessageMeasures#COMPLETENESS});</li>
 *   <li>timeliness, 20: the share of messages reporting a new dose within the late-reporting limit;</li>
 *   <li>volume, 10: administered doses against what the worksheet declared for the period, up to 1.</li>
 * </ul>
 * A part without data (no administered dose to time, no declared volume) is left out and the others are scaled to 100.
 * A period without messages scores 0 and breaks one threshold, silence. The band follows DQA's grades ({@link ScoreBand}).
 */
public record Scorecard(
    Period period,
    Inputs inputs,
    int score,
    ScoreBand band,
    Double acceptanceShare,
    Double acceptedShare,
    Double acceptedWithErrorsShare,
    Double rejectedShare,
    Double validityShare,
    Double completenessShare,
    Double timelyShare,
    Integer medianDelayDays,
    Integer expectedDoses,
    Double volumeRatio,
    Double volumeDrop,
    List<Breach> breaches) {

  /** The sums a scorecard is computed from. */
  public record Inputs(
      int messages,
      int accepted,
      int acceptedWithErrors,
      int rejected,
      int errorFree,
      long expectedFields,
      long presentFields,
      long administeredDoses,
      /** Messages reporting a newly administered dose (whose delay is known). */
      int timedMessages,
      /** Of those, the ones that arrived within the late-reporting limit. */
      int timelyMessages,
      /** The median days from administration to receipt over the timed messages; null without any. */
      Integer medianDelayDays,
      /** Immunizations per year the worksheet declared; null or 0 when unknown. */
      Integer declaredPerYear,
      /** Administered doses of the period before, for the volume drop; null without one. */
      Long previousDoses,
      /** Days since the latest production message of any period; null when none ever arrived. */
      Integer daysSinceLast,
      List<TopFinding> topFindings) {

    public Inputs {
      topFindings = List.copyOf(topFindings);
      if (timelyMessages > timedMessages) {
        throw new IllegalArgumentException(timelyMessages + " timely of " + timedMessages + " timed messages");
      }
    }
  }

  /** One of the most frequent findings of the period. */
  public record TopFinding(String rule, String label, int count) {}

  /** Which threshold a scorecard is below, and the sentence that says so. */
  public record Breach(Kind kind, String text) {
    public enum Kind {
      SCORE,
      ACCEPTANCE,
      VOLUME_DROP,
      SILENCE
    }
  }

  public static final int ACCEPTANCE_WEIGHT = 30;
  public static final int VALIDITY_WEIGHT = 20;
  public static final int COMPLETENESS_WEIGHT = 20;
  public static final int TIMELINESS_WEIGHT = 20;
  public static final int VOLUME_WEIGHT = 10;

  public static Scorecard compute(Period period, Inputs in, QualityThresholds thresholds) {
    int n = in.messages();
    Double accepted = share(in.accepted(), n);
    Double withErrors = share(in.acceptedWithErrors(), n);
    Double rejected = share(in.rejected(), n);
    Double acceptance = share(in.accepted() + in.acceptedWithErrors(), n);
    Double validity = share(in.errorFree(), n);
    Double completeness = in.expectedFields() == 0 ? null : (double) in.presentFields() / in.expectedFields();
    Double timelyShare = share(in.timelyMessages(), in.timedMessages());
    Integer median = in.medianDelayDays();
    Integer expectedDoses = in.declaredPerYear() == null || in.declaredPerYear() <= 0 ? null
        : (int) Math.round(in.declaredPerYear() * period.days() / 365.0);
    Double volumeRatio = expectedDoses == null || expectedDoses == 0 ? null : (double) in.administeredDoses() / expectedDoses;

    int score = 0;
    if (n > 0) {
      double points = 0;
      double available = 0;
      points += ACCEPTANCE_WEIGHT * (accepted + withErrors / 2);
      available += ACCEPTANCE_WEIGHT;
      points += VALIDITY_WEIGHT * validity;
      available += VALIDITY_WEIGHT;
      if (completeness != null) {
        points += COMPLETENESS_WEIGHT * completeness;
        available += COMPLETENESS_WEIGHT;
      }
      if (timelyShare != null) {
        points += TIMELINESS_WEIGHT * timelyShare;
        available += TIMELINESS_WEIGHT;
      }
      if (volumeRatio != null) {
        points += VOLUME_WEIGHT * Math.min(1.0, volumeRatio);
        available += VOLUME_WEIGHT;
      }
      score = (int) Math.round(100 * points / available);
    }
    ScoreBand band = ScoreBand.of(score);

    Long reference = in.previousDoses() != null && in.previousDoses() > 0 ? in.previousDoses()
        : expectedDoses != null && expectedDoses > 0 ? Long.valueOf(expectedDoses) : null;
    Double drop = reference == null ? null : Math.max(0, 1 - (double) in.administeredDoses() / reference);

    List<Breach> breaches = new ArrayList<>();
    if (n == 0) {
      // One cause, one sentence: nothing arrived (not also a score of 0 and a volume drop of 100%).
      breaches.add(new Breach(Breach.Kind.SILENCE, "No production message arrived in " + period.label() + (in.daysSinceLast() == null
          ? "; none has arrived yet." : "; the latest arrived " + in.daysSinceLast() + " days before its end.")));
      return new Scorecard(period, in, score, band, acceptance, accepted, withErrors, rejected, validity, completeness, timelyShare,
          median, expectedDoses, volumeRatio, drop, List.copyOf(breaches));
    }
    if (score < thresholds.minScore()) {
      breaches.add(new Breach(Breach.Kind.SCORE, "The score is " + score + " (" + band + ", "
          + band.label().toLowerCase(java.util.Locale.ROOT) + "), below " + thresholds.minScore() + "."));
    }
    if (acceptance != null && acceptance < thresholds.minAcceptance()) {
      breaches.add(new Breach(Breach.Kind.ACCEPTANCE, percent(acceptance) + " of messages were accepted (AA or AE), below "
          + percent(thresholds.minAcceptance()) + "; " + in.rejected() + " of " + n + " were rejected (AR)."));
    }
    if (drop != null && drop > thresholds.maxVolumeDrop()) {
      String against = in.previousDoses() != null && in.previousDoses() > 0 ? in.previousDoses() + " in the period before"
          : "the " + expectedDoses + " the worksheet's " + in.declaredPerYear() + " immunizations a year suggest";
      breaches.add(new Breach(Breach.Kind.VOLUME_DROP, in.administeredDoses() + " administered doses were reported, "
          + percent(drop) + " fewer than " + against + " (the limit is a drop of " + percent(thresholds.maxVolumeDrop()) + ")."));
    }
    if (in.daysSinceLast() == null || in.daysSinceLast() > thresholds.maxSilenceDays()) {
      breaches.add(new Breach(Breach.Kind.SILENCE, in.daysSinceLast() == null ? "No production message has arrived yet."
          : "The latest production message arrived " + in.daysSinceLast() + " days ago (the limit is " + thresholds.maxSilenceDays()
              + " days)."));
    }
    return new Scorecard(period, in, score, band, acceptance, accepted, withErrors, rejected, validity, completeness, timelyShare,
        median, expectedDoses, volumeRatio, drop, List.copyOf(breaches));
  }

  public boolean withinThresholds() {
    return breaches.isEmpty();
  }

  /** The median of a histogram (value → count): the lower middle value for an even count; null when empty. */
  public static Integer median(Map<Integer, Integer> histogram) {
    int total = histogram.values().stream().mapToInt(Integer::intValue).sum();
    if (total == 0) {
      return null;
    }
    int middle = (total + 1) / 2;
    int seen = 0;
    for (Map.Entry<Integer, Integer> e : new TreeMap<>(histogram).entrySet()) {
      seen += e.getValue();
      if (seen >= middle) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private static Double share(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  /** "93%", "89.6%": one decimal unless the share is a whole percent, so that 89.6% never reads as the 90% it is below. */
  public static String percent(Double share) {
    if (share == null) {
      return "–";
    }
    double p = Math.round(share * 1000) / 10.0;
    return p == Math.rint(p) ? (long) p + "%" : String.format(java.util.Locale.US, "%.1f%%", p);
  }
}
