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

/** The engine's task table gets the index on the parent task that every task completion looks up (issue 9). */
class EngineIndexesTest extends ProcessTestSupport {

  @Autowired EngineIndexes indexes;

  @Test
  void theParentTaskIndexExistsAfterStartAndASecondStartLeavesItAsItIs() throws Exception {
    assertThat(indexesOnTaskTable()).contains(EngineIndexes.TASK_PARENT_INDEX);

    indexes.postProcessEngineBuild(engine); // another start, or another node, on the same database

    assertThat(indexesOnTaskTable()).filteredOn(EngineIndexes.TASK_PARENT_INDEX::equals).hasSize(1);
  }

  @Test
  void aDatabaseWithoutTheIndexGetsItAtTheNextStart() throws Exception {
    jdbc.execute("drop index " + EngineIndexes.TASK_PARENT_INDEX); // a database from before this index

    assertThat(indexesOnTaskTable()).doesNotContain(EngineIndexes.TASK_PARENT_INDEX);
    indexes.postProcessEngineBuild(engine);

    assertThat(indexesOnTaskTable()).contains(EngineIndexes.TASK_PARENT_INDEX);
  }

  @Test
  void postgresBuildsItWithoutBlockingTaskWrites() {
    assertThat(EngineIndexes.statement("", true))
        .isEqualTo("create index concurrently if not exists MIIC_IDX_TASK_PARENT on ACT_RU_TASK(PARENT_TASK_ID_)");
    assertThat(EngineIndexes.statement("", false))
        .isEqualTo("create index if not exists MIIC_IDX_TASK_PARENT on ACT_RU_TASK(PARENT_TASK_ID_)");
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

  /** The index names on the engine's task table, upper case (H2 reports them so, PostgreSQL in lower case). */
  private List<String> indexesOnTaskTable() throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection connection = jdbc.getDataSource().getConnection()) {
      String table = connection.getMetaData().storesLowerCaseIdentifiers() ? "act_ru_task" : "ACT_RU_TASK";
      try (ResultSet rs = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
        while (rs.next()) {
          if (rs.getString("INDEX_NAME") != null && "parent_task_id_".equalsIgnoreCase(rs.getString("COLUMN_NAME"))) {
            names.add(rs.getString("INDEX_NAME").toUpperCase(java.util.Locale.ROOT));
          }
        }
      }
    }
    return names;
  }
}
