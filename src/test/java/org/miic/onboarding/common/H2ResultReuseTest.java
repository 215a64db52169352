package org.miic.onboarding.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * H2 serves a stale count after a lock wait unless result reuse is off (the cause of the queue's double hand-out), and
 * every H2 database the application opens has it off.
 */
class H2ResultReuseTest extends ProcessTestSupport {

  private static final String COUNT_INVITED = "select count(*) from entry where status = 'INVITED'";

  @Autowired javax.sql.DataSource dataSource;

  @Test
  void anH2UrlGetsResultReuseTurnedOffAndOtherUrlsStayAsTheyAre() {
    assertThat(H2ResultReuse.withoutResultReuse("jdbc:h2:file:./data/miic-onboarding;AUTO_SERVER=FALSE"))
        .isEqualTo("jdbc:h2:file:./data/miic-onboarding;AUTO_SERVER=FALSE;OPTIMIZE_REUSE_RESULTS=FALSE");
    assertThat(H2ResultReuse.withoutResultReuse("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x;OPTIMIZE_REUSE_RESULTS=FALSE");
    // An administrator's own choice stays.
    assertThat(H2ResultReuse.withoutResultReuse("jdbc:h2:mem:x;optimize_reuse_results=TRUE")).isEqualTo("jdbc:h2:mem:x;optimize_reuse_results=TRUE");
    assertThat(H2ResultReuse.withoutResultReuse("jdbc:postgresql://127.0.0.1:5432/miic")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/miic");
  }

  @Test
  void theApplicationsH2DatabaseHasResultReuseOff() {
    String url = ((HikariDataSource) dataSource).getJdbcUrl();
    assumeTrue(url.startsWith("jdbc:h2:"), "runs on H2 (the database group runs on PostgreSQL)");
    assertThat(url).endsWith(";OPTIMIZE_REUSE_RESULTS=FALSE");
  }

  @Test
  void withResultReuseH2CountsAgainAfterTheLockWaitAndGetsTheOldCount() throws Exception {
    // If this fails, H2 no longer serves the stale result and H2ResultReuse can go (after the test below still passes).
    assertThat(staleCounts("jdbc:h2:mem:reuse-on;DB_CLOSE_DELAY=-1", 2_000, true)).isPositive();
  }

  @Test
  void withoutResultReuseTheCountAfterTheLockWaitSeesTheOtherTransactionsCommit() throws Exception {
    assertThat(staleCounts(H2ResultReuse.withoutResultReuse("jdbc:h2:mem:reuse-off;DB_CLOSE_DELAY=-1"), 500, false)).isZero();
  }

  /**
   * A queue dispatch's statements, from two connections: the second counts the invited entries while the first's
   * invitation is uncommitted, waits for the control row the first holds, and counts again once the first commits.
   * Returns how many second counts missed the committed invitation (stops at the first when asked to).
   */
  private static int staleCounts(String url, int rounds, boolean stopAtFirst) throws Exception {
    ExecutorService second = Executors.newSingleThreadExecutor();
    try (Connection setup = DriverManager.getConnection(url, "sa", "");
        Connection first = DriverManager.getConnection(url, "sa", "");
        Connection waiting = DriverManager.getConnection(url, "sa", "")) {
      execute(setup, "create table control(id int primary key, paused boolean)");
      execute(setup, "insert into control values (1, false)");
      execute(setup, "create table entry(id int primary key, status varchar(10))");
      execute(setup, "insert into entry values (1, 'WAITING')");
      first.setAutoCommit(false);
      waiting.setAutoCommit(false);
      int stale = 0;
      for (int i = 0; i < rounds && !(stopAtFirst && stale > 0); i++) {
        execute(setup, "update entry set status = 'WAITING'");
        execute(first, "update control set paused = paused where id = 1");
        execute(first, "update entry set status = 'INVITED' where id = 1");
        assertThat(count(waiting)).isZero(); // the invitation is not committed yet
        waiting.commit();
        Future<Integer> afterTheLock = second.submit(() -> {
          execute(waiting, "update control set paused = paused where id = 1");
          int invited = count(waiting);
          waiting.commit();
          return invited;
        });
        TimeUnit.MICROSECONDS.sleep(200); // the second connection is waiting for the control row
        first.commit();
        if (afterTheLock.get(10, TimeUnit.SECONDS) != 1) {
          stale++;
        }
      }
      execute(setup, "drop all objects");
      return stale;
    } finally {
      second.shutdownNow();
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static int count(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(COUNT_INVITED)) {
      result.next();
      return result.getInt(1);
    }
  }
}
