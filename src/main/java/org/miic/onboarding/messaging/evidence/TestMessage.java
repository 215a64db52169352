package org.miic.onboarding.messaging.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.miic.onboarding.onboarding.TestingPhase;

/** A message an organization sent, as stored with its acknowledgement and findings. */
public record TestMessage(
    long id,
    long organizationId,
    Long requestId,
    TestingPhase phase,
    String channel,
    Instant receivedAt,
    String messageType,
    String controlId,
    String ackCode,
    int errorCount,
    int warningCount,
    Set<Scenario> scenarios,
    List<StoredFinding> findings) {

  /** A finding as stored. */
  public record StoredFinding(String rule, String severity, String location, String hl7ErrorCode, String text) {}

  public boolean withoutErrors() {
    return errorCount == 0 && !"AR".equals(ackCode);
  }
}
