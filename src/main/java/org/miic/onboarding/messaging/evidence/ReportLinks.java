package org.miic.onboarding.messaging.evidence;

import java.util.Optional;
import org.miic.onboarding.common.PublicUrls;
import org.miic.onboarding.common.RandomTokens;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The organization's report link: no login, an unguessable token per request, made on first use. */
@Component
public class ReportLinks {

  private static final int LENGTH = 32;

  private final JdbcTemplate jdbc;
  private final PublicUrls urls;

  public ReportLinks(JdbcTemplate jdbc, PublicUrls urls) {
    this.jdbc = jdbc;
    this.urls = urls;
  }

  public String link(long requestId) {
    return urls.of("/report/" + token(requestId));
  }

  String token(long requestId) {
    String existing = jdbc.queryForObject("select report_token from miic_request where id = ?", String.class, requestId);
    if (existing != null) {
      return existing;
    }
    jdbc.update("update miic_request set report_token = ? where id = ? and report_token is null", RandomTokens.next(LENGTH), requestId);
    return jdbc.queryForObject("select report_token from miic_request where id = ?", String.class, requestId);
  }

  /** The request a report token belongs to. */
  public Optional<Long> requestOf(String token) {
    if (!RandomTokens.looksLike(token, RandomTokens.LOWER, LENGTH)) {
      return Optional.empty();
    }
    return jdbc.queryForList("select id from miic_request where report_token = ?", Long.class, token).stream().findFirst();
  }
}
