package dev.wellplan.notifier;

import static dev.wellplan.testing.ManagementRoutes.origin;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.junit.jupiter.api.Test;

import dev.wellplan.testing.ManagementRoutes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Health, metrics and the OpenAPI document answer on the management interface only: the public port, the one a
 * stranger reaches, says 404 for every {@code /q/} route, so probing it tells them nothing about the service.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class ManagementInterfaceTest {

    @TestHTTPResource("/")
    URL publicPort;

    @TestHTTPResource(value = "/", management = true)
    URL managementPort;

    @Test
    void metrics_openapi_and_health_answer_404_on_the_public_port_and_200_on_the_management_port() {
        assertThat(ManagementRoutes.misplaced(origin(publicPort), origin(managementPort))).isEmpty();
        assertThat(ManagementRoutes.body(origin(managementPort) + "/q/openapi")).contains("/api/plans/{id}/reminders");
        assertThat(ManagementRoutes.body(origin(managementPort) + "/q/metrics")).contains("jvm_memory_used_bytes");
    }
}
