package org.miic.onboarding.worksheet;

import java.time.Instant;

/** A staff decision on one worksheet version. */
public record WorksheetReview(long worksheetId, String decision, String notes, String reviewedBy, Instant reviewedAt) {}
