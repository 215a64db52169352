package org.miic.onboarding.onboarding;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.miic.onboarding.queue.QueueService;
import org.miic.onboarding.worksheet.WorksheetRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Steps 3 and 4: go-live frees the onboarding slot; staff end the exchange. */
@Service
public class OnboardingService {

  private final WorksheetRepository requests;
  private final QueueService queue;
  private final Clock clock;

  public OnboardingService(WorksheetRepository requests, QueueService queue, Clock clock) {
    this.requests = requests;
    this.queue = queue;
    this.clock = clock;
  }

  /** Checks a go-live date staff entered: a real date, today or later. */
  public LocalDate validGoLiveDate(Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException("Enter the production go-live date agreed with the organization.");
    }
    String text = value.toString().trim();
    LocalDate date;
    try {
      date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("The go-live date '" + text + "' is not a date (use YYYY-MM-DD).");
    }
    if (date.isBefore(LocalDate.now(clock))) {
      throw new IllegalArgumentException("The go-live date " + date + " is in the past; choose today or a later date.");
    }
    return date;
  }

  public Instant startOfDay(LocalDate date) {
    return date.atStartOfDay(clock.getZone()).toInstant();
  }

  @Transactional
  public void goLive(long requestId) {
    requests.recordGoLive(requestId, clock.instant());
    queue.complete(requestId);
  }

  @Transactional
  public void exchangeEnded(long requestId, String reason) {
    requests.recordExchangeEnded(requestId, clock.instant(), reason);
    queue.withdraw(requestId);
  }
}
