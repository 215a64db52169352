package org.miic.onboarding.pipeline;

import java.time.Instant;

/** A decision staff took in a task of a request: who, when, what, with the notes they wrote. */
public record StaffDecision(long requestId, String taskId, String taskKey, String taskName, String outcome, String notes,
    String decidedBy, Instant decidedAt) {}
