package org.miic.onboarding.common;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
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
 * <p>Created after the engine has created or checked its schema (a plugin's post-build step) when the table does not
 * have it yet; an ordinary start only reads the table's index list, so it takes no lock on the task table. With
 * {@code if not exists}, an index another node creates at the same moment is no error. Engine upgrade scripts do not
 * touch it.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  /** The index name, as {@link #statement} creates it (tests look for it). */
  public static final String TASK_PARENT_INDEX = "MIIC_IDX_TASK_PARENT";

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    DataSource source = configuration.getDataSource();
    String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    try (Connection connection = source.getConnection()) {
      if (exists(connection, prefix + "ACT_RU_TASK", TASK_PARENT_INDEX)) {
        return; // the usual start: no statement, so no lock on the task table
      }
      String sql = statement(prefix, "postgres".equals(configuration.getDatabaseType()));
      if (!connection.getAutoCommit()) {
        connection.setAutoCommit(true); // PostgreSQL builds an index concurrently only outside a transaction block
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
      LOG.info("Created the index {} on the engine's task table", TASK_PARENT_INDEX);
    } catch (SQLException e) {
      LOG.warn("Could not create the index {} on the engine's task table; the engine works without it, more slowly", TASK_PARENT_INDEX, e);
    }
  }

  /**
   * The statement for a table prefix (empty by default). On PostgreSQL the index is built concurrently: a first start
   * on a live database does not hold up the other nodes' task writes while it is built.
   */
  static String statement(String prefix, boolean postgres) {
    return "create index " + (postgres ? "concurrently " : "") + "if not exists " + TASK_PARENT_INDEX + " on " + prefix
        + "ACT_RU_TASK(PARENT_TASK_ID_)";
  }

  /** Whether the table has the index (names compared without case: H2 reports upper case, PostgreSQL lower). */
  static boolean exists(Connection connection, String table, String index) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String name = meta.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table.toUpperCase(Locale.ROOT);
    String schema = null;
    int dot = name.lastIndexOf('.');
    if (dot >= 0) {
      schema = name.substring(0, dot);
      name = name.substring(dot + 1);
    }
    try (ResultSet rs = meta.getIndexInfo(null, schema, name, false, false)) {
      while (rs.next()) {
        if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
          return true;
        }
      }
    }
    return false;
  }
}
