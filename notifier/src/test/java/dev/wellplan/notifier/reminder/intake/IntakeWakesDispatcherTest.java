package dev.wellplan.notifier.reminder.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.notifier.PlanEventTopic;
import dev.wellplan.notifier.RealServers;
import dev.wellplan.notifier.reminder.mail.MailComposer;
import dev.wellplan.testing.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An intake commit that makes a reminder due at once wakes the dispatcher: with Quartz firing it only once an hour,
 * a new plan's welcome still goes out, because applying the plan's event woke the dispatcher.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
@TestProfile(IntakeWakesDispatcherTest.HourlyFires.class)
class IntakeWakesDispatcherTest {

    public static class HourlyFires implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wellplan.dispatch.interval", "PT1H");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void a_new_plan_s_welcome_goes_out_between_two_fires() throws Exception {
        // Quartz fired once as the notifier started: from then on only a wake-up sends anything within the hour
        UUID planId = UUID.randomUUID();
        PlanEvent event = TestEvents.event(planId, 1, PlanEventType.PlanCreated, "ACTIVE", "Europe/Lisbon",
                Instant.now(), List.of(TestEvents.strength("strength-1",
                        LocalDateTime.now().plusDays(3).withHour(7).withMinute(30))));

        PlanEventTopic.publish(bootstrap, planId.toString(), PlanEventCodec.toJson(event));

        String address = event.plan().client().email();
        await().atMost(Duration.ofSeconds(30)).until(() -> !RealServers.mailTo(address).isEmpty());
        assertThat(RealServers.mailTo(address)).singleElement().satisfies(welcome -> assertThat(welcome.getHeader("Message-ID")[0])
                .isEqualTo(MailComposer.messageId(planId + ":plan:welcome")));
    }
}
