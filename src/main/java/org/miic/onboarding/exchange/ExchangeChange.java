package org.miic.onboarding.exchange;

import java.time.Instant;

/** A change, enhancement or query capability that went live on a current production exchange. */
public record ExchangeChange(long id, long exchangeId, long changeRequestId, String changeTrackingId, String requestType, String phases,
    Instant liveAt, Instant recordedAt) {}
