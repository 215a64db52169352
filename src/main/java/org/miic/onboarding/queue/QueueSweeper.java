package org.miic.onboarding.queue;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Checks the queue for free slots now and then, besides the checks after every change (a safety net). */
@Component
@ConditionalOnProperty(name = "miic.queue.sweep-enabled", havingValue = "true", matchIfMissing = true)
class QueueSweeper {

  private final QueueService queue;

  QueueSweeper(QueueService queue) {
    this.queue = queue;
  }

  @Scheduled(initialDelayString = "${miic.queue.sweep-interval-ms:60000}", fixedDelayString = "${miic.queue.sweep-interval-ms:60000}")
  void sweep() {
    queue.dispatchAfterCommit();
  }
}
