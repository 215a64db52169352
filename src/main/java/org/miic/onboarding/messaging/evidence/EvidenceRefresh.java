package org.miic.onboarding.messaging.evidence;

/**
 * What depends on a request's messages (the evidence in its open task forms, its readiness in the queue) catches up a
 * few seconds after messages arrive, never on the message's own path (issue 9: engine writes per message made senders
 * wait and, in parallel, fail). {@link #flush()} catches up now.
 */
public interface EvidenceRefresh {

  /** Brings every request that received messages since the last refresh up to date; returns how many. */
  int flush();
}
