package org.miic.onboarding.messaging.validation;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The anonymous {@code /api/hl7/validate} answers each client address at most {@code miic.messaging.validate-per-minute}
 * times a minute (default 120), so that it cannot be used to load the server (issue 7, item 12). A fixed one-minute
 * window per address, kept in memory per node.
 */
@Component
class ValidateRateLimit {

  private static final int MAX_TRACKED = 100_000;

  private record Window(long minute, AtomicInteger count) {}

  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final int perMinute;
  private final Clock clock;

  ValidateRateLimit(@Value("${miic.messaging.validate-per-minute:120}") int perMinute, Clock clock) {
    this.perMinute = Math.max(1, perMinute);
    this.clock = clock;
  }

  /** Seconds until the client may ask again, or 0 when this request is allowed. */
  long retryAfterSeconds(String client) {
    long now = clock.millis();
    long minute = now / 60_000;
    if (windows.size() > MAX_TRACKED) {
      windows.clear();
    }
    Window w = windows.compute(client, (k, old) -> old == null || old.minute() != minute ? new Window(minute, new AtomicInteger()) : old);
    int count = w.count().incrementAndGet();
    if (count <= perMinute) {
      return 0;
    }
    if (count == perMinute + 1) {
      org.slf4j.LoggerFactory.getLogger(ValidateRateLimit.class).warn("Client {} exceeded {} validations a minute; refused until the minute ends",
          client, perMinute);
    }
    return Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
  }

  int perMinute() {
    return perMinute;
  }
}
