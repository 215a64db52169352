package org.miic.onboarding.messaging;

import java.security.SecureRandom;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The organization's report link: no login, an unguessable token per request, made on first use. */
@Component
public class ReportLinks {

  private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final String baseUrl;

  public ReportLinks(JdbcTemplate jdbc, @Value("${miic.public-base-url}") String baseUrl) {
    this.jdbc = jdbc;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public String link(long requestId) {
    return baseUrl + "/report/" + token(requestId);
  }

  String token(long requestId) {
    String existing = jdbc.queryForObject("select report_token from miic_request where id = ?", String.class, requestId);
    if (existing != null) {
      return existing;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 32; i++) {
      sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    jdbc.update("update miic_request set report_token = ? where id = ? and report_token is null", sb.toString(), requestId);
    return jdbc.queryForObject("select report_token from miic_request where id = ?", String.class, requestId);
  }

  /** The request a report token belongs to. */
  public Optional<Long> requestOf(String token) {
    if (token == null || !token.matches("[a-z2-9]{32}")) {
      return Optional.empty();
    }
    return jdbc.queryForList("select id from miic_request where report_token = ?", Long.class, token).stream().findFirst();
  }
}
