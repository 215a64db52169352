package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 9: the two tables that take every message an organization sends (miic_test_message, miic_test_finding) lose
 * their foreign keys. Each message paid four key checks, and each check share-locks its parent row (the same request,
 * organization and credential for every message of a sender), which PostgreSQL turns into multixacts under concurrent
 * senders: a third of the database's work per message, measured with pgbench. The application keeps the references
 * (a message is stored only for an existing credential, its findings in the same transaction, and nothing deletes
 * them). In Java because V2 declared the keys without names, which the two databases name differently.
 */
public class V6__message_tables_without_foreign_keys extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    for (String table : List.of("miic_test_finding", "miic_test_message")) {
      List<String> keys = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement("select constraint_name from information_schema.table_constraints "
          + "where lower(table_name) = ? and constraint_type = 'FOREIGN KEY'")) {
        q.setString(1, table);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            keys.add(rs.getString(1));
          }
        }
      }
      try (Statement s = c.createStatement()) {
        for (String key : keys) {
          s.execute("alter table " + table + " drop constraint \"" + key.replace("\"", "") + "\"");
        }
      }
    }
  }
}
