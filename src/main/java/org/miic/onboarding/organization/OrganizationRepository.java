package org.miic.onboarding.organization;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.miic.onboarding.common.Db;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

@Repository
public class OrganizationRepository {

  private static final RowMapper<Organization> MAPPER =
      (rs, i) -> new Organization(rs.getLong("id"), rs.getString("name"), Db.instant(rs, "created_at"));

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert insert;
  private final org.springframework.transaction.support.TransactionTemplate savepoint;

  public OrganizationRepository(JdbcTemplate jdbc, org.springframework.transaction.PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.savepoint = new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
    this.insert = new SimpleJdbcInsert(jdbc).withTableName("miic_organization").usingGeneratedKeyColumns("id")
        .usingColumns("name", "name_key", "created_at");
  }

  /** Normalizes a name for matching: case, surrounding and repeated spaces do not make another organization. */
  static String key(String name) {
    return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  public Optional<Organization> findById(long id) {
    return jdbc.query("select * from miic_organization where id = ?", MAPPER, id).stream().findFirst();
  }

  public Optional<Organization> findByName(String name) {
    return jdbc.query("select * from miic_organization where name_key = ?", MAPPER, key(name)).stream().findFirst();
  }

  /** The organization of that name, created on its first worksheet. */
  public Organization findOrCreate(String name, Instant now) {
    return findByName(name).orElseGet(() -> {
      try {
        // In a savepoint: when a concurrent submission created the organization first, the duplicate key rolls back to
        // it and the surrounding transaction goes on (PostgreSQL aborts a whole transaction on an error otherwise).
        long id = savepoint.execute(status -> insert.executeAndReturnKey(
            java.util.Map.of("name", name.trim(), "name_key", key(name), "created_at", Db.ts(now))).longValue());
        return new Organization(id, name.trim(), now);
      } catch (DuplicateKeyException raced) {
        return findByName(name).orElseThrow();
      }
    });
  }
}
