package org.miic.onboarding.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.miic.onboarding.common.ConflictException;
import org.miic.onboarding.common.NotFoundException;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.miic.onboarding.worksheet.WorksheetService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The onboarding queue. Complete worksheets are scored, wait, and are invited as slots free up: highest score first,
 * ties to whoever waited longest. Every dispatch takes the lock on the queue's control row, so two dispatches never
 * hand out the same slot, and an organization never holds two slots.
 */
@Service
public class QueueService {

  private static final Logger LOG = LoggerFactory.getLogger(QueueService.class);
  private static final String SUPPLEMENTAL_MATERIALS_FIELD = "supplementalMaterials";

  private final QueueRepository queue;
  private final PriorityRules rules;
  private final WorksheetService worksheets;
  private final QueueProcessPort process;
  private final ReadinessCheck readiness;
  private final QueueProperties properties;
  private final Clock clock;
  private final TransactionTemplate newTransaction;

  public QueueService(QueueRepository queue, PriorityRules rules, WorksheetService worksheets, QueueProcessPort process,
      ReadinessCheck readiness, QueueProperties properties, Clock clock, PlatformTransactionManager transactions) {
    this.readiness = readiness;
    this.queue = queue;
    this.rules = rules;
    this.worksheets = worksheets;
    this.process = process;
    this.properties = properties;
    this.clock = clock;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The queue as staff see it: its switch, the capacity, who holds a slot, and one page of the waiting organizations. */
  public record QueueView(boolean paused, String pauseReason, String pausedBy, int capacity, String capacityChangedBy,
      Instant capacityChangedAt, int onboarding, List<OnboardingSlot> onboardingNow, int waitingTotal, int page, int size,
      List<RankedEntry> waiting) {}

  /** An organization holding an onboarding slot, since its invitation. */
  public record OnboardingSlot(String trackingId, long organizationId, String organizationName, Instant invitedAt) {}

  /** "Position 3 of 17". */
  public record Position(int position, int of) {

    public String text() {
      return position + " of " + of;
    }
  }

  /**
   * Scores a reviewed request and stores why it scores that; scoring again (a retried job) replaces the breakdown.
   * Supplemental materials are their own input to the rules, so their absence is not counted again as a finding.
   */
  @Transactional
  public int score(long requestId) {
    OnboardingRequest request = worksheets.request(requestId);
    int openFindings = (int) worksheets.findings(requestId).stream()
        .filter(f -> !SUPPLEMENTAL_MATERIALS_FIELD.equals(f.field())).count();
    List<PriorityFactor> factors = rules.evaluate(PriorityInputs.of(worksheets.currentWorksheet(requestId), openFindings));
    int base = factors.stream().mapToInt(PriorityFactor::points).sum();
    Optional<QueueEntry> existing = queue.findByRequest(requestId);
    long entryId;
    if (existing.isPresent()) {
      entryId = existing.get().id();
      queue.updateScore(entryId, base);
    } else {
      entryId = queue.insertEntry(requestId, request.organizationId(), base, clock.instant());
    }
    queue.replaceFactors(entryId, factors);
    return base;
  }

  /** The request starts waiting for a slot; a dispatch runs as soon as this transaction commits. */
  @Transactional
  public void enter(long requestId) {
    QueueEntry entry = entry(requestId);
    if (entry.status() == QueueEntry.Status.SCORED) {
      queue.transition(entry.id(), QueueEntry.Status.SCORED, QueueEntry.Status.WAITING, clock.instant());
    }
    refreshReadiness(requestId);
    dispatchAfterCommit();
  }

  /** The request went live: its slot is free for the next organization. */
  @Transactional
  public void complete(long requestId) {
    queue.findByRequest(requestId).ifPresent(entry -> {
      if (entry.status() == QueueEntry.Status.INVITED) {
        queue.transition(entry.id(), QueueEntry.Status.INVITED, QueueEntry.Status.COMPLETED, clock.instant());
        dispatchAfterCommit();
      }
    });
  }

  /** The request left the queue (withdrawn or ended before go-live). */
  @Transactional
  public void withdraw(long requestId) {
    queue.findByRequest(requestId).ifPresent(entry -> {
      for (QueueEntry.Status from : List.of(QueueEntry.Status.SCORED, QueueEntry.Status.WAITING, QueueEntry.Status.INVITED)) {
        if (queue.transition(entry.id(), from, QueueEntry.Status.WITHDRAWN, clock.instant())) {
          dispatchAfterCommit();
          return;
        }
      }
    });
  }

  /** How many of the organizations holding a slot the queue view lists (earliest invited first). */
  static final int MAX_SLOTS_LISTED = 100;

  /** The queue with the given page (from 0) of waiting organizations, best first. */
  public QueueView view(int page, int size) {
    int safeSize = Math.max(1, Math.min(size, 500));
    int safePage = Math.max(0, page);
    QueueRepository.Control control = queue.control();
    // The slots are as many as the capacity; listed up to a bound all the same (a lowered capacity, imported data).
    List<OnboardingSlot> slots = queue.invited(MAX_SLOTS_LISTED).stream()
        .map(r -> new OnboardingSlot(r.trackingId(), r.entry().organizationId(), r.organizationName(), r.entry().invitedAt())).toList();
    int onboarding = slots.size() < MAX_SLOTS_LISTED ? slots.size() : queue.countInvited();
    return new QueueView(control.paused(), control.paused() ? control.reason() : null, control.paused() ? control.changedBy() : null,
        capacity(control), control.capacityChangedBy(), control.capacityChangedAt(), onboarding, slots, queue.countWaiting(), safePage,
        safeSize, ranked(safePage * safeSize, safeSize));
  }

  /** Waiting entries from the given offset, best first, each with its full breakdown: one ranking query. */
  public List<RankedEntry> ranked(int offset, int limit) {
    Instant now = clock.instant();
    List<QueueRepository.WaitingRow> rows = queue.waiting(scoring(now), offset, limit);
    // The breakdowns of the whole page in two queries, not two per entry.
    List<Long> ids = rows.stream().map(r -> r.entry().id()).toList();
    java.util.Map<Long, List<PriorityFactor>> factors = queue.factors(ids);
    java.util.Map<Long, List<QueueRepository.Adjustment>> adjustments = queue.adjustments(ids);
    List<RankedEntry> page = new ArrayList<>();
    int position = offset;
    for (QueueRepository.WaitingRow row : rows) {
      position++;
      page.add(new RankedEntry(position, row.trackingId(), row.entry().organizationId(), row.organizationName(), row.score(),
          row.entry().enteredAt(), List.copyOf(breakdown(row.entry(), now, factors.getOrDefault(row.entry().id(), List.of()),
              adjustments.getOrDefault(row.entry().id(), List.of())))));
    }
    return page;
  }

  private QueueRepository.Scoring scoring(Instant now) {
    return new QueueRepository.Scoring(now.getEpochSecond(), properties.pointsPerWeekWaited(), properties.maxWaitingPoints());
  }

  /**
   * The position a request has, or would have if it were already waiting (used by the queue-position email, which is
   * sent just before the entry starts waiting).
   */
  public int position(long requestId) {
    return positionOf(requestId).position();
  }

  /** "3 of 17": where the request stands (or would stand) among the waiting organizations. */
  public Position positionOf(long requestId) {
    QueueEntry entry = entry(requestId);
    Instant now = clock.instant();
    QueueRepository.Scoring scoring = scoring(now);
    int score = currentScore(entry, now);
    int ahead = queue.countAhead(scoring, score, entry.enteredAt(), entry.id());
    int waiting = queue.countWaiting();
    return new Position(ahead + 1, entry.status() == QueueEntry.Status.WAITING ? waiting : waiting + 1);
  }

  /** Request id to position of every waiting request, for lists (one query). */
  public java.util.Map<Long, Integer> positions() {
    return queue.positions(scoring(clock.instant()));
  }

  public int waitingCount() {
    return queue.countWaiting();
  }

  private int currentScore(QueueEntry entry, Instant now) {
    return breakdown(entry, now).stream().mapToInt(PriorityFactor::points).sum();
  }

  /** Keeps the entry's readiness current: pre-test messages meeting the go-live criteria add points while it waits. */
  @Transactional
  public void refreshReadiness(long requestId) {
    queue.findByRequest(requestId)
        .filter(e -> e.status() == QueueEntry.Status.SCORED || e.status() == QueueEntry.Status.WAITING)
        .ifPresent(e -> {
          Optional<String> ready = readiness.readiness(requestId);
          queue.setReadiness(e.id(), ready.isPresent() ? properties.readinessPoints() : 0,
              ready.orElse("Pre-test messages do not meet the go-live criteria yet"));
        });
  }

  /**
   * Why a request ranked where it did, as Markdown for the task forms: the stored factors, the staff adjustments, and
   * the waiting time up to its invitation (or now, while it waits).
   */
  public String breakdownMarkdown(long requestId) {
    Optional<QueueEntry> found = queue.findByRequest(requestId);
    if (found.isEmpty()) {
      return "Not scored yet: the request enters the queue when its worksheet review is complete.";
    }
    QueueEntry entry = found.get();
    List<PriorityFactor> lines = breakdown(entry, entry.invitedAt() != null ? entry.invitedAt() : clock.instant());
    StringBuilder md = new StringBuilder("Score **").append(lines.stream().mapToInt(PriorityFactor::points).sum()).append("**");
    if (entry.status() == QueueEntry.Status.WAITING) {
      md.append(", position ").append(positionOf(requestId).text());
    }
    md.append(":\n\n");
    for (PriorityFactor f : lines) {
      md.append("- ").append(f.points()).append(" — ").append(f.reason()).append('\n');
    }
    return md.toString();
  }

  /** Every line of the request's score (up to its invitation, or now while it waits); empty before it is scored. */
  public List<PriorityFactor> breakdownLines(long requestId) {
    return queue.findByRequest(requestId)
        .map(entry -> breakdown(entry, entry.invitedAt() != null ? entry.invitedAt() : clock.instant()))
        .orElse(List.of());
  }

  public Optional<QueueEntry> findEntry(long requestId) {
    return queue.findByRequest(requestId);
  }

  /** Every line of an entry's score: the stored worksheet factors, waiting time, readiness, staff adjustments. */
  private List<PriorityFactor> breakdown(QueueEntry entry, Instant until) {
    return breakdown(entry, until, queue.factors(entry.id()), queue.adjustments(entry.id()));
  }

  private List<PriorityFactor> breakdown(QueueEntry entry, Instant until, List<PriorityFactor> factors,
      List<QueueRepository.Adjustment> adjustments) {
    List<PriorityFactor> lines = new ArrayList<>(factors);
    lines.add(waitingFactor(entry.enteredAt(), until));
    lines.add(new PriorityFactor(PriorityFactor.READINESS, entry.readinessPoints(),
        entry.readinessReason() == null ? "Pre-test messages do not meet the go-live criteria yet" : entry.readinessReason()));
    for (QueueRepository.Adjustment a : adjustments) {
      lines.add(new PriorityFactor(PriorityFactor.STAFF_ADJUSTMENT, a.points(), "Moved up by " + a.adjustedBy() + ": " + a.reason()));
    }
    return lines;
  }

  PriorityFactor waitingFactor(Instant enteredAt, Instant now) {
    long weeks = Math.max(0, Duration.between(enteredAt, now).toDays() / 7);
    int points = (int) Math.min(properties.maxWaitingPoints(), weeks * properties.pointsPerWeekWaited());
    return new PriorityFactor(PriorityFactor.WAITING_TIME, points,
        "Waiting " + weeks + (weeks == 1 ? " week" : " weeks") + " (" + properties.pointsPerWeekWaited()
            + " per week, at most " + properties.maxWaitingPoints() + ")");
  }

  /**
   * Staff move a waiting organization up to the given position (1 = next to be invited). The points needed are
   * recorded as an adjustment with the reason, so the breakdown shows why it ranks there.
   */
  @Transactional
  public RankedEntry moveUp(String trackingId, int toPosition, String reason, String staffUser) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("Give the reason for moving this organization up; it is recorded.");
    }
    if (toPosition < 1) {
      throw new IllegalArgumentException("The position must be 1 or more.");
    }
    OnboardingRequest request = worksheets.request(trackingId);
    QueueEntry entry = queue.findByRequest(request.id()).filter(e -> e.status() == QueueEntry.Status.WAITING)
        .orElseThrow(() -> new NotFoundException("Request '" + trackingId + "' is not waiting in the queue."));
    Position now = positionOf(request.id());
    if (toPosition >= now.position()) {
      throw new ConflictException("This organization is already at position " + now.position() + ".");
    }
    RankedEntry displaced = ranked(toPosition - 1, 1).get(0);
    int points = displaced.score() - currentScore(entry, clock.instant()) + 1;
    queue.insertAdjustment(entry.id(), points, reason.trim(), staffUser, clock.instant());
    return ranked(toPosition - 1, 1).get(0);
  }

  /** How many organizations onboard at once: what staff set on the queue page, else miic.queue.capacity. */
  private int capacity(QueueRepository.Control control) {
    return control.capacity() != null ? control.capacity() : properties.capacity();
  }

  /** Staff change how many organizations onboard at once (MIIC's resources); more slots are offered at once. */
  @Transactional
  public void setCapacity(int capacity, String staffUser) {
    if (capacity < 0 || capacity > 10_000) {
      throw new IllegalArgumentException("The capacity is the number of organizations onboarding at once: 0 to 10000, not " + capacity + ".");
    }
    queue.setCapacity(capacity, staffUser, clock.instant());
    LOG.info("Onboarding capacity set to {} by {}", capacity, staffUser);
    dispatchAfterCommit();
  }

  @Transactional
  public void pause(String reason, String staffUser) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("Give the reason for pausing the queue; organizations' staff contacts will ask.");
    }
    queue.setPaused(true, reason.trim(), staffUser, clock.instant());
  }

  @Transactional
  public void resume(String staffUser) {
    queue.setPaused(false, null, staffUser, clock.instant());
    dispatchAfterCommit();
  }

  /**
   * Invites the best waiting organizations while slots are free, in a transaction of its own that holds the queue lock.
   * Returns the tracking ids invited.
   */
  public List<String> dispatch() {
    // Every statement of a dispatch runs in a transaction of its own. A dispatch runs after another transaction
    // committed (afterCommit), whose connection is still bound: a write there (the ranking refreshes waiting points)
    // would keep its row locks until that connection is released, after this dispatch, and the hand-out below would
    // wait for them for ever.
    List<QueueRepository.WaitingRow> candidates = newTransaction.execute(status -> {
      QueueRepository.Control seen = queue.control();
      if (seen.paused() || capacity(seen) - queue.countInvited() <= 0) {
        // Nothing to hand out, the usual case (every slot taken): no ranking and no lock. Whatever frees a slot or
        // resumes the queue after this read runs its own dispatch once it commits, so no free slot is missed.
        return List.<QueueRepository.WaitingRow>of();
      }
      // Ranked before the lock is taken, so that concurrent dispatches wait only for the hand-out itself.
      return queue.waiting(scoring(clock.instant()), 0, Math.max(10, Math.min(500, capacity(seen) * 3)));
    });
    if (candidates.isEmpty()) {
      return List.of();
    }
    return newTransaction.execute(status -> {
      QueueRepository.Control control = queue.lockControl();
      List<String> invited = new ArrayList<>();
      if (control.paused()) {
        return invited;
      }
      int free = capacity(control) - queue.countInvited();
      int offset = 0;
      List<QueueRepository.WaitingRow> page = candidates;
      while (free > 0 && !page.isEmpty()) {
        for (QueueRepository.WaitingRow candidate : page) {
          if (free <= 0) {
            break;
          }
          if (queue.hasInvitedEntry(candidate.entry().organizationId()) || !process.isWaitingForSlot(candidate.trackingId())) {
            continue;
          }
          if (queue.transition(candidate.entry().id(), QueueEntry.Status.WAITING, QueueEntry.Status.INVITED, clock.instant())) {
            process.offerSlot(candidate.trackingId());
            invited.add(candidate.trackingId());
            free--;
          }
        }
        offset += page.size();
        page = free > 0 ? queue.waiting(scoring(clock.instant()), offset, 50) : List.of();
      }
      if (!invited.isEmpty()) {
        LOG.info("Invited to onboarding: {}", invited);
      }
      return invited;
    });
  }

  /** Runs a dispatch once the current transaction has committed (or now, outside a transaction). */
  public void dispatchAfterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      dispatchQuietly();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        dispatchQuietly();
      }
    });
  }

  private void dispatchQuietly() {
    try {
      dispatch();
    } catch (RuntimeException e) {
      // The periodic sweep tries again; nothing was changed by the failed attempt.
      LOG.warn("Queue dispatch failed; the next sweep retries", e);
    }
  }

  public QueueEntry entry(long requestId) {
    return queue.findByRequest(requestId).orElseThrow(() -> new NotFoundException("Request " + requestId + " is not in the queue."));
  }
}
