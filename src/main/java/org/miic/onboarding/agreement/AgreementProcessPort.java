package org.miic.onboarding.agreement;

/** What recording or losing an agreement means for the running processes; implemented by the process glue. */
public interface AgreementProcessPort {

  /**
   * Starts or renews the organization's renewal process and releases onboardings waiting for an agreement.
   *
   * @param recordingProcessInstanceId the process instance recording it (a staff task), which is not signalled; or null
   */
  void agreementRecorded(long organizationId, long agreementId, String recordingProcessInstanceId);

  /** Flags the organization's running onboardings. */
  void agreementLapsed(long organizationId);
}
