package org.miic.onboarding.common;

/** A request that is valid but does not fit the current state (answered with 409); nothing is changed. */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
