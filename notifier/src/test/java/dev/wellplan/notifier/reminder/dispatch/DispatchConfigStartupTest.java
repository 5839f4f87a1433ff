package dev.wellplan.notifier.reminder.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * A dispatch setting out of range stops the notifier as it starts, with a message naming the key: an operator finds
 * the typo at deploy time, not when reminders fail to go out. So does a delivery outbox relay setting, whose checks
 * the notifier inherits from the shared relay's ({@code RelayConfig} in service-support).
 */
@QuarkusMainTest
@TestProfile(DispatchConfigStartupTest.OutOfRange.class)
class DispatchConfigStartupTest {

    public static class OutOfRange implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wellplan.dispatch.senders", "0", "wellplan.dispatch.stale-claim", "PT1S",
                    "wellplan.delivery-outbox.batch-size", "0");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void the_start_fails_and_names_each_key_out_of_range(LaunchResult result) {
        assertThat(result.getOutput() + result.getErrorOutput())
                .contains("wellplan.dispatch.senders")
                .contains("wellplan.dispatch.stale-claim")
                .contains("wellplan.delivery-outbox.batch-size");
    }
}
