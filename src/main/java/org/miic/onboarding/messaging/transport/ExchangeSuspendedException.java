package org.miic.onboarding.messaging.transport;

/**
 * A correct sign-in with the PRODUCTION credentials of a suspended exchange: the sender is refused with the reason and
 * how to resume (HTTP 403, a SOAP SecurityFault), and nothing is stored.
 */
public class ExchangeSuspendedException extends RuntimeException {

  public ExchangeSuspendedException(String reason) {
    super(reason);
  }
}
