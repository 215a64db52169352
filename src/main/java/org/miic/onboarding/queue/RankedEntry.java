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
    List<PriorityFactor> breakdown) {}
