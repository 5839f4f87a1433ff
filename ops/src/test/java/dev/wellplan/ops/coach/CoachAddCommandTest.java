package dev.wellplan.ops.coach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import dev.wellplan.stack.Ports;
import picocli.CommandLine;

/**
 * The HTTP side of {@code coach add}: what it sends the planner's admin API and what it makes of each answer. A
 * plain HTTP server stands in for the planner and answers as the planner's admin API does (its status codes and
 * RFC 9457 bodies); the command against a real planner is in the system tests (NoPersonalDataInLogsSystemTest).
 */
class CoachAddCommandTest {

    private static final Pattern PRINTED_PASSWORD = Pattern.compile("(?m)^  (\\S+)$");

    private record Received(String method, String path, Map<String, List<String>> headers, JsonNode body) {
    }

    private HttpServer planner;
    private final List<Received> received = new ArrayList<>();
    private volatile int status = 201;
    private volatile String answer = "";

    @BeforeEach
    void standIn() throws IOException {
        planner = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        planner.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (received) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        Map.copyOf(exchange.getRequestHeaders()), new ObjectMapper().readTree(body)));
            }
            byte[] reply = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", status == 201 ? "application/json"
                    : "application/problem+json");
            exchange.sendResponseHeaders(status, reply.length == 0 ? -1 : reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        planner.start();
    }

    @AfterEach
    void stop() {
        planner.stop(0);
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new CoachAddCommand(environment::get, () -> null,
                new GeneratedPasswords(new SecureRandom())));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private String url() {
        return "http://localhost:" + planner.getAddress().getPort();
    }

    @Test
    void adds_the_coach_as_the_local_admin_and_prints_the_generated_password_once() {
        answer = "{\"id\": \"7d3c1e2a-0000-4000-8000-000000000001\", \"login\": \"mae@clinic.example\"}";

        Run run = run(Map.of(), "--planner-url", url(), "--email", "mae@clinic.example", "--name", "Mae Jones");

        assertThat(run.exit()).as(run.err()).isZero();
        Matcher printed = PRINTED_PASSWORD.matcher(run.out());
        assertThat(printed.find()).as(run.out()).isTrue();
        String password = printed.group(1);
        assertThat(password).matches("([" + GeneratedPasswords.ALPHABET + "]{5}-){3}[" + GeneratedPasswords.ALPHABET
                + "]{5}");
        assertThat(run.out()).contains("7d3c1e2a-0000-4000-8000-000000000001", "mae@clinic.example")
                .containsOnlyOnce(password);
        assertThat(run.err()).doesNotContain(password);

        Received request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/admin/coaches");
        assertThat(request.headers().get("Content-type")).containsExactly("application/json");
        assertThat(request.headers()).doesNotContainKey("Origin");
        assertThat(request.headers().get("Authorization")).containsExactly("Basic "
                + Base64.getEncoder().encodeToString("admin:admin-local".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.body().get("email").asText()).isEqualTo("mae@clinic.example");
        assertThat(request.body().get("name").asText()).isEqualTo("Mae Jones");
        assertThat(request.body().get("password").asText()).isEqualTo(password);
    }

    @Test
    void the_admin_password_from_the_environment_wins_over_the_local_default() {
        answer = "{\"id\": \"7d3c1e2a-0000-4000-8000-000000000002\", \"login\": \"ike@clinic.example\"}";

        Run run = run(Map.of("WELLPLAN_ADMIN_PASSWORD", "the real admin password"), "--planner-url", url(),
                "--admin", "ops@clinic.example", "--email", "ike@clinic.example", "--name", "Ike Ono");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(received.get(0).headers().get("Authorization")).containsExactly("Basic " + Base64.getEncoder()
                .encodeToString("ops@clinic.example:the real admin password".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void each_refusal_of_the_planner_is_one_line_and_exit_1_with_no_password_printed() {
        status = 409;
        answer = "{\"title\": \"Conflict\", \"status\": 409, \"detail\": \"an account with this e-mail address exists\"}";
        Run taken = run(Map.of(), "--planner-url", url(), "--email", "mae@clinic.example", "--name", "Mae Jones");
        assertThat(taken.exit()).isEqualTo(1);
        assertThat(taken.err()).contains("refused: an account with this e-mail address exists");
        assertThat(taken.out()).isEmpty();

        status = 400;
        answer = "{\"status\": 400, \"detail\": \"email: must be a valid e-mail address\", \"errors\": [{\"field\": "
                + "\"email\", \"message\": \"must be a valid e-mail address\"}]}";
        Run invalid = run(Map.of(), "--planner-url", url(), "--email", "not-an-address", "--name", "Mae Jones");
        assertThat(invalid.exit()).isEqualTo(1);
        assertThat(invalid.err()).contains("refused: email: must be a valid e-mail address");

        status = 401;
        answer = "{\"status\": 401, \"detail\": \"sign in as a coach or admin\"}";
        Run signIn = run(Map.of(), "--planner-url", url(), "--email", "mae@clinic.example", "--name", "Mae Jones");
        assertThat(signIn.exit()).isEqualTo(1);
        assertThat(signIn.err()).contains("refused the sign-in of admin");
    }

    @Test
    void a_planner_that_cannot_be_reached_is_exit_2() {
        Run run = run(Map.of(), "--planner-url", "http://localhost:" + Ports.free(), "--email", "mae@clinic.example",
                "--name", "Mae Jones", "--timeout", "5");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("nothing answers at http://localhost:");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void a_planner_elsewhere_gets_no_local_default_and_nothing_is_sent() {
        Run noAdmin = run(Map.of(), "--planner-url", "https://plans.clinic.example", "--email", "mae@clinic.example",
                "--name", "Mae Jones");
        assertThat(noAdmin.exit()).isEqualTo(2);
        assertThat(noAdmin.err()).contains("--admin LOGIN");

        Run noPassword = run(Map.of(), "--planner-url", "https://plans.clinic.example", "--admin", "admin",
                "--email", "mae@clinic.example", "--name", "Mae Jones");
        assertThat(noPassword.exit()).isEqualTo(2);
        assertThat(noPassword.err()).contains("WELLPLAN_ADMIN_PASSWORD");

        Run notAUrl = run(Map.of(), "--planner-url", "plans.clinic.example", "--email", "m@clinic.example",
                "--name", "M");
        assertThat(notAUrl.exit()).isEqualTo(2);
        assertThat(notAUrl.err()).contains("--planner-url needs an http(s) URL");
        assertThat(received).isEmpty();
    }
}
