package org.miic.onboarding.messaging.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.onboarding.TestingPhase;

/**
 * The phase a message counts for follows the credential's kind (issue 7, item 2: TEST traffic after go-live was
 * counted as production data quality).
 */
class MessagePhaseTest {

  private static ExchangeCredential credential(ExchangeCredential.Environment environment) {
    return new ExchangeCredential(1, 2, 3L, environment, "u", "FAC", "hash", "token", Instant.EPOCH, Instant.EPOCH, null);
  }

  private static MessageIntake intakeWhereTheRequestIsIn(TestingPhase phase) {
    return new MessageIntake(null, null, null, requestId -> phase, null, null);
  }

  @Test
  void testTrafficAfterGoLiveNeverCountsAsProduction() {
    assertThat(intakeWhereTheRequestIsIn(TestingPhase.PRODUCTION).phaseFor(credential(ExchangeCredential.Environment.TEST)))
        .isEqualTo(TestingPhase.TEST_AFTER_GO_LIVE);
  }

  @Test
  void testTrafficDuringOnboardingCountsForTheOpenPhase() {
    assertThat(intakeWhereTheRequestIsIn(TestingPhase.FORMAT).phaseFor(credential(ExchangeCredential.Environment.TEST)))
        .isEqualTo(TestingPhase.FORMAT);
  }

  @Test
  void productionCredentialsNeverCountAsStep3Evidence() {
    for (TestingPhase open : new TestingPhase[] {TestingPhase.QUEUE, TestingPhase.TRANSPORT, TestingPhase.FORMAT, TestingPhase.CONTENT}) {
      assertThat(intakeWhereTheRequestIsIn(open).phaseFor(credential(ExchangeCredential.Environment.PRODUCTION)))
          .isEqualTo(TestingPhase.PRODUCTION);
    }
  }
}
