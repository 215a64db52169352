package org.miic.onboarding.queue;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code miic.queue.*}: how many onboardings run at once, how waiting counts, and the points for pre-test messages that
 * already meet the go-live criteria.
 */
@ConfigurationProperties("miic.queue")
public record QueueProperties(int capacity, int pointsPerWeekWaited, int maxWaitingPoints, long sweepIntervalMs, boolean sweepEnabled,
    int readinessPoints) {

  public QueueProperties {
    if (readinessPoints <= 0) {
      readinessPoints = 15;
    }
    if (capacity < 0) {
      throw new IllegalArgumentException("miic.queue.capacity must be 0 or more, not " + capacity);
    }
  }
}
