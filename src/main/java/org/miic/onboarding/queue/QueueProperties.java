package org.miic.onboarding.queue;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code miic.queue.*}: how many onboardings run at once and how waiting counts. */
@ConfigurationProperties("miic.queue")
public record QueueProperties(int capacity, int pointsPerWeekWaited, int maxWaitingPoints, long sweepIntervalMs, boolean sweepEnabled) {

  public QueueProperties {
    if (capacity < 0) {
      throw new IllegalArgumentException("miic.queue.capacity must be 0 or more, not " + capacity);
    }
  }
}
