package org.miic.onboarding.worksheet;

import java.time.Instant;

/** One organization request: one process instance, known to the organization by its tracking id. */
public record OnboardingRequest(long id, String trackingId, long organizationId, String organizationName, Instant submittedAt) {}
