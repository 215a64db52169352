package org.miic.onboarding.messaging.transport;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Repeated failed sign-ins lock a username for a while (issue 7, item 12: nothing limited guessing). After
 * {@code miic.messaging.lockout.attempts} failures in a row (default 5) the username is refused for
 * {@code miic.messaging.lockout.minutes} (default 15), and the lock is logged. Kept per node, in memory: with two
 * nodes an attacker gets at most twice the attempts, and a restart lifts the locks (the README says so).
 */
@Component
public class CredentialLockout {

  private static final Logger LOG = LoggerFactory.getLogger(CredentialLockout.class);
  private static final int MAX_TRACKED = 100_000;

  private record State(int failures, Instant lockedUntil) {}

  private final Map<String, State> states = new ConcurrentHashMap<>();
  private final int attempts;
  private final Duration lock;

  public CredentialLockout(@Value("${miic.messaging.lockout.attempts:5}") int attempts, @Value("${miic.messaging.lockout.minutes:15}") int minutes) {
    this.attempts = Math.max(1, attempts);
    this.lock = Duration.ofMinutes(Math.max(1, minutes));
  }

  boolean locked(String username, Instant now) {
    State s = states.get(username);
    return s != null && s.lockedUntil() != null && now.isBefore(s.lockedUntil());
  }

  void failed(String username, Instant now) {
    if (states.size() > MAX_TRACKED) {
      states.clear(); // a flood of made-up usernames must not exhaust memory
    }
    State next = states.merge(username, new State(1, null), (old, one) -> {
      int failures = (old.lockedUntil() != null && !now.isBefore(old.lockedUntil()) ? 0 : old.failures()) + 1;
      return new State(failures, failures >= attempts ? now.plus(lock) : null);
    });
    if (next.lockedUntil() != null && next.failures() == attempts) {
      LOG.warn("Exchange credential '{}' locked until {} after {} failed sign-ins in a row", username.length() > 60 ? username.substring(0, 60)
          : username, next.lockedUntil(), attempts);
    }
  }

  void succeeded(String username) {
    states.remove(username);
  }
}
