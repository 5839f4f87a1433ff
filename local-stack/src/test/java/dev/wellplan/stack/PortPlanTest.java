package dev.wellplan.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class PortPlanTest {

    @Test
    void zeros_become_distinct_free_ports_and_given_ports_stay() {
        int given = Ports.free();
        PortPlan plan = new PortPlan(given, 0, 0, 0, 0, 0, 0, 0, 0).resolve(true);

        int[] ports = {plan.postgres(), plan.kafka(), plan.kafkaController(), plan.smtp(), plan.mail(),
                plan.planner(), plan.notifier(), plan.plannerManagement(), plan.notifierManagement()};
        assertThat(plan.postgres()).isEqualTo(given);
        assertThat(ports).doesNotContain(0);
        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(9);
    }

    @Test
    void without_services_their_ports_are_neither_checked_nor_picked() {
        PortPlan plan = new PortPlan(0, 0, 0, 0, 0, 0, 0, 0, 0).resolve(false);

        assertThat(plan.planner()).isZero();
        assertThat(plan.notifier()).isZero();
        assertThat(plan.plannerManagement()).isZero();
        assertThat(plan.notifierManagement()).isZero();
        assertThat(plan.postgres()).isNotZero();
    }

    @Test
    void a_port_given_twice_or_in_use_is_refused_with_the_flag_that_fixes_it() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int same = Ports.free();
            assertThatThrownBy(() -> new PortPlan(taken.getLocalPort(), same, same, 0, 0, 0, 0, 0, 0).resolve(false))
                    .hasMessageContaining("port " + taken.getLocalPort() + " (PostgreSQL) is already in use: stop "
                            + "what uses it or pass --pg-port <port>")
                    .hasMessageContaining("port " + same + " is given to both Kafka and Kafka controller")
                    .hasMessageContaining("--free-ports");
        }
    }
}
