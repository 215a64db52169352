package org.miic.onboarding.notification;

import java.util.List;

/** An email ready to send. */
public record ComposedEmail(EmailTemplate template, Long organizationId, Long requestId, List<String> recipients, String subject,
    String body) {}
