package dev.wellplan.ops.dlq;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.apache.kafka.common.KafkaException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wellplan dlq list}: how many records wait, and per record where it is, whose it is and why it failed. */
@Command(name = "list", description = "How many records wait on the dead-letter topic, and for each its position, "
        + "plan, event id and type and the dead-letter-reason. Never its value: that holds the client's name and "
        + "e-mail address.")
final class DlqListCommand implements Callable<Integer> {

    private static final String ROW = "  %-10s %-36s  %-17s  %-36s  %s%n";

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        List<DeadLetter> letters;
        try {
            letters = new DeadLetterTopic(kafka).readAll();
        } catch (KafkaException e) {
            return kafka.failed(spec.commandLine().getErr(), "read " + kafka.deadLetterTopic, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(listing(letters));
        out.flush();
        return 0;
    }

    private String listing(List<DeadLetter> letters) {
        String where = kafka.deadLetterTopic + " at " + kafka.bootstrapServers;
        if (letters.isEmpty()) {
            return where + ": no record waits\n";
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s: %d %s (%s)%n", where,
                letters.size(), letters.size() == 1 ? "record waits" : "records wait", perPartition(letters)));
        s.append(String.format(Locale.ROOT, ROW, "position", "plan", "event type", "event id", "reason"));
        for (DeadLetter d : letters) {
            s.append(String.format(Locale.ROOT, ROW, d.position(), d.planKey(), d.eventType(), d.eventId(),
                    d.reason()));
        }
        return s.append("Fix the cause first, then: ./wellplan dlq replay --offset PARTITION:OFFSET (or --all)\n")
                .toString();
    }

    private static String perPartition(List<DeadLetter> letters) {
        Map<Integer, Long> counts = letters.stream()
                .collect(Collectors.groupingBy(DeadLetter::partition, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> "partition " + e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
