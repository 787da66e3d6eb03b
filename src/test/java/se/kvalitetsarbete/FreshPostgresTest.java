package se.kvalitetsarbete;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The integration tests' databases: PostgreSQL, empty, one per test class (given server or embedded). */
class FreshPostgresTest {

  @Test
  void eachTestClassGetsAnEmptyPostgreSqlDatabaseOfItsOwn() throws SQLException {
    String first = FreshPostgres.create("kvalitetsarbete_fresh");
    String second = FreshPostgres.create("kvalitetsarbete_fresh");
    assertThat(first).isNotEqualTo(second).startsWith(FreshPostgres.server() + "kvalitetsarbete_fresh_");

    try (Connection c = DriverManager.getConnection(first, "postgres", ""); Statement s = c.createStatement()) {
      assertThat(single(s, "select version()")).startsWith("PostgreSQL ");
      assertThat(single(s, "select current_database()")).isEqualTo(first.substring(FreshPostgres.server().length()));
      assertThat(single(s, "select count(*) from information_schema.tables where table_schema = 'public'")).isEqualTo("0");
    }
  }

  private static String single(Statement s, String query) throws SQLException {
    try (ResultSet r = s.executeQuery(query)) {
      assertThat(r.next()).isTrue();
      return r.getString(1);
    }
  }
}
