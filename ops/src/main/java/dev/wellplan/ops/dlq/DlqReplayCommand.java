package dev.wellplan.ops.dlq;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import dev.wellplan.contract.PlanEvent;

/**
 * {@code wellplan dlq replay}: publishes dead letters to plan-events again, with their key, value and
 * {@code wellplan-event-*} headers. The dead-letter topic is not emptied by it: Kafka topics are not edited.
 */
@Command(name = "replay", description = "Publish records of the dead-letter topic to plan-events again, with their "
        + "original key, value and wellplan-event-* headers. Fix the cause first: a record that is still poison lands "
        + "on the dead-letter topic again. Safe to repeat: the notifier skips what it already applied.")
final class DlqReplayCommand implements Callable<Integer> {

    private static final String ROW = "  %-10s %-36s  %-17s  %s%n";
    private static final String REPLAYED_ROW = "  %-10s %-10s %-36s  %-17s  %s%n";

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Selection selection;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "where to publish them (default ${DEFAULT-VALUE})")
    String topic = PlanEvent.TOPIC;

    @Option(names = "--dry-run", description = "list what would be replayed, publish nothing")
    boolean dryRun;

    /** Which records: all of them, or some by position. */
    static final class Selection {
        @Option(names = "--all", required = true, description = "every record on the dead-letter topic")
        boolean all;

        @Option(names = "--offset", required = true, paramLabel = "PARTITION:OFFSET", split = ",",
                converter = RecordPosition.Converter.class,
                description = "the record at this position, as dlq list shows it; repeat or separate with commas")
        List<RecordPosition> positions;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<DeadLetter> chosen;
        try {
            chosen = chosen(new DeadLetterTopic(kafka).readAll());
        } catch (KafkaException e) {
            return kafka.failed(spec.commandLine().getErr(), "read " + kafka.deadLetterTopic, e);
        }
        if (chosen.isEmpty()) {
            out.println(kafka.deadLetterTopic + ": no record waits, nothing to replay");
        } else if (dryRun) {
            out.print(rows("would replay " + count(chosen) + " to " + topic + " (--dry-run: nothing published)",
                    chosen, null));
        } else {
            try {
                List<RecordMetadata> landed = new PlanEventsReplay(kafka, topic).publish(chosen);
                out.print(rows("replayed " + count(chosen) + " to " + topic, chosen, landed));
                out.println("A record that is still poison goes back to " + kafka.deadLetterTopic + ". "
                        + "Next: ./wellplan check --wait 60");
            } catch (KafkaException e) {
                return kafka.failed(spec.commandLine().getErr(), "replay to " + topic, e);
            }
        }
        out.flush();
        return 0;
    }

    /** The records asked for; every position asked for must hold one, or nothing is replayed. */
    private List<DeadLetter> chosen(List<DeadLetter> all) {
        if (selection.all) {
            return all;
        }
        Set<RecordPosition> wanted = new TreeSet<>(selection.positions);
        List<DeadLetter> chosen = all.stream().filter(d -> wanted.contains(d.position())).toList();
        chosen.forEach(d -> wanted.remove(d.position()));
        if (!wanted.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no record at " + wanted + " on "
                    + kafka.deadLetterTopic + " (./wellplan dlq list shows the positions); nothing replayed");
        }
        return chosen;
    }

    private static String rows(String heading, List<DeadLetter> letters, List<RecordMetadata> landed) {
        StringBuilder s = new StringBuilder(heading).append(":\n");
        if (landed == null) {
            s.append(String.format(Locale.ROOT, ROW, "position", "plan", "event type", "event id"));
            letters.forEach(d -> s.append(String.format(Locale.ROOT, ROW, d.position(), d.planKey(), d.eventType(),
                    d.eventId())));
            return s.toString();
        }
        s.append(String.format(Locale.ROOT, REPLAYED_ROW, "from", "now at", "plan", "event type", "event id"));
        for (int i = 0; i < letters.size(); i++) {
            DeadLetter d = letters.get(i);
            String to = landed.get(i).partition() + ":" + landed.get(i).offset();
            s.append(String.format(Locale.ROOT, REPLAYED_ROW, d.position(), to, d.planKey(), d.eventType(),
                    d.eventId()));
        }
        return s.toString();
    }

    private static String count(List<DeadLetter> letters) {
        return letters.size() + (letters.size() == 1 ? " record" : " records");
    }
}
