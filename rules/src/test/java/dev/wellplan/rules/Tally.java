package dev.wellplan.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts of what a property run saw, as small tables (table, row, column), printed once at the end of the run by
 * {@link PropertyCheck#forAllCounted}: a property that passes because its interesting branch never ran shows it.
 */
public final class Tally {
    private final Map<String, Map<String, Map<String, Integer>>> tables = new LinkedHashMap<>();

    /** One more in {@code table}, row {@code row}, column {@code column}. */
    public void count(String table, String row, String column) {
        tables.computeIfAbsent(table, t -> new TreeMap<>()).computeIfAbsent(row, r -> new TreeMap<>())
                .merge(column, 1, Integer::sum);
    }

    boolean isEmpty() {
        return tables.isEmpty();
    }

    /** Each table with its rows and columns in alphabetical order, a row's share of the table's total last. */
    String report() {
        StringBuilder out = new StringBuilder();
        tables.forEach((title, rows) -> {
            TreeSet<String> columns = new TreeSet<>();
            rows.values().forEach(row -> columns.addAll(row.keySet()));
            int total = rows.values().stream().flatMap(row -> row.values().stream()).mapToInt(Integer::intValue).sum();
            int width = Math.max(title.length(), rows.keySet().stream().mapToInt(String::length).max().orElse(0));
            out.append(String.format("  %-" + width + "s", title));
            columns.forEach(column -> out.append("  ").append(column));
            out.append(String.format("%n"));
            rows.forEach((name, row) -> {
                out.append(String.format("  %-" + width + "s", name));
                columns.forEach(column -> out.append(String.format("  %" + column.length() + "d",
                        row.getOrDefault(column, 0))));
                int sum = row.values().stream().mapToInt(Integer::intValue).sum();
                out.append(String.format(" %6.1f %%%n", 100.0 * sum / total));
            });
        });
        return out.toString();
    }
}
