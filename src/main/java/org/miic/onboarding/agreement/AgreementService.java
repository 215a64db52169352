package org.miic.onboarding.agreement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.miic.onboarding.common.NotFoundException;
import org.miic.onboarding.organization.OrganizationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** MIIC User Agreements: recording, the three-year term, and lapse. */
@Service
public class AgreementService {

  private final AgreementRepository agreements;
  private final OrganizationRepository organizations;
  private final AgreementProcessPort process;
  private final AgreementProperties properties;
  private final Clock clock;

  public AgreementService(AgreementRepository agreements, OrganizationRepository organizations, AgreementProcessPort process,
      AgreementProperties properties, Clock clock) {
    this.agreements = agreements;
    this.organizations = organizations;
    this.process = process;
    this.properties = properties;
    this.clock = clock;
  }

  /** The details staff enter for a signed agreement. */
  public record Signature(String signerName, String signerTitle, String signerEmail, LocalDate signedOn) {}

  /** Thrown for an agreement that cannot be recorded; the message says why. */
  public static class InvalidAgreementException extends RuntimeException {
    private final String field;

    public InvalidAgreementException(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * Records a signed agreement (a first one or a renewal): expiry is the signing date plus the term. Restarts the
   * organization's renewal clock and releases onboardings waiting for it.
   */
  @Transactional
  public UserAgreement record(long organizationId, Signature signature, String recordedBy) {
    return record(organizationId, signature, recordedBy, null);
  }

  /** Checks a signature as staff enter it; returns the expiry date, or throws with a sentence for the field at fault. */
  public LocalDate validate(Signature signature) {
    if (signature.signerName() == null || signature.signerName().isBlank()) {
      throw new InvalidAgreementException("signerName", "Enter the name of the person who signed the agreement.");
    }
    if (signature.signedOn() == null) {
      throw new InvalidAgreementException("signedOn", "Enter the date the agreement was signed.");
    }
    LocalDate today = today();
    if (signature.signedOn().isAfter(today)) {
      throw new InvalidAgreementException("signedOn", "The signing date " + signature.signedOn() + " is in the future.");
    }
    LocalDate expiresOn = signature.signedOn().plusYears(properties.termYears());
    if (!today.isBefore(expiresOn)) {
      throw new InvalidAgreementException("signedOn", "An agreement signed on " + signature.signedOn()
          + " expired on " + expiresOn + "; a new agreement must be signed.");
    }
    String email = signature.signerEmail() == null || signature.signerEmail().isBlank() ? null : signature.signerEmail().trim();
    if (email != null && !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
      throw new InvalidAgreementException("signerEmail", "Enter a valid email address for the signer, or leave it empty.");
    }
    return expiresOn;
  }

  /** As {@link #record(long, Signature, String)}, from a task of the given process instance. */
  @Transactional
  public UserAgreement record(long organizationId, Signature signature, String recordedBy, String recordingProcessInstanceId) {
    organizations.findById(organizationId)
        .orElseThrow(() -> new NotFoundException("No organization with id " + organizationId + "."));
    LocalDate expiresOn = validate(signature);
    String email = signature.signerEmail() == null || signature.signerEmail().isBlank() ? null : signature.signerEmail().trim();
    UserAgreement draft = new UserAgreement(0, organizationId, signature.signerName().trim(),
        signature.signerTitle() == null || signature.signerTitle().isBlank() ? null : signature.signerTitle().trim(),
        email, signature.signedOn(), expiresOn, clock.instant(), recordedBy, null);
    long id = agreements.insert(draft);
    process.agreementRecorded(organizationId, id, recordingProcessInstanceId);
    return agreements.findById(id).orElseThrow();
  }

  public Optional<UserAgreement> current(long organizationId) {
    LocalDate today = today();
    return agreements.latest(organizationId).filter(a -> a.isCurrentOn(today));
  }

  public UserAgreement get(long agreementId) {
    return agreements.findById(agreementId).orElseThrow(() -> new NotFoundException("No agreement with id " + agreementId + "."));
  }

  public List<UserAgreement> history(long organizationId) {
    return agreements.all(organizationId);
  }

  public AgreementStatus status(long organizationId) {
    Optional<UserAgreement> latest = agreements.latest(organizationId);
    if (latest.isEmpty()) {
      return new AgreementStatus(AgreementStatus.State.NONE, null, null, null);
    }
    UserAgreement a = latest.get();
    LocalDate today = today();
    AgreementStatus.State state;
    if (!today.isBefore(a.expiresOn())) {
      state = AgreementStatus.State.LAPSED;
    } else if (!today.isBefore(a.expiresOn().minusDays(properties.firstReminderDaysBeforeExpiry()))) {
      state = AgreementStatus.State.EXPIRING_SOON;
    } else {
      state = AgreementStatus.State.CURRENT;
    }
    return new AgreementStatus(state, a.id(), a.signedOn(), a.expiresOn());
  }

  /**
   * The dates of an agreement for the renewal process's timers: the reminders before expiry, the expiry, and after it
   * the grace period for production: exchanges are suspended on {@code graceEndsOn} unless a renewal is recorded first,
   * and the organization is warned on {@code graceWarningOn}.
   */
  public record Schedule(LocalDate firstReminderOn, LocalDate secondReminderOn, LocalDate expiresOn, LocalDate graceEndsOn,
      LocalDate graceWarningOn) {}

  public Schedule schedule(UserAgreement agreement) {
    LocalDate graceEnds = agreement.expiresOn().plusDays(properties.graceDays());
    LocalDate warning = graceEnds.minusDays(properties.graceWarningDaysBefore());
    return new Schedule(agreement.expiresOn().minusDays(properties.firstReminderDaysBeforeExpiry()),
        agreement.expiresOn().minusDays(properties.secondReminderDaysBeforeExpiry()), agreement.expiresOn(), graceEnds,
        warning.isBefore(agreement.expiresOn()) ? agreement.expiresOn() : warning);
  }

  /** When production of the organization's exchanges is suspended after its agreement lapsed (the current agreement's grace end). */
  public java.util.Optional<LocalDate> graceEndsOn(long organizationId) {
    return agreements.latest(organizationId).map(a -> schedule(a).graceEndsOn());
  }

  /** Marks the agreement lapsed, unless a newer agreement took over meanwhile. Returns whether it lapsed. */
  @Transactional
  public boolean lapse(long organizationId) {
    Optional<UserAgreement> latest = agreements.latest(organizationId);
    if (latest.isEmpty() || latest.get().isCurrentOn(today())) {
      return false;
    }
    agreements.markLapsed(latest.get().id(), clock.instant());
    process.agreementLapsed(organizationId);
    return true;
  }
}
