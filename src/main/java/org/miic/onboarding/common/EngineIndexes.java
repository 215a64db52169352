package org.miic.onboarding.common;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's own schema lacks for queries it runs all the time (issue 9):
 * <ul>
 * <li>{@value #TASK_PARENT_INDEX} on ACT_RU_TASK(PARENT_TASK_ID_). Completing any task deletes it, and deleting a task
 * first looks for its subtasks: {@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}. Without the index every
 * completion read every open task: with 20,000 requests the bare engine's own completion fell from 66 to 20 a second
 * on H2, and profiled completions of Coordinate go-live spent a fifth of their time there.
 * <li>{@value #JOB_DUE_DATE_INDEX} on ACT_RU_JOB(DUEDATE_). The job executor looks for due jobs again and again
 * (after every job it ran, and every few seconds when idle). Every request keeps timers due in days or years (reminders,
 * renewals, the monthly data-quality review), so without the index each look read every job: 1.3 ms at 1,800 jobs on
 * PostgreSQL, two or three times per task completion, growing with the number of organizations. With
 * {@code ensureJobDueDateNotNull} (application.yml) every job has a due date, the acquisition asks only
 * {@code DUEDATE_ <= now}, and the index answers with the due jobs alone (0.07 ms).
 * </ul>
 *
 * <p>Created after the engine has created or checked its schema (a plugin's post-build step) when the table does not
 * have it yet; an ordinary start only reads the tables' index lists, so it takes no lock on them. With
 * {@code if not exists}, an index another node creates at the same moment is no error. Engine upgrade scripts do not
 * touch them. Jobs created before {@code ensureJobDueDateNotNull} (by an older version of the application) have no due
 * date, and an acquisition that asks only for due dates would never take them: each start gives those the moment they
 * were made as their due date, through the engine's API.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  /** The index names, as {@link #statement} creates them (tests look for them). */
  public static final String TASK_PARENT_INDEX = "MIIC_IDX_TASK_PARENT";
  public static final String JOB_DUE_DATE_INDEX = "MIIC_IDX_JOB_DUEDATE";

  /** An index: its name, the engine table (without prefix) and the column. */
  record Index(String name, String table, String column) {}

  static final List<Index> INDEXES = List.of(new Index(TASK_PARENT_INDEX, "ACT_RU_TASK", "PARENT_TASK_ID_"),
      new Index(JOB_DUE_DATE_INDEX, "ACT_RU_JOB", "DUEDATE_"));

  private volatile ProcessEngine engine;

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    DataSource source = configuration.getDataSource();
    String prefix = prefix(configuration);
    for (Index index : INDEXES) {
      create(source, prefix, index, "postgres".equals(configuration.getDatabaseType()));
    }
    engine = processEngine;
    if (configuration.isEnsureJobDueDateNotNull()) {
      dateUndatedJobs(processEngine, source, prefix);
    }
  }

  /**
   * Again every few minutes: while nodes of an older version still run (a rolling upgrade), they make jobs without a
   * due date after this node started.
   */
  @Scheduled(initialDelayString = "${miic.engine.undated-jobs-check-ms:300000}", fixedDelayString = "${miic.engine.undated-jobs-check-ms:300000}")
  void dateUndatedJobsNow() {
    ProcessEngine current = engine;
    if (current == null) {
      return; // the engine is not built yet
    }
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) current.getProcessEngineConfiguration();
    if (configuration.isEnsureJobDueDateNotNull()) {
      dateUndatedJobs(current, configuration.getDataSource(), prefix(configuration));
    }
  }

  /** The engine's table prefix, empty when it has none. */
  public static String prefix(ProcessEngineConfigurationImpl configuration) {
    return configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
  }

  private static void create(DataSource source, String prefix, Index index, boolean postgres) {
    try (Connection connection = source.getConnection()) {
      if (!connection.getAutoCommit()) {
        connection.setAutoCommit(true); // PostgreSQL builds an index concurrently only outside a transaction block
      }
      if (postgres && invalidOnPostgres(connection, index.name())) {
        // A concurrent build that failed (a crash, a cancelled statement) leaves an invalid index: it costs every write
        // and the planner never uses it. Built again.
        try (Statement statement = connection.createStatement()) {
          statement.execute("drop index concurrently if exists " + index.name());
        }
        LOG.warn("Dropped the invalid index {} (an interrupted build) to build it again", index.name());
      } else if (exists(connection, prefix + index.table(), index.name())) {
        return; // the usual start: no statement, so no lock on the table
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute(statement(prefix, index, postgres));
      }
      LOG.info("Created the index {} on the engine's table {}", index.name(), index.table());
    } catch (SQLException e) {
      LOG.warn("Could not create the index {} on the engine's table {}; the engine works without it, more slowly", index.name(),
          index.table(), e);
    }
  }

  /** Gives the jobs without a due date (made before ensureJobDueDateNotNull) the moment they were made, so that acquisition finds them. */
  static void dateUndatedJobs(ProcessEngine engine, DataSource source, String prefix) {
    List<String> ids = new ArrayList<>();
    // Not the jobs a node holds now: a new due date would fail that node's run (its revision changed), and the job
    // would run again when its lock ends.
    try (Connection connection = source.getConnection(); PreparedStatement statement = connection.prepareStatement(
        "select ID_ from " + prefix + "ACT_RU_JOB where DUEDATE_ is null and (LOCK_OWNER_ is null or LOCK_EXP_TIME_ < ?)")) {
      statement.setTimestamp(1, new Timestamp(System.currentTimeMillis()));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      LOG.warn("Could not look for jobs without a due date", e);
      return;
    }
    ManagementService management = engine.getManagementService();
    int dated = 0;
    for (String id : ids) {
      try {
        Job job = management.createJobQuery().jobId(id).singleResult();
        if (job == null || job.getDuedate() != null) {
          continue; // run, or dated, meanwhile
        }
        // Due since it was made: it stays first among the due jobs, as a job without a due date was.
        management.setJobDuedate(id, job.getCreateTime() != null ? job.getCreateTime() : new Date(0));
        dated++;
      } catch (ProcessEngineException e) {
        // Run (and deleted) or changed meanwhile by another node: nothing left to date.
        LOG.debug("Job {} was not given a due date: {}", id, e.getMessage());
      }
    }
    if (dated > 0) {
      LOG.info("Gave {} jobs made without a due date the moment they were made as their due date", dated);
    }
  }

  /**
   * The statement for a table prefix (empty by default). On PostgreSQL the index is built concurrently: a first start
   * on a live database does not hold up the other nodes' writes while it is built.
   */
  static String statement(String prefix, Index index, boolean postgres) {
    return "create index " + (postgres ? "concurrently " : "") + "if not exists " + index.name() + " on " + prefix
        + index.table() + "(" + index.column() + ")";
  }

  /** Whether PostgreSQL has the index and marks it invalid (left by a concurrent build that did not finish). */
  static boolean invalidOnPostgres(Connection connection, String index) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "select i.indisvalid from pg_catalog.pg_index i join pg_catalog.pg_class c on c.oid = i.indexrelid where c.relname = ?")) {
      statement.setString(1, index.toLowerCase(Locale.ROOT));
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() && !rs.getBoolean(1);
      }
    }
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
