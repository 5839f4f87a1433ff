package dev.wellplan.ops;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import dev.wellplan.ops.check.CheckCommand;
import dev.wellplan.ops.coach.CoachCommand;
import dev.wellplan.ops.dlq.DlqCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The operator's command line: {@code ./wellplan check}, {@code ./wellplan dlq ...} and {@code ./wellplan coach add}.
 * The check and the dead-letter tools talk to the database and the Kafka cluster only, never to a service, so they
 * work the same against the local stack and production; adding a coach goes through the planner's admin API, since
 * the planner owns accounts.
 */
@Command(name = "wellplan", synopsisHeading = "usage: ", usageHelpWidth = 110, scope = ScopeType.INHERIT,
        subcommands = {CheckCommand.class, DlqCommand.class, CoachCommand.class},
        description = "Operator tools for the wellplan pipeline.")
public final class OpsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "show this help")
    boolean help;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command: check, dlq or coach");
    }

    public static void main(String[] args) {
        // kafka-clients logs through SLF4J, and this tool ships no binding: failures reach the operator as errors
        System.setProperty("slf4j.internal.verbosity", System.getProperty("slf4j.internal.verbosity", "ERROR"));
        System.exit(execute(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args));
    }

    /** Runs one command line; returns its exit status (2 for bad usage). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new OpsCommand());
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }
}
