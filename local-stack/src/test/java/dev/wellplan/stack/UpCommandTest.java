package dev.wellplan.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** How {@code ./wellplan up} reads its command line; nothing is started. */
class UpCommandTest {

    private static UpCommand parsed(String... args) {
        UpCommand up = new UpCommand();
        new CommandLine(up).parseArgs(args);
        return up;
    }

    @Test
    void without_options_everything_is_on_its_well_known_port_under_the_repository_root() {
        UpCommand up = parsed();
        LocalStack.Builder builder = up.builder();

        assertThat(builder.requestedPorts()).isEqualTo(new PortPlan(5432, 9092, 9093, 3025, 8025, 8080, 8081, 9080, 9081));
        assertThat(up.timeoutSeconds).isEqualTo(180);
        assertThat(up.mailKeep).isEqualTo(MailServer.DEFAULT_CAPACITY);
        assertThat(builder.build().dataDir()).isEqualTo(Path.of(".wellplan").toAbsolutePath().normalize());
    }

    @Test
    void a_port_flag_wins_over_free_ports_wherever_it_stands() {
        assertThat(parsed("--pg-port", "5433", "--free-ports").builder().requestedPorts())
                .isEqualTo(new PortPlan(5433, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(parsed("--free-ports", "--notifier-port=9000").builder().requestedPorts())
                .isEqualTo(new PortPlan(0, 0, 0, 0, 0, 0, 9000, 0, 0));
        assertThat(parsed("--planner-management-port", "9100", "--free-ports").builder().requestedPorts())
                .isEqualTo(new PortPlan(0, 0, 0, 0, 0, 0, 0, 9100, 0));
    }

    @Test
    void every_option_of_wellplan_help_is_read() {
        UpCommand up = parsed("--infra-only", "--data-dir", "/tmp/wp", "--fresh", "--speed", "1440", "--kafka-port",
                "1", "--kafka-controller-port", "2", "--smtp-port", "3", "--mail-port", "4", "--mail-keep", "50", "--planner-port", "5",
                "--notifier-management-port", "6", "--timeout", "60", "--planner-jar", "p.jar", "--notifier-jar", "n.jar");

        assertThat(up.infraOnly).isTrue();
        assertThat(up.fresh).isTrue();
        assertThat(up.speed).isEqualTo("1440");
        assertThat(up.timeoutSeconds).isEqualTo(60);
        assertThat(up.mailKeep).isEqualTo(50);
        assertThat(up.plannerJar).isEqualTo(Path.of("p.jar"));
        assertThat(up.notifierJar).isEqualTo(Path.of("n.jar"));
        assertThat(up.builder().requestedPorts()).isEqualTo(new PortPlan(5432, 1, 2, 3, 4, 5, 8081, 9080, 6));
        assertThat(up.builder().build().dataDir()).isEqualTo(Path.of("/tmp/wp"));
        assertThat(Duration.ofSeconds(up.timeoutSeconds)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void a_bad_value_is_a_usage_error_that_names_the_option() {
        assertThatThrownBy(() -> parsed("--speed", "0").builder()).isInstanceOf(ParameterException.class)
                .hasMessageContaining("--speed needs a positive number, not '0'");
        assertThatThrownBy(() -> parsed("--speed", "fast").builder()).isInstanceOf(ParameterException.class);
        assertThatThrownBy(() -> parsed("--timeout", "0").builder()).isInstanceOf(ParameterException.class)
                .hasMessageContaining("--timeout needs a number from 1 to 86400");
        assertThatThrownBy(() -> parsed("--pg-port", "70000").builder()).isInstanceOf(ParameterException.class)
                .hasMessageContaining("a port is a number from 0 to 65535, not 70000");
        assertThatThrownBy(() -> parsed("--pg-port", "five")).isInstanceOf(ParameterException.class);
        assertThatThrownBy(() -> parsed("--mail-keep", "0").builder()).isInstanceOf(ParameterException.class)
                .hasMessageContaining("--mail-keep needs a number of 1 or more, not 0");
        assertThatThrownBy(() -> parsed("--bogus")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("Unknown option: '--bogus'");
    }

    @Test
    void the_launcher_exits_2_on_bad_usage_and_its_help_lists_the_options() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine launcher = new CommandLine(new Launcher());
        launcher.setOut(new PrintWriter(out, true));
        launcher.setErr(new PrintWriter(err, true));

        assertThat(launcher.execute("up", "--speed", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--speed needs a positive number", "usage: wellplan up");
        assertThat(launcher.execute("help", "up")).isZero();
        assertThat(out.toString()).contains("--infra-only", "--data-dir", "--fresh", "--speed", "--pg-port",
                "--kafka-port", "--kafka-controller-port", "--smtp-port", "--mail-port", "--mail-keep", "--planner-port",
                "--notifier-port", "--planner-management-port", "--notifier-management-port", "--free-ports", "--timeout", "--planner-jar", "--notifier-jar");
    }
}
