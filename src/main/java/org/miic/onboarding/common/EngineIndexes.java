package org.miic.onboarding.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's own schema lacks for queries the engine runs on every task completion (issue 9). Completing any
 * task deletes it, and deleting a task first looks for its subtasks: {@code select * from ACT_RU_TASK where
 * PARENT_TASK_ID_ = ?}. Camunda's schema has no index on that column, so every completion read every open task: with
 * 20,000 requests the bare engine's own completion fell from 66 to 20 a second on H2, and profiled completions of
 * Coordinate go-live spent a fifth of their time there.
 *
 * <p>Created after the engine has created or checked its schema (a plugin's post-build step), with {@code if not
 * exists}, so every start and every node may run it; an index another node creates at the same moment only logs a
 * warning. Engine upgrade scripts do not touch it. The statements are the same on H2 and PostgreSQL.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  /** The index name, as {@link #statements} creates it (tests look for it). */
  public static final String TASK_PARENT_INDEX = "MIIC_IDX_TASK_PARENT";

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    DataSource source = configuration.getDataSource();
    String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    for (String sql : statements(prefix)) {
      try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute(sql);
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
      } catch (SQLException e) {
        LOG.warn("Could not create an index on the engine's tables ({}); the engine works without it, more slowly", sql, e);
      }
    }
  }

  /** The statements, for a table prefix (empty by default). */
  static List<String> statements(String prefix) {
    return List.of("create index if not exists " + TASK_PARENT_INDEX + " on " + prefix + "ACT_RU_TASK(PARENT_TASK_ID_)");
  }
}
