package org.miic.onboarding.organization;

import java.time.Instant;

/** A health-care organization that exchanges, or wants to exchange, immunization data with MIIC. */
public record Organization(long id, String name, Instant createdAt) {}
