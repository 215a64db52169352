package org.miic.onboarding.notification;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends organization-facing emails exactly once per activity execution, however often the job that sends them runs.
 *
 * <p>The email is composed and claimed in the outbox in a transaction of its own, keyed by the execution and the
 * activity. Delivery is recorded in another, so it survives a rollback of the job. The claim is consumed in the job's
 * own transaction: when the job commits, the next visit to the same activity (a loop) claims a new email; when it rolls
 * back (SMTP down, a crash after sending), the retry finds the claim, sees that it was sent, and does not send again.
 */
@Service
public class EmailService {

  private final EmailComposer composer;
  private final OutboxRepository outbox;
  private final MailDelivery delivery;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;

  public EmailService(EmailComposer composer, OutboxRepository outbox, MailDelivery delivery, Clock clock,
      PlatformTransactionManager transactions) {
    this.composer = composer;
    this.outbox = outbox;
    this.delivery = delivery;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Sends (at most once) the email for this activity execution; call it from the activity's own transaction. */
  public void send(EmailRequest request, String executionId, String activityId) {
    OutboxEmail email = ownTransaction.execute(tx -> outbox.findOpenClaim(executionId, activityId)
        .orElseGet(() -> outbox.insert(composer.compose(request), executionId, activityId, clock.instant())));
    if (email.status() == OutboxEmail.Status.PENDING || email.status() == OutboxEmail.Status.FAILED) {
      try {
        delivery.deliver(email);
      } catch (RuntimeException e) {
        ownTransaction.executeWithoutResult(tx -> outbox.markFailed(email.id(), String.valueOf(e.getMessage())));
        throw e;
      }
      ownTransaction.executeWithoutResult(tx -> outbox.markDelivered(email.id(), delivery.deliveredStatus(), clock.instant()));
    }
    outbox.consume(email.id());
  }

  public List<OutboxEmail> forOrganization(long organizationId) {
    return outbox.forOrganization(organizationId);
  }

  private static final java.util.regex.Pattern ONE_TIME_LINK = java.util.regex.Pattern.compile("/credentials/[A-Za-z0-9]+");

  /**
   * Emails as staff see them: one-time credential links are the organization's alone, so staff see that one was sent,
   * not the link (issue 7, item 13).
   */
  public static OutboxEmail forStaff(OutboxEmail e) {
    return new OutboxEmail(e.id(), e.organizationId(), e.requestId(), e.template(), e.recipients(), e.subject(),
        e.body() == null ? null : ONE_TIME_LINK.matcher(e.body()).replaceAll("/credentials/[one-time link, sent to the organization only]"),
        e.status(), e.attempts(), e.lastError(), e.createdAt(), e.sentAt());
  }

  /** Every email of the organization as staff see it (credential links masked). */
  public List<OutboxEmail> forOrganizationStaff(long organizationId) {
    return outbox.forOrganization(organizationId).stream().map(EmailService::forStaff).toList();
  }

  /** Every email of a request as staff see it, oldest first. */
  public List<OutboxEmail> forRequestStaff(long requestId) {
    return outbox.forRequest(requestId).stream().map(EmailService::forStaff).toList();
  }

  /** One email as staff see it. */
  public java.util.Optional<OutboxEmail> findForStaff(long id) {
    return outbox.find(id).map(EmailService::forStaff);
  }
}
