package org.miic.onboarding.messaging.transport;

import org.miic.onboarding.messaging.evidence.MessageStored;
import org.miic.onboarding.messaging.evidence.Scenario;
import org.miic.onboarding.messaging.evidence.TestMessageRepository;
import org.miic.onboarding.messaging.evidence.TestingPhaseLocator;
import org.miic.onboarding.messaging.validation.AckBuilder;
import org.miic.onboarding.messaging.validation.MessageValidator;
import org.miic.onboarding.messaging.validation.QueryResponder;
import org.miic.onboarding.messaging.validation.ValidationResult;

import java.time.Clock;
import java.util.Set;
import org.miic.onboarding.onboarding.TestingPhase;
import org.springframework.stereotype.Service;

/**
 * Messages sent by organizations through the SOAP or HTTP endpoints (one at a time or in batch files): validated,
 * acknowledged as the CDC IG prescribes, and stored per organization and testing phase with the acknowledgement and
 * findings, as evidence for staff.
 */
@Service
public class MessageIntake {

  /** How the message arrived. */
  public enum Channel {
    SOAP,
    HTTP,
    /** A message of an HL7 batch file. */
    BATCH
  }

  private final MessageValidator validator;
  private final AckBuilder acks;
  private final TestMessageRepository messages;
  private final TestingPhaseLocator phases;
  private final QueryResponder queries;
  private final Clock clock;

  public MessageIntake(MessageValidator validator, AckBuilder acks, TestMessageRepository messages, TestingPhaseLocator phases,
      QueryResponder queries, Clock clock) {
    this.queries = queries;
    this.validator = validator;
    this.acks = acks;
    this.messages = messages;
    this.phases = phases;
    this.clock = clock;
  }

  /**
   * Validates, stores and answers one message from an authenticated organization: an ACK for a VXU, an RSP for a
   * QBP (answered from the patients of the organization's own messages, test or production as the credential).
   */
  public String receive(ExchangeCredential credential, Channel channel, String text) {
    ValidationResult result = validator.validate(text);
    String ack = result.isQuery() ? queries.respond(result, messages.patientMessages(credential.organizationId(),
        credential.environment() == ExchangeCredential.Environment.PRODUCTION)) : acks.ack(result);
    TestingPhase phase = phaseFor(credential);
    Set<Scenario> scenarios = result.ackCode() == ValidationResult.AckCode.AR ? Set.of() : Scenario.of(result, ack);
    // Stored (in a batch with whatever else arrived meanwhile) before the acknowledgement goes out.
    messages.insert(credential, phase, channel.name(), clock.instant(), result, scenarios, text, ack,
        credential.requestId() == null ? null : new MessageStored(credential.requestId(), phase));
    return ack;
  }

  /**
   * The phase a message counts for follows the credential's kind: PRODUCTION credentials count only as production
   * data (never as step-3 evidence), TEST credentials only as testing (after go-live, as test messages after go-live,
   * never as production data quality).
   */
  TestingPhase phaseFor(ExchangeCredential credential) {
    if (credential.environment() == ExchangeCredential.Environment.PRODUCTION) {
      return TestingPhase.PRODUCTION;
    }
    TestingPhase phase = credential.requestId() == null ? TestingPhase.PRODUCTION : phases.phaseOf(credential.requestId());
    return phase == TestingPhase.PRODUCTION ? TestingPhase.TEST_AFTER_GO_LIVE : phase;
  }
}
