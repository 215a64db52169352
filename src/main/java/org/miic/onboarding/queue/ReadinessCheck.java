package org.miic.onboarding.queue;

import java.util.Optional;

/** Whether a waiting request has shown it is ready (its pre-test messages meet the go-live criteria), and how. */
public interface ReadinessCheck {

  Optional<String> readiness(long requestId);
}
