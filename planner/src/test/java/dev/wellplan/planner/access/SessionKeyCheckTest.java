package dev.wellplan.planner.access;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Outside the local and test profiles the planner does not start without a key for the coaches' session cookies. */
class SessionKeyCheckTest {

    @Test
    void production_refuses_to_start_without_a_key_of_sixteen_characters() {
        assertThatThrownBy(() -> SessionKeyCheck.check(Optional.empty(), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY");
        assertThatThrownBy(() -> SessionKeyCheck.check(Optional.of("too short"), false))
                .isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> SessionKeyCheck.check(Optional.of("a key of well over sixteen chars"), false))
                .doesNotThrowAnyException();
    }

    @Test
    void the_local_stack_and_the_tests_have_their_own() {
        assertThatCode(() -> SessionKeyCheck.check(Optional.empty(), true)).doesNotThrowAnyException();
    }
}
