package dev.wellplan.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which port each server and service listens on. A requested plan may hold 0 for "any free port"; {@link #resolve}
 * checks the others (no port twice, none in use) and picks distinct free ports for the zeros, before anything
 * starts, so a clash is reported with the flag that fixes it instead of as a failed server.
 */
record PortPlan(int postgres, int kafka, int kafkaController, int smtp, int mail, int planner, int notifier,
                int plannerManagement, int notifierManagement) {

    /** One port the stack needs: what it is for, the {@code ./wellplan up} flag that sets it, and the port. */
    private record Wanted(String what, String flag, int port) {
    }

    /** The plan to start with: zeros replaced by free ports; services' ports only {@code withServices}. */
    PortPlan resolve(boolean withServices) {
        List<Wanted> wanted = wanted(withServices);
        List<String> problems = problems(wanted);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("\n", problems)
                    + "\n(--free-ports picks free ports for everything)");
        }
        // free ports are picked together so that they are distinct
        int[] free = Ports.free(wanted.size());
        int[] resolved = new int[wanted.size()];
        int next = 0;
        for (int i = 0; i < wanted.size(); i++) {
            resolved[i] = wanted.get(i).port() != 0 ? wanted.get(i).port() : free[next++];
        }
        return withServices
                ? new PortPlan(resolved[0], resolved[1], resolved[2], resolved[3], resolved[4], resolved[5], resolved[6],
                        resolved[7], resolved[8])
                : new PortPlan(resolved[0], resolved[1], resolved[2], resolved[3], resolved[4], planner, notifier,
                        plannerManagement, notifierManagement);
    }

    private List<Wanted> wanted(boolean withServices) {
        List<Wanted> wanted = new ArrayList<>(List.of(
                new Wanted("PostgreSQL", "--pg-port", postgres),
                new Wanted("Kafka", "--kafka-port", kafka),
                new Wanted("Kafka controller", "--kafka-controller-port", kafkaController),
                new Wanted("SMTP", "--smtp-port", smtp),
                new Wanted("mail web UI/API", "--mail-port", mail)));
        if (withServices) {
            wanted.add(new Wanted("planner", "--planner-port", planner));
            wanted.add(new Wanted("notifier", "--notifier-port", notifier));
            wanted.add(new Wanted("planner management interface", "--planner-management-port", plannerManagement));
            wanted.add(new Wanted("notifier management interface", "--notifier-management-port",
                    notifierManagement));
        }
        return wanted;
    }

    private static List<String> problems(List<Wanted> wanted) {
        List<String> problems = new ArrayList<>();
        Map<Integer, String> seen = new LinkedHashMap<>();
        for (Wanted w : wanted) {
            if (w.port() == 0) {
                continue;
            }
            String other = seen.putIfAbsent(w.port(), w.what());
            if (other != null) {
                problems.add("port " + w.port() + " is given to both " + other + " and " + w.what());
            } else if (!Ports.isFree(w.port())) {
                problems.add("port " + w.port() + " (" + w.what() + ") is already in use: stop what uses it or pass "
                        + w.flag() + " <port>");
            }
        }
        return problems;
    }
}
