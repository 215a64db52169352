package org.miic.onboarding.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.miic.onboarding.common.LocalTimes;
import org.miic.onboarding.messaging.transport.CredentialService;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.miic.onboarding.worksheet.Worksheet;
import org.miic.onboarding.worksheet.WorksheetOptions.RequestType;
import org.miic.onboarding.worksheet.WorksheetService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's production exchange after go-live: its suspensions (data quality, lapsed agreement) and the
 * changes that went live on it; and the link from a change, enhancement or query request to the exchange it changes.
 */
@Service
public class ExchangeService {

  private final ExchangeRepository repository;
  private final CredentialService credentials;
  private final WorksheetService worksheets;
  private final Clock clock;

  public ExchangeService(ExchangeRepository repository, CredentialService credentials, WorksheetService worksheets, Clock clock) {
    this.repository = repository;
    this.credentials = credentials;
    this.worksheets = worksheets;
    this.clock = clock;
  }

  /**
   * Links a "change or enhancement" or "query / bi-directional" request to its organization's current production
   * exchange, when there is one; a new submission, or an organization not in production, is not linked.
   */
  @Transactional
  public Optional<Long> linkToCurrentExchange(long requestId) {
    Optional<Long> linked = repository.changeOf(requestId);
    if (linked.isPresent()) {
      return linked;
    }
    OnboardingRequest request = worksheets.request(requestId);
    Worksheet worksheet = worksheets.currentWorksheet(requestId);
    if (worksheet.requestType() == null || worksheet.requestType() == RequestType.NEW_SUBMISSION) {
      return Optional.empty();
    }
    Optional<Long> exchange = repository.productionExchanges(request.organizationId()).stream().filter(id -> id != requestId).findFirst();
    exchange.ifPresent(id -> repository.linkChange(requestId, id));
    return exchange;
  }

  /** The testing phases offered for the request before staff choose (its kind, and whether it changes a current exchange). */
  public TestingPlan defaultPlan(long requestId) {
    Worksheet worksheet = worksheets.currentWorksheet(requestId);
    return TestingPlan.defaultsFor(worksheet.requestType(), repository.changeOf(requestId).isPresent());
  }

  /** The plan staff chose in Review worksheet, checked against the request's kind. */
  public TestingPlan.Result plan(long requestId, Boolean transport, Boolean format, Boolean content, Boolean query) {
    Worksheet worksheet = worksheets.currentWorksheet(requestId);
    return TestingPlan.of(worksheet.requestType(), repository.changeOf(requestId).isPresent(), transport, format, content, query);
  }

  /**
   * Links the request anew from its current worksheet (corrected since it was submitted, or the organization has gone
   * live meanwhile): a change or query request of an organization in production belongs to its exchange, a new
   * submission to none.
   */
  @Transactional
  public Optional<Long> relink(long requestId) {
    Worksheet worksheet = worksheets.currentWorksheet(requestId);
    if (worksheet.requestType() == null || worksheet.requestType() == RequestType.NEW_SUBMISSION) {
      if (repository.changeOf(requestId).isPresent()) {
        repository.linkChange(requestId, null);
      }
      return Optional.empty();
    }
    return linkToCurrentExchange(requestId);
  }

  /** The exchange a change request belongs to, if it is one. */
  public Optional<Long> changeOf(long requestId) {
    return repository.changeOf(requestId);
  }

  /** The organization's production exchanges (running or suspended). */
  public List<Long> productionExchanges(long organizationId) {
    return repository.productionExchanges(organizationId);
  }

  /** Records, once, that a change went live on its exchange. */
  @Transactional
  public void recordChange(long changeRequestId, String phases, Instant liveAt) {
    long exchangeId = repository.changeOf(changeRequestId)
        .orElseThrow(() -> new IllegalStateException("Request " + changeRequestId + " is not linked to a current exchange."));
    Worksheet worksheet = worksheets.currentWorksheet(changeRequestId);
    repository.insertChange(exchangeId, changeRequestId, worksheet.requestType() == null ? "CHANGE_ENHANCEMENT" : worksheet.requestType().name(),
        phases, liveAt, clock.instant());
  }

  public List<ExchangeChange> changes(long exchangeId) {
    return repository.changes(exchangeId);
  }

  public List<String> openChanges(long exchangeId) {
    return repository.openChangeTrackingIds(exchangeId);
  }

  /**
   * Suspends the exchange for a reason (once: a second suspension for the same reason changes nothing): its
   * PRODUCTION credentials are refused from now on with the sentence of {@link #refusal}.
   */
  @Transactional
  public void suspend(long requestId, Suspension.Reason reason, String note, String by) {
    // One change of an exchange's suspensions at a time: the refusal written last is computed from what is open then.
    repository.lockRequest(requestId);
    if (repository.openSuspensions(requestId).stream().noneMatch(s -> s.reason() == reason)) {
      repository.insertSuspension(requestId, reason, bounded(note, MAX_NOTE), clock.instant(), by);
    }
    credentials.setSuspended(requestId, refusal(requestId));
  }

  /** The most of a staff note a suspension keeps (the refusal quotes it; its column holds 1,000 characters). */
  static final int MAX_NOTE = 500;

  static String bounded(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** Lifts the suspension for this reason; the credentials work again once no other suspension is open. Whether any remains. */
  @Transactional
  public boolean resume(long requestId, Suspension.Reason reason, String by) {
    repository.lockRequest(requestId);
    repository.resume(requestId, reason, clock.instant(), by);
    String refusal = refusal(requestId);
    credentials.setSuspended(requestId, refusal);
    return refusal != null;
  }

  /** Suspends every production exchange of the organization for its lapsed agreement; how many are (now) suspended. */
  @Transactional
  public int suspendForLapsedAgreement(long organizationId) {
    List<Long> exchanges = repository.productionExchanges(organizationId);
    for (long id : exchanges) {
      suspend(id, Suspension.Reason.AGREEMENT_LAPSED, "The MIIC User Agreement lapsed and its grace period ended.", "MIIC");
    }
    return exchanges.size();
  }

  /** Lifts the lapsed-agreement suspension of the organization's exchanges after a renewal; how many run again now. */
  @Transactional
  public int resumeAfterRenewal(long organizationId) {
    int resumed = 0;
    for (long id : repository.productionExchanges(organizationId)) {
      if (repository.openSuspensions(id).stream().anyMatch(s -> s.reason() == Suspension.Reason.AGREEMENT_LAPSED)
          && !resume(id, Suspension.Reason.AGREEMENT_LAPSED, "MIIC")) {
        // Counted only when nothing else keeps it suspended (a data-quality suspension stays until staff lift it).
        resumed++;
      }
    }
    return resumed;
  }

  /** Whether the organization exchanges data in production (running or suspended). */
  public boolean inProduction(long organizationId) {
    return !repository.productionExchanges(organizationId).isEmpty();
  }

  /** Why the request's exchange is suspended, in sentences for the organization; empty while it runs. */
  public List<String> suspensionReasons(long requestId) {
    return reasons(repository.openSuspensions(requestId));
  }

  /** Why these suspensions were made and how the exchange resumes, in sentences for the organization. */
  public static List<String> reasons(List<Suspension> suspensions) {
    return suspensions.stream().map(ExchangeService::why).toList();
  }

  public List<Suspension> suspensions(long requestId) {
    return repository.suspensions(requestId);
  }

  public List<Suspension> openSuspensions(long requestId) {
    return repository.openSuspensions(requestId);
  }

  public boolean suspended(long requestId) {
    return !repository.openSuspensions(requestId).isEmpty();
  }

  /** What a sender with the suspended credentials is told; null when no suspension is open. */
  String refusal(long requestId) {
    List<Suspension> open = repository.openSuspensions(requestId);
    if (open.isEmpty()) {
      return null;
    }
    String organization = worksheets.request(requestId).organizationName();
    return bounded("The production exchange of " + organization + " with MIIC is suspended; nothing sent now is stored. "
        + open.stream().map(ExchangeService::why).collect(Collectors.joining(" ")), 1000);
  }

  /** Why a suspension was made and how the exchange resumes, in sentences for the organization. */
  static String why(Suspension s) {
    String on = LocalTimes.date(s.suspendedAt());
    return switch (s.reason()) {
      case DATA_QUALITY -> "MIIC staff suspended it for data quality on " + on
          + (s.note() == null || s.note().isBlank() ? "." : ": " + s.note().strip() + (s.note().strip().endsWith(".") ? "" : "."))
          + " Fix the issues, check the fixes with your TEST credentials, and tell MIIC on your data-quality page; staff then "
          + "resume the exchange.";
      case AGREEMENT_LAPSED -> "The MIIC User Agreement expired and its grace period ended on " + on + ". The exchange resumes as "
          + "soon as MIIC records a renewed agreement signed by your authorized representative.";
    };
  }
}
