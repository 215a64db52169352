package org.miic.onboarding.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's tables get the indexes the engine's frequent queries need (issue 9): the parent task every task
 * completion looks up, and the due date every search for due jobs asks.
 */
class EngineIndexesTest extends ProcessTestSupport {

  @Autowired EngineIndexes indexes;

  @Test
  void theIndexesExistAfterStartAndASecondStartLeavesThemAsTheyAre() throws Exception {
    assertThat(indexesOn("ACT_RU_TASK", "PARENT_TASK_ID_")).contains(EngineIndexes.TASK_PARENT_INDEX);
    assertThat(indexesOn("ACT_RU_JOB", "DUEDATE_")).contains(EngineIndexes.JOB_DUE_DATE_INDEX);

    indexes.postProcessEngineBuild(engine); // another start, or another node, on the same database

    assertThat(indexesOn("ACT_RU_TASK", "PARENT_TASK_ID_")).filteredOn(EngineIndexes.TASK_PARENT_INDEX::equals).hasSize(1);
    assertThat(indexesOn("ACT_RU_JOB", "DUEDATE_")).filteredOn(EngineIndexes.JOB_DUE_DATE_INDEX::equals).hasSize(1);
  }

  @Test
  void aDatabaseWithoutTheIndexesGetsThemAtTheNextStart() throws Exception {
    jdbc.execute("drop index " + EngineIndexes.TASK_PARENT_INDEX); // a database from before these indexes
    jdbc.execute("drop index " + EngineIndexes.JOB_DUE_DATE_INDEX);

    assertThat(indexesOn("ACT_RU_TASK", "PARENT_TASK_ID_")).doesNotContain(EngineIndexes.TASK_PARENT_INDEX);
    assertThat(indexesOn("ACT_RU_JOB", "DUEDATE_")).doesNotContain(EngineIndexes.JOB_DUE_DATE_INDEX);
    indexes.postProcessEngineBuild(engine);

    assertThat(indexesOn("ACT_RU_TASK", "PARENT_TASK_ID_")).contains(EngineIndexes.TASK_PARENT_INDEX);
    assertThat(indexesOn("ACT_RU_JOB", "DUEDATE_")).contains(EngineIndexes.JOB_DUE_DATE_INDEX);
  }

  @Test
  void postgresBuildsThemWithoutBlockingWrites() {
    EngineIndexes.Index parent = EngineIndexes.INDEXES.get(0);
    assertThat(EngineIndexes.statement("", parent, true))
        .isEqualTo("create index concurrently if not exists MIIC_IDX_TASK_PARENT on ACT_RU_TASK(PARENT_TASK_ID_)");
    assertThat(EngineIndexes.statement("", parent, false))
        .isEqualTo("create index if not exists MIIC_IDX_TASK_PARENT on ACT_RU_TASK(PARENT_TASK_ID_)");
    assertThat(EngineIndexes.statement("", EngineIndexes.INDEXES.get(1), true))
        .isEqualTo("create index concurrently if not exists MIIC_IDX_JOB_DUEDATE on ACT_RU_JOB(DUEDATE_)");
  }

  @Test
  void everyJobHasADueDateAndOneMadeWithoutIsGivenOneAtTheNextStart() {
    // A new worksheet: its receipt email is an asynchronous continuation, due at once.
    org.miic.onboarding.worksheet.OnboardingRequest request = submit(org.miic.onboarding.support.Worksheets.complete("Undated Clinic"));
    org.camunda.bpm.engine.runtime.Job receipt = management.createJobQuery().processInstanceId(instance(request).getId()).singleResult();
    assertThat(receipt.getDuedate()).isNotNull();
    assertThat(management.createJobQuery().executable().jobId(receipt.getId()).count()).isOne();

    // A job an earlier version made, without a due date: the search for due jobs ("DUEDATE_ <= now") would never find it.
    // While another node holds it, it is left alone (a new due date would fail that node's run of it).
    jdbc.update("update ACT_RU_JOB set DUEDATE_ = null, LOCK_OWNER_ = 'an-older-node', LOCK_EXP_TIME_ = ? where ID_ = ?",
        new java.sql.Timestamp(System.currentTimeMillis() + 300_000), receipt.getId());
    indexes.postProcessEngineBuild(engine);
    assertThat(management.createJobQuery().jobId(receipt.getId()).singleResult().getDuedate()).isNull();

    // Once no node holds it, the next check (at start, and every few minutes) dates it.
    jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null where ID_ = ?", receipt.getId());
    indexes.dateUndatedJobsNow();

    assertThat(management.createJobQuery().jobId(receipt.getId()).singleResult().getDuedate()).isNotNull();
    runDueJobs();
    assertThat(management.createJobQuery().jobId(receipt.getId()).count()).isZero(); // it ran: the receipt went out
    assertThat(subjectsTo("primary@undatedclinic.example")).isNotEmpty();
  }

  @Test
  void anIndexLeftInvalidByAnInterruptedBuildIsBuiltAgain() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue("postgres".equals(
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType()),
        "PostgreSQL keeps an index whose concurrent build failed, marked invalid");
    // Two jobs of one type: a unique index on the job type cannot be built, and its concurrent build fails half-way.
    submit(org.miic.onboarding.support.Worksheets.complete("Invalid One Clinic"));
    submit(org.miic.onboarding.support.Worksheets.complete("Invalid Two Clinic"));
    try (Connection connection = jdbc.getDataSource().getConnection(); java.sql.Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.execute("drop index " + EngineIndexes.JOB_DUE_DATE_INDEX);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> statement.execute("create unique index concurrently "
          + EngineIndexes.JOB_DUE_DATE_INDEX + " on ACT_RU_JOB(HANDLER_TYPE_)")).isInstanceOf(java.sql.SQLException.class);
      assertThat(EngineIndexes.invalidOnPostgres(connection, EngineIndexes.JOB_DUE_DATE_INDEX)).isTrue();
    }

    indexes.postProcessEngineBuild(engine);

    try (Connection connection = jdbc.getDataSource().getConnection()) {
      assertThat(EngineIndexes.invalidOnPostgres(connection, EngineIndexes.JOB_DUE_DATE_INDEX)).isFalse();
    }
    assertThat(indexesOn("ACT_RU_JOB", "DUEDATE_")).containsExactly(EngineIndexes.JOB_DUE_DATE_INDEX);
  }

  @Test
  void theEngineStillCompletesATaskWithItsSubtasks() {
    Task parent = tasks.newTask();
    parent.setName("Parent");
    tasks.saveTask(parent);
    Task sub = tasks.newTask();
    sub.setName("Subtask");
    sub.setParentTaskId(parent.getId());
    tasks.saveTask(sub);
    assertThat(tasks.getSubTasks(parent.getId())).extracting(Task::getId).containsExactly(sub.getId());

    tasks.deleteTask(parent.getId(), true); // deleting a task deletes its subtasks, found by the parent task id

    assertThat(tasks.createTaskQuery().taskId(sub.getId()).count()).isZero();
  }

  /** The names of the indexes on an engine table's column, upper case (H2 reports them so, PostgreSQL in lower case). */
  private List<String> indexesOn(String engineTable, String column) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection connection = jdbc.getDataSource().getConnection()) {
      String table = connection.getMetaData().storesLowerCaseIdentifiers() ? engineTable.toLowerCase(java.util.Locale.ROOT) : engineTable;
      try (ResultSet rs = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
        while (rs.next()) {
          if (rs.getString("INDEX_NAME") != null && column.equalsIgnoreCase(rs.getString("COLUMN_NAME"))) {
            names.add(rs.getString("INDEX_NAME").toUpperCase(java.util.Locale.ROOT));
          }
        }
      }
    }
    return names;
  }
}
