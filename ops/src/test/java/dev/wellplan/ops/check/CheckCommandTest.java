package dev.wellplan.ops.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import dev.wellplan.ops.OpsRun;

/** How {@code ./wellplan check} reads its command line; no database needed. */
class CheckCommandTest {

    private static CheckCommand parsed(String... args) {
        CheckCommand command = new CheckCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void without_options_it_checks_the_local_stack_now_with_the_notifiers_defaults() {
        CheckCommand command = parsed();
        ConsistencyCheck.Options options = command.options();

        assertThat(command.jdbcUrl).isEqualTo("jdbc:postgresql://localhost:5432/wellplan");
        assertThat(command.user).isEqualTo("postgres");
        assertThat(command.waitSeconds).isZero();
        assertThat(command.listed()).isEqualTo(20);
        assertThat(options.sendRace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.stuckAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(Duration.between(options.clock().instant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void now_send_race_limit_and_both_forms_of_an_option_value_are_read() {
        CheckCommand command = parsed("--now=2026-12-07T10:00:00Z", "--send-race", "5", "--limit", "0", "--wait=60",
                "--json", "--massage-lead", "PT12H", "--quiet-hours-margin=PT30M");
        ConsistencyCheck.Options options = command.options();

        assertThat(options.clock().instant()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(options.sendRace()).isEqualTo(Duration.ofSeconds(5));
        assertThat(command.listed()).as("--limit 0 still lists one of each kind").isEqualTo(1);
        assertThat(command.waitSeconds).isEqualTo(60);
        assertThat(command.json).isTrue();
        assertThat(command.massageLead).isEqualTo(Duration.ofHours(12));
        assertThat(command.quietHoursMargin).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void a_bad_value_is_a_usage_error_that_names_the_option() {
        assertThat(OpsRun.of("check", "--wait", "-1")).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("--wait needs a whole number >= 0", "usage: wellplan check");
        });
        assertThat(OpsRun.of("check", "--now", "yesterday")).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("--now");
        });
        assertThat(OpsRun.of("check", "--massage-lead", "24h").exit()).isEqualTo(2);
        assertThat(OpsRun.of("check", "--massage-lead", "-PT1H").exit()).isEqualTo(2);
        assertThat(OpsRun.of("check", "--limit", "many").exit()).isEqualTo(2);
        assertThat(OpsRun.of("check", "--user").exit()).as("an option without its value").isEqualTo(2);
        assertThat(OpsRun.of("check", "--bogus").err()).contains("Unknown option: '--bogus'");
    }

    @Test
    void help_lists_every_option_and_never_a_password() {
        OpsRun help = OpsRun.of("check", "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("usage: wellplan check", "--jdbc-url", "--user", "--password", "--wait",
                "--json", "--now", "--send-race", "--limit", "--massage-lead", "--quiet-hours-margin",
                "Exit status: 0 no divergence, 1 divergences, 2");
        assertThat(OpsRun.of("--help").out()).contains("check", "dlq");
        assertThat(OpsRun.of().exit()).as("no command").isEqualTo(2);
    }
}
