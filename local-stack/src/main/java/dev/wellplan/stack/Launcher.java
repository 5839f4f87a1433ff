package dev.wellplan.stack;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The launcher JVM's command line, behind {@code ./wellplan up}: {@code up [options]} ({@link UpCommand}) or
 * {@code help}. The shell script checks the build and handles {@code --no-build} before it gets here.
 */
@Command(name = "wellplan", synopsisHeading = "usage: ", usageHelpWidth = 110, scope = ScopeType.INHERIT,
        subcommands = {UpCommand.class, HelpCommand.class},
        description = "The whole wellplan system on this machine, no Docker.")
public final class Launcher implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    /** Without a command, say what there is. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "dev/wellplan/stack/launcher-log4j2.xml");
        }
        // the launcher stops everything in its own hook; log4j needs none (and would warn when first used in it)
        System.setProperty("log4j2.shutdownHookEnabled", "false");
        System.exit(new CommandLine(new Launcher()).execute(args));
    }
}
