package org.miic.onboarding.notification;

import java.util.Map;

/**
 * What to send: a template, the organization (and request, when the email is about one) and the few facts the
 * process holds (staff notes, dates). Everything else is read from the application's tables when composing.
 */
public record EmailRequest(EmailTemplate template, long organizationId, Long requestId, Map<String, Object> facts) {}
