package dev.wellplan.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the services' access rule-table tests share (docs/access.md): the routes a service's OpenAPI document lists,
 * each of which the table must name, and the kinds of answer the table expects.
 */
public final class RuleTables {

    /** An answer as a rule table names it: let in (2xx), or the refusal's status. */
    public enum Answer {
        ALLOWED, BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND;

        /** @throws AssertionError for a status that is neither a success nor one of the refusals */
        public static Answer of(int status) {
            if (status >= 200 && status < 300) {
                return ALLOWED;
            }
            return switch (status) {
                case 400 -> BAD_REQUEST;
                case 401 -> UNAUTHORIZED;
                case 403 -> FORBIDDEN;
                case 404 -> NOT_FOUND;
                default -> throw new AssertionError("an answer neither allowed nor refused: " + status);
            };
        }
    }

    private RuleTables() {
    }

    /** Every route of an OpenAPI document (JSON), as {@code METHOD /path/{param}}. */
    public static Set<String> routes(String openApiJson) {
        try {
            JsonNode paths = new ObjectMapper().readTree(openApiJson).get("paths");
            Set<String> routes = new TreeSet<>();
            paths.fieldNames().forEachRemaining(path -> paths.get(path).fieldNames().forEachRemaining(
                    method -> routes.add(method.toUpperCase() + " " + path)));
            return routes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
