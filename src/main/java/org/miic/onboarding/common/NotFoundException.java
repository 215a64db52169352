package org.miic.onboarding.common;

/** A tracking id, organization or entry that does not exist: answered with 404. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
