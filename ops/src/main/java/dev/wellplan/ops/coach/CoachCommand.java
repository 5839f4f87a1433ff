package dev.wellplan.ops.coach;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wellplan coach}: coach accounts, through the planner's admin API. */
@Command(name = "coach", subcommands = CoachAddCommand.class,
        description = "Coach accounts, through the planner's admin API (an admin's credentials).",
        footer = {"", "Exit status: 0 done, 1 the planner refused (the address has an account, a field is invalid, "
                + "the admin's sign-in was refused), 2 bad usage or the planner could not be reached.",
                "How to hand a coach their password: docs/operations.md, Creating coaches."})
public final class CoachCommand implements Runnable {

    static final int REFUSED = 1;
    static final int UNUSABLE = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command: add");
    }
}
