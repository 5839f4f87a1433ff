package dev.wellplan.ops.dlq;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wellplan dlq}: the dead-letter topic's tools, in place of hand-typed Kafka console pipelines. */
@Command(name = "dlq", subcommands = {DlqListCommand.class, DlqReplayCommand.class},
        description = "The records the notifier could not apply (plan-events.dlq): what waits there and why, and "
                + "publishing them to plan-events again once the cause is fixed.",
        footer = {"", "Exit status: 0 done, 2 bad usage (an offset that holds no record included) or Kafka could not "
                + "be reached.", "What to do about dead letters: docs/operations.md."})
public final class DlqCommand implements Runnable {

    static final int UNUSABLE = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command: list or replay");
    }
}
