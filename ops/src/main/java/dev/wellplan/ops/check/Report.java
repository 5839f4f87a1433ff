package dev.wellplan.ops.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.wellplan.ops.check.Divergence.Kind;

/** What one run of the check saw: counts, the outbox backlog and every divergence found. */
public record Report(Instant checkedAt, Map<String, Long> counts, long outboxPending, Duration oldestPendingAge,
                     List<Divergence> divergences) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Report {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        divergences = List.copyOf(divergences);
    }

    public boolean ok() {
        return divergences.isEmpty();
    }

    public List<Divergence> of(Kind kind) {
        return divergences.stream().filter(d -> d.kind() == kind).toList();
    }

    public Map<Kind, Integer> byKind() {
        Map<Kind, Integer> n = new EnumMap<>(Kind.class);
        for (Divergence d : divergences) {
            n.merge(d.kind(), 1, Integer::sum);
        }
        return n;
    }

    /** A human summary; lists at most {@code limit} divergences of each kind. */
    public String toText(int limit) {
        StringBuilder s = new StringBuilder();
        s.append("wellplan consistency check at ").append(checkedAt).append('\n');
        s.append("  ");
        counts.forEach((k, v) -> s.append(k).append(' ').append(v).append(", "));
        s.setLength(s.length() - 2);
        s.append('\n');
        if (outboxPending > 0) {
            s.append(String.format(Locale.ROOT, "  outbox: %d unpublished, oldest %s old%n", outboxPending,
                    Ages.human(oldestPendingAge)));
        }
        if (ok()) {
            return s.append("OK: no divergence\n").toString();
        }
        s.append(divergences.size()).append(divergences.size() == 1 ? " divergence" : " divergences").append('\n');
        byKind().forEach((kind, n) -> {
            s.append(String.format(Locale.ROOT, "  %s (%d): %s%n", kind, n, kind.meaning()));
            of(kind).stream().limit(limit).forEach(d -> s.append("    ").append(d.describe()).append('\n'));
            if (n > limit) {
                s.append("    ... and ").append(n - limit).append(" more\n");
            }
        });
        return s.append("See docs/operations.md for what each divergence means and what to do.\n").toString();
    }

    /** The report as JSON: {@code ok}, {@code checkedAt}, {@code counts}, {@code outbox}, {@code summary},
     *  {@code divergences} (at most {@code limit} of each kind) and {@code truncated}. */
    public String toJson(int limit) {
        ObjectNode root = JSON.createObjectNode();
        root.put("ok", ok());
        root.put("checkedAt", checkedAt.toString());
        ObjectNode c = root.putObject("counts");
        counts.forEach(c::put);
        ObjectNode outbox = root.putObject("outbox");
        outbox.put("pending", outboxPending);
        if (oldestPendingAge == null) {
            outbox.putNull("oldestPendingAgeSeconds");
        } else {
            outbox.put("oldestPendingAgeSeconds", oldestPendingAge.toMillis() / 1000.0);
        }
        ObjectNode summary = root.putObject("summary");
        byKind().forEach((kind, n) -> summary.put(kind.name(), n));
        ArrayNode listed = listed(root.putArray("divergences"), limit);
        root.put("truncated", listed.size() < divergences.size());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ArrayNode listed(ArrayNode list, int limit) {
        Map<Kind, Integer> listedOfKind = new EnumMap<>(Kind.class);
        for (Divergence d : divergences) {
            if (listedOfKind.merge(d.kind(), 1, Integer::sum) > limit) {
                continue;
            }
            ObjectNode n = list.addObject();
            n.put("kind", d.kind().name());
            n.put("planId", d.planId() == null ? null : d.planId().toString());
            n.put("reminderId", d.reminderId());
            n.put("detail", d.detail());
        }
        return list;
    }
}
