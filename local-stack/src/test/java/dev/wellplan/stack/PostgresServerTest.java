package dev.wellplan.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @TempDir
    Path dir;

    @Test
    void startsAcceptsQueriesAndKeepsDataAcrossRestarts() throws Exception {
        PostgresServer pg = PostgresServer.start(dir, 0);
        try {
            int port = pg.port();
            assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + port + "/wellplan");
            assertThat(pg.user()).isEqualTo("postgres");
            assertThat(pg.password()).isEqualTo("postgres");
            assertThat(ProcessHandle.of(pg.pid())).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

            try (Connection c = pg.connect(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT current_database(), version()")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("wellplan");
                    assertThat(rs.getString(2)).startsWith("PostgreSQL 17");
                }
                s.execute("CREATE TABLE plan (id int PRIMARY KEY, client text)");
                s.execute("INSERT INTO plan VALUES (1, 'Ana Souza')");
            }

            long oldPid = pg.pid();
            pg.stop();
            assertThat(pg.isRunning()).isFalse();
            assertThat(ProcessHandle.of(oldPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

            // a new server on the same directory (as after a restart of the launcher) finds the data
            pg = PostgresServer.start(dir, port);
            assertThat(pg.port()).isEqualTo(port);
            try (Connection c = pg.connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT client FROM plan WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Ana Souza");
            }
        } finally {
            pg.close();
        }
        assertThat(pg.logFile()).exists();
        assertThat(dir.resolve("data/PG_VERSION")).hasContent("17");
    }
}
