package org.miic.onboarding.worksheet;

/** Something a worksheet lacks or contradicts, named by the worksheet field and said so an organization can fix it. */
public record CompletenessFinding(String field, String message) {}
