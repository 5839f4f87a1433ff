package dev.wellplan.ops.coach;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The planner's admin API as {@code coach add} uses it: {@code POST /api/admin/coaches} with an admin's HTTP Basic
 * sign-in. The planner owns accounts (validation, bcrypt, the audit log), so the tool asks it rather than writing
 * {@code planner.account} itself. Its refusals are RFC 9457 problems, turned here into one line for the operator.
 */
final class PlannerAdminApi {

    /** The account the planner made. */
    record Added(String id, String login) {
    }

    /** The planner answered, and said no: why, in its words. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI planner;
    private final AdminCredentials admin;
    private final Duration timeout;
    private final HttpClient http;

    PlannerAdminApi(URI planner, AdminCredentials admin, Duration timeout) {
        this.planner = planner;
        this.admin = admin;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * @throws Refused     the planner refused: the address has an account, a field is invalid, the sign-in failed
     * @throws IOException the planner could not be reached, or answered something that is not the admin API
     */
    Added addCoach(String email, String name, String password) throws Refused, IOException {
        String body = JSON.writeValueAsString(Map.of("email", email, "name", name, "password", password));
        HttpRequest request = HttpRequest.newBuilder(coaches()).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", basic()).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() == 201) {
            JsonNode added = JSON.readTree(response.body());
            return new Added(added.path("id").asText(), added.path("login").asText());
        }
        throw refusal(response);
    }

    private URI coaches() {
        String base = planner.toString().replaceAll("/+$", "");
        return URI.create(base + "/api/admin/coaches");
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((admin.login() + ":" + admin.password())
                .getBytes(StandardCharsets.UTF_8));
    }

    private Refused refusal(HttpResponse<String> response) throws IOException {
        int status = response.statusCode();
        String said = problem(response.body());
        return switch (status) {
            case 400, 409, 429 -> new Refused(said);
            case 401 -> new Refused("the planner refused the sign-in of " + admin.login() + ": " + said
                    + " (wrong login or password, or a disabled account)");
            case 403 -> new Refused(admin.login() + " may not add coaches: " + said);
            case 404 -> throw new IOException("no admin API at " + coaches() + " (404): is " + planner
                    + " the planner's public URL?");
            default -> throw new IOException("the planner answered " + status + ": " + said);
        };
    }

    /** The problem's field errors ({@code email: must be ...}), else its detail, else the bare body. */
    private static String problem(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            List<String> errors = new ArrayList<>();
            problem.path("errors").forEach(e -> errors.add(e.path("field").asText() + ": "
                    + e.path("message").asText()));
            if (!errors.isEmpty()) {
                return String.join("; ", errors);
            }
            return problem.hasNonNull("detail") ? problem.get("detail").asText() : body;
        } catch (IOException e) {
            return body.length() > 200 ? body.substring(0, 200) + "..." : body;
        }
    }
}
