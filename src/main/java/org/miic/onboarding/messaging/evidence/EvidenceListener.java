package org.miic.onboarding.messaging.evidence;

/** Told when a request received a message, so that open task forms show current evidence; implemented by process glue. */
public interface EvidenceListener {

  void messageReceived(long requestId);
}
