package org.miic.onboarding.queue;

/** The process side of the queue: which requests are waiting for a slot, and handing one a slot. */
public interface QueueProcessPort {

  /** True when the request's process waits at "Wait for an onboarding slot". */
  boolean isWaitingForSlot(String trackingId);

  /** Moves the request's process on to the invitation. */
  void offerSlot(String trackingId);
}
