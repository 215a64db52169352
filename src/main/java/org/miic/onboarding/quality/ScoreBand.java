package org.miic.onboarding.quality;

/**
 * The bands of a data-quality score, as AIRA's data-quality assessment (DQA) grades them: A from 90, B from 80, C from
 * 70, D from 60, F below.
 */
public enum ScoreBand {
  A(90, "Excellent"),
  B(80, "Good"),
  C(70, "Fair"),
  D(60, "Poor"),
  F(0, "Failing");

  private final int from;
  private final String label;

  ScoreBand(int from, String label) {
    this.from = from;
    this.label = label;
  }

  public static ScoreBand of(int score) {
    for (ScoreBand band : values()) {
      if (score >= band.from) {
        return band;
      }
    }
    return F;
  }

  public int from() {
    return from;
  }

  public String label() {
    return label;
  }
}
