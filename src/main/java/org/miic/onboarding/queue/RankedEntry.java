package org.miic.onboarding.queue;

import java.time.Instant;
import java.util.List;

/** A waiting entry as staff see it in GET /api/queue: its position, its score and the reasons for that score. */
public record RankedEntry(
    int position,
    String trackingId,
    long organizationId,
    String organizationName,
    int score,
    Instant enteredAt,
    List<PriorityFactor> breakdown) {

  /** The points of one factor (the sum of its lines: staff adjustments can be several). */
  public int points(String factor) {
    return breakdown.stream().filter(f -> f.factor().equals(factor)).mapToInt(PriorityFactor::points).sum();
  }

  /** Why the factor scores what it scores. */
  public String reasons(String factor) {
    return String.join("; ", breakdown.stream().filter(f -> f.factor().equals(factor)).map(PriorityFactor::reason).toList());
  }
}
