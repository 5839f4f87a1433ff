package dev.wellplan.notifier.reminder.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/** RFC 9457 problems of the notifier's API. */
final class Problems {

    private Problems() {
    }

    static Response notFound(String what) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Not Found");
        problem.put("status", 404);
        problem.put("detail", what + " is not known to the notifier");
        return Response.status(404).type("application/problem+json").entity(problem).build();
    }
}
