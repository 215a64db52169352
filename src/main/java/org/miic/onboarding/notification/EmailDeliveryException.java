package org.miic.onboarding.notification;

/** The mail server refused or could not be reached; the job retries. */
public class EmailDeliveryException extends RuntimeException {
  public EmailDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
