package org.miic.onboarding.messaging.evidence;

import org.miic.onboarding.onboarding.TestingPhase;

/** Which testing phase a request is in, read from its process instance; implemented by the process glue. */
public interface TestingPhaseLocator {

  TestingPhase phaseOf(long requestId);
}
