package dev.wellplan.ops.check;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import dev.wellplan.reminders.ReminderPolicy;

/** {@code wellplan check}: runs the consistency check and prints its report; exit 0 consistent, 1 divergences. */
@Command(name = "check", sortOptions = false,
        description = "Compare the planner's plans, the outbox, the notifier's applied plans and its reminder ledger, "
                + "holding the ledger to the notifier's own reminder policy. Read-only.",
        footer = {"", "Exit status: 0 no divergence, 1 divergences, 2 bad usage or the database cannot be read.",
                "What each divergence means and what to do: docs/operations.md."})
public final class CheckCommand implements Callable<Integer> {

    static final int UNUSABLE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "the shared database (default ${DEFAULT-VALUE})")
    String jdbcUrl = "jdbc:postgresql://localhost:5432/wellplan";

    @Option(names = "--user", paramLabel = "U", description = "default ${DEFAULT-VALUE}")
    String user = "postgres";

    @Option(names = "--password", paramLabel = "P", showDefaultValue = Visibility.NEVER,
            defaultValue = "${env:WELLPLAN_DB_PASSWORD:-postgres}",
            description = "default postgres, or the environment variable WELLPLAN_DB_PASSWORD")
    String password;

    @Option(names = "--wait", paramLabel = "SECONDS", description = "re-check until consistent or SECONDS have passed "
            + "(the pipeline is asynchronous: a plan committed a moment ago is not applied yet); default 0")
    int waitSeconds;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Option(names = "--now", paramLabel = "INSTANT",
            description = "judge as of this instant (ISO-8601), e.g. the services' time under --speed")
    Instant now;

    @Option(names = "--send-race", paramLabel = "SECONDS",
            description = "how long a send started before a plan change may still finish (default ${DEFAULT-VALUE})")
    int sendRaceSeconds = 30;

    @Option(names = "--limit", paramLabel = "N", description = "list at most N divergences of each kind (default "
            + "${DEFAULT-VALUE}; counts are always complete)")
    int limit = 20;

    @Option(names = "--massage-lead", paramLabel = "DURATION", description = "the notifier's "
            + "wellplan.reminders.massage-lead (default ${DEFAULT-VALUE})")
    Duration massageLead = ReminderPolicy.DEFAULT_MASSAGE_LEAD;

    @Option(names = "--quiet-hours-margin", paramLabel = "DURATION", description = "the notifier's "
            + "wellplan.reminders.quiet-hours-margin (default ${DEFAULT-VALUE})")
    Duration quietHoursMargin = ReminderPolicy.DEFAULT_QUIET_HOURS_MARGIN;

    @Override
    public Integer call() {
        ConsistencyCheck.Options options = options();
        PrintWriter out = spec.commandLine().getOut();
        Report report;
        try {
            report = waitSeconds == 0 ? ConsistencyCheck.run(jdbcUrl, user, password, options)
                    : ConsistencyCheck.runWaiting(jdbcUrl, user, password, options, Duration.ofSeconds(waitSeconds));
        } catch (SQLException | RuntimeException e) {
            spec.commandLine().getErr().println("wellplan check: cannot check " + jdbcUrl + ": " + e.getMessage());
            return UNUSABLE;
        }
        out.print(json ? report.toJson(listed()) + "\n" : report.toText(listed()));
        out.flush();
        return report.ok() ? 0 : 1;
    }

    /** The options as given, checked: a bad value is a usage error (exit 2), not a failed check. */
    ConsistencyCheck.Options options() {
        requireNotNegative("--wait", waitSeconds);
        requireNotNegative("--send-race", sendRaceSeconds);
        requireNotNegative("--limit", limit);
        if (massageLead.isNegative() || quietHoursMargin.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--massage-lead and --quiet-hours-margin cannot be "
                    + "negative");
        }
        ConsistencyCheck.Options options = ConsistencyCheck.Options.defaults()
                .withSendRace(Duration.ofSeconds(sendRaceSeconds))
                .withPolicy(new ReminderPolicy(massageLead, quietHoursMargin));
        return now == null ? options : options.withNow(now);
    }

    /** {@code --limit 0} lists one of each kind, as it always has: a report names at least one example. */
    int listed() {
        return Math.max(1, limit);
    }

    private void requireNotNegative(String option, int value) {
        if (value < 0) {
            throw new ParameterException(spec.commandLine(), option + " needs a whole number >= 0, not " + value);
        }
    }
}
