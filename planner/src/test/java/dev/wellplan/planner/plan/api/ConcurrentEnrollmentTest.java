package dev.wellplan.planner.plan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.wellplan.planner.Assessments;
import dev.wellplan.planner.RealServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * More self-enrollments at once than the database pool has connections: every one is enrolled. A request that held
 * two connections at a time (its own transaction, and the client IP address's count in a transaction of its own)
 * would wait for a second while the pool's every connection waited the same way, and fail when the wait ran out.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class ConcurrentEnrollmentTest {

    @TestHTTPResource("/api/enrollments")
    URL enrollments;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolSize;

    @Test
    void more_enrollments_at_once_than_the_pool_has_connections_are_all_enrolled() throws Exception {
        int callers = poolSize + 8;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<HttpResponse<String>>> replies = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String body = Assessments.valid(Assessments.nextMonday(), "[]", Assessments.newAddress());
                HttpRequest request = HttpRequest.newBuilder(URI.create(enrollments.toString()))
                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                replies.add(pool.submit(() -> {
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> reply : replies) {
                HttpResponse<String> response = reply.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
