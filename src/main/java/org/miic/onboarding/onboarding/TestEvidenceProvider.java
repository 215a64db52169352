package org.miic.onboarding.onboarding;

/**
 * Where the HL7 test harness plugs in: the evidence a staff member sees in a step-3 testing task (messages received,
 * accepted, rejected, frequent findings, pass or fail against the go-live criteria). The application ships
 * {@link NoTestEvidence} until a message-testing bean implements this interface; a bean of that type replaces it.
 */
public interface TestEvidenceProvider {

  /** Markdown for the task form. */
  String evidenceMarkdown(long requestId, TestingPhase phase);
}
