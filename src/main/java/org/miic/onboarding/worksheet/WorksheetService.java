package org.miic.onboarding.worksheet;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.miic.onboarding.common.ConflictException;
import org.miic.onboarding.common.NotFoundException;
import org.miic.onboarding.organization.Organization;
import org.miic.onboarding.organization.OrganizationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Intake and correction of Data Exchange Worksheets, and their completeness check. */
@Service
public class WorksheetService {

  private final WorksheetRepository worksheets;
  private final OrganizationRepository organizations;
  private final CompletenessChecker checker;
  private final WorksheetProcessPort process;
  private final Clock clock;
  private final org.springframework.transaction.support.TransactionTemplate savepoint;

  public WorksheetService(WorksheetRepository worksheets, OrganizationRepository organizations, CompletenessChecker checker,
      WorksheetProcessPort process, Clock clock, org.springframework.transaction.PlatformTransactionManager transactions) {
    this.savepoint = new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
    this.worksheets = worksheets;
    this.organizations = organizations;
    this.checker = checker;
    this.process = process;
    this.clock = clock;
  }

  /** Stores a new request with its first worksheet and starts its onboarding, all in one transaction. */
  @Transactional
  public OnboardingRequest submit(WorksheetForm form) {
    Instant now = clock.instant();
    Organization organization = organizations.findOrCreate(form.getOrganizationName(), now);
    String trackingId = TrackingIds.next();
    long requestId = worksheets.insertRequest(trackingId, organization.id(), now);
    worksheets.insertWorksheet(Worksheet.of(requestId, 1, now, form));
    OnboardingRequest request = new OnboardingRequest(requestId, trackingId, organization.id(), organization.name(), now);
    process.startOnboarding(request);
    return request;
  }

  /**
   * Whether a corrected worksheet is accepted now: the one rule behind both the status page's offer to correct and
   * the answer to a correction (issue 7, item 5: the status offered it while PUT answered 409).
   */
  public boolean correctionAllowed(String trackingId) {
    return process.correctionWindow(trackingId).open();
  }

  /** Stores a corrected worksheet as the next version and delivers it to the process that waits for it. */
  @Transactional
  public Worksheet correct(String trackingId, WorksheetForm form) {
    OnboardingRequest request = request(trackingId);
    WorksheetProcessPort.CorrectionWindow window = process.correctionWindow(trackingId);
    if (window == WorksheetProcessPort.CorrectionWindow.CORRECTION_BEING_REQUESTED) {
      throw new ConflictException("MIIC has reviewed this worksheet and is sending an email that says what to add or correct. "
          + "The worksheet can be corrected here once that email has gone out; the status page then offers the correction.");
    }
    if (!window.open()) {
      throw new ConflictException("This request is past worksheet review or closed, so its worksheet can no longer be "
          + "changed here. Contact MIIC onboarding staff, or submit a new worksheet for a new request.");
    }
    Worksheet current = worksheets.currentWorksheet(request.id()).orElseThrow();
    Worksheet next = Worksheet.of(request.id(), current.version() + 1, clock.instant(), form);
    long id;
    try {
      // Two corrections racing for the same next version: the unique version rolls the loser back to this savepoint.
      id = savepoint.execute(status -> worksheets.insertWorksheet(next));
    } catch (org.springframework.dao.DuplicateKeyException raced) {
      throw new ConflictException("Another correction of this worksheet arrived at the same moment and was stored as version "
          + next.version() + ". Open the worksheet again to see it, and correct it from there if needed.");
    }
    process.deliverCorrection(trackingId, window);
    return worksheets.currentWorksheet(request.id()).filter(w -> w.id() == id).orElseThrow();
  }

  public OnboardingRequest request(String trackingId) {
    if (!TrackingIds.looksValid(trackingId)) {
      throw new NotFoundException("No request has tracking id '" + trackingId + "'.");
    }
    return worksheets.findRequest(trackingId)
        .orElseThrow(() -> new NotFoundException("No request has tracking id '" + trackingId + "'."));
  }

  public OnboardingRequest request(long requestId) {
    return worksheets.findRequest(requestId).orElseThrow(() -> new NotFoundException("No request with id " + requestId + "."));
  }

  public Worksheet currentWorksheet(long requestId) {
    return worksheets.currentWorksheet(requestId).orElseThrow(() -> new NotFoundException("Request " + requestId + " has no worksheet."));
  }

  public List<Worksheet> allVersions(long requestId) {
    return worksheets.allVersions(requestId);
  }

  /** Checks the current worksheet version, stores what was found and returns it. */
  @Transactional
  public List<CompletenessFinding> checkCompleteness(long requestId) {
    Worksheet current = currentWorksheet(requestId);
    List<CompletenessFinding> findings = checker.check(current);
    worksheets.replaceFindings(current.id(), findings);
    return findings;
  }

  public List<CompletenessFinding> findings(long requestId) {
    return worksheets.findings(currentWorksheet(requestId).id());
  }

  @Transactional
  public void recordReview(long requestId, String decision, String notes, String reviewer) {
    Worksheet current = currentWorksheet(requestId);
    worksheets.insertReview(new WorksheetReview(current.id(), decision, notes, reviewer, clock.instant()));
  }

  public java.util.Optional<java.time.Instant> goLiveAt(long requestId) {
    return worksheets.goLiveAt(requestId);
  }

  public java.util.Optional<WorksheetReview> latestReview(long requestId) {
    return worksheets.latestReview(requestId);
  }
}
