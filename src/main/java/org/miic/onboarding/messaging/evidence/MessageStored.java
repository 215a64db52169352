package org.miic.onboarding.messaging.evidence;

import org.miic.onboarding.onboarding.TestingPhase;

/**
 * Published (as a Spring event, in the intake's transaction) when a message from an organization was stored: what
 * depends on a request's messages (open task forms, queue readiness) catches up.
 */
public record MessageStored(long requestId, TestingPhase phase) {}
