package org.miic.onboarding.messaging.evidence;

import java.util.List;
import java.util.Optional;
import org.miic.onboarding.onboarding.TestingPhase;
import org.miic.onboarding.queue.ReadinessCheck;
import org.springframework.stereotype.Component;

/** Pre-testing in the queue: messages sent while waiting that meet the go-live criteria show the organization is ready. */
@Component
class MessageReadiness implements ReadinessCheck {

  private final EvidenceQueries queries;
  private final GoLiveCriteria criteria;

  MessageReadiness(EvidenceQueries queries, GoLiveCriteria criteria) {
    this.queries = queries;
    this.criteria = criteria;
  }

  @Override
  public Optional<String> readiness(long requestId) {
    List<TestMessage> preTests = queries.latest(requestId, java.util.EnumSet.of(TestingPhase.QUEUE), criteria.window());
    return preTests.isEmpty() || !criteria.evaluate(preTests).passed() ? Optional.empty()
        : Optional.of("Pre-test messages meet the go-live criteria (" + Math.min(preTests.size(), criteria.window()) + " messages)");
  }
}
