package org.miic.onboarding.messaging.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.miic.onboarding.onboarding.TestingPhase;

/** A phase named inside a sentence keeps its capitals: "(QA)", not "(qa)" (issue 7, item 6). */
class EvidenceWordingTest {

  @Test
  void aPhaseInASentenceKeepsItsAcronyms() {
    assertThat(MessageEvidence.inSentence(TestingPhase.CONTENT.label())).isEqualTo("message content validation (QA)");
    assertThat(MessageEvidence.inSentence(TestingPhase.TRANSPORT.label())).isEqualTo("transport set-up and testing");
  }
}
