package org.miic.onboarding.onboarding;

/**
 * Where the HL7 test harness plugs in: the evidence a staff member sees in a step-3 testing task (messages received,
 * accepted, rejected, frequent findings, pass or fail against the go-live criteria). The application ships
 * implemented by the message-testing evidence ({@code messaging.evidence.MessageEvidence}).
 */
public interface TestEvidenceProvider {

  /** Markdown for the task form. */
  String evidenceMarkdown(long requestId, TestingPhase phase);

  /** How many messages the request sent during a phase. */
  int messageCount(long requestId, TestingPhase phase);

  /** What query testing still lacks among the request's test messages (labels); empty when both queries were answered. */
  java.util.List<String> missingQueryScenarios(long requestId);

  /** The organization's report of its messages (a link without login). */
  String reportLink(long requestId);
}
