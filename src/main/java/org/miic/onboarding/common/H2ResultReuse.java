package org.miic.onboarding.common;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Turns H2's result reuse off on whatever H2 database the application opens: the embedded default, the tests, the
 * bench, or an H2 URL of an administrator's own. PostgreSQL has no such cache and its URL is left alone.
 *
 * <p>H2 2.3 keeps the last result of each statement of a session and serves it again while no table the statement read
 * has changed since. But a commit makes its changes visible and releases its row locks before it marks its tables as
 * changed. A session that read a table while another transaction's change to it was still uncommitted, then waited for
 * that transaction's lock, can be served its old result once the lock is released. That is how two queue dispatches
 * handed out one onboarding slot twice in CI: the second counted the invited organizations before the first committed,
 * waited for the queue's lock, and counted again, getting the stale count (QueueTest, H2ResultReuseTest).
 */
@Component
class H2ResultReuse implements BeanPostProcessor {

  static final String SETTING = "OPTIMIZE_REUSE_RESULTS";

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    // The pool opens its first connection on first use, after every bean is initialized, so the URL can still change.
    if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null) {
      dataSource.setJdbcUrl(withoutResultReuse(dataSource.getJdbcUrl()));
    }
    return bean;
  }

  /** The URL with result reuse off if it is an H2 URL that does not set it itself; any other URL as it is. */
  static String withoutResultReuse(String url) {
    if (!url.regionMatches(true, 0, "jdbc:h2:", 0, 8) || url.toUpperCase(Locale.ROOT).contains(";" + SETTING + "=")) {
      return url;
    }
    return url + ";" + SETTING + "=FALSE";
  }
}
