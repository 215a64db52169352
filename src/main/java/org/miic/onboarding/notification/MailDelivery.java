package org.miic.onboarding.notification;

/** Hands an email to the outside world. */
public interface MailDelivery {

  /** The outbox status a successful delivery leaves. */
  OutboxEmail.Status deliveredStatus();

  /** Delivers or throws; a throw fails the job, which retries and finally raises an incident. */
  void deliver(OutboxEmail email);
}
