package org.miic.onboarding.common;

import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The first complete listener of every user task ({@code ${taskCompletionLock}}; BpmnModelTest checks each has it).
 * Two staff completing one task at once (two tabs, two nodes; issue 7, item 14): the engine notices only when it
 * writes at the end, after the process has gone on in both transactions, so the loser failed on whatever the
 * application wrote first (a duplicate queue entry: HTTP 500). This listener locks the task's row (the engine's
 * documented ACT_RU_TASK table, in the engine's own transaction) before anything else runs: the second completion
 * waits for the first, then finds the task gone and stops with {@link #RACE_LOST}, which TaskInputErrorFilter
 * answers as 409 with a sentence.
 */
@Component("taskCompletionLock")
public class TaskCompletionLock implements TaskListener {

  /** In the message of the refused completion, so the REST answer can be recognized. */
  public static final String RACE_LOST = "was completed or changed by someone else at the same moment";

  private final JdbcTemplate jdbc;

  public TaskCompletionLock(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> row;
    try {
      row = jdbc.queryForList("select ID_ from ACT_RU_TASK where ID_ = ? for update", String.class, task.getId());
    } catch (PessimisticLockingFailureException waitedTooLong) {
      // H2 stops waiting after its lock timeout: the other completion still holds this task.
      row = List.of();
    }
    if (row.isEmpty()) {
      throw new OptimisticLockingException("Task " + task.getId() + " " + RACE_LOST + ".");
    }
  }
}
