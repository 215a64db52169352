package org.miic.onboarding.quality;

import java.time.Instant;

/** What an organization answered to a data-quality follow-up: who, what was changed or planned, and when. */
public record QualityResponse(long id, long requestId, String answeredBy, String text, Instant receivedAt) {}
