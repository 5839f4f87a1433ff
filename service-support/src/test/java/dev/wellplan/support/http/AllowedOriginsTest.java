package dev.wellplan.support.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class AllowedOriginsTest {

    private final AllowedOrigins origins = AllowedOrigins.of(List.of("https://Plans.Example.org/wellplan/",
            "http://localhost:8080"));

    @Test
    void an_origin_matches_its_base_url_as_a_browser_writes_it() {
        assertThat(origins.allows("https://plans.example.org")).isTrue();
        assertThat(origins.allows("https://plans.example.org:443")).isTrue();
        assertThat(origins.allows("http://localhost:8080")).isTrue();
    }

    @Test
    void another_scheme_host_or_port_is_foreign() {
        assertThat(origins.allows("http://plans.example.org")).isFalse();
        assertThat(origins.allows("https://plans.example.org.evil.example")).isFalse();
        assertThat(origins.allows("https://evil.example")).isFalse();
        assertThat(origins.allows("http://localhost:8081")).isFalse();
        assertThat(origins.allows("http://127.0.0.1:8080")).isFalse();
    }

    @Test
    void an_opaque_or_garbled_origin_is_foreign() {
        assertThat(origins.allows("null")).isFalse();
        assertThat(origins.allows("")).isFalse();
        assertThat(origins.allows("file://")).isFalse();
        assertThat(origins.allows("https://user@plans.example.org")).isFalse();
        assertThat(origins.allows("not a url")).isFalse();
    }

    @Test
    void a_configured_value_that_is_no_base_url_stops_the_start_naming_the_key() {
        assertThatThrownBy(() -> AllowedOrigins.of(List.of("plans.example.org")))
                .hasMessageContaining("wellplan.http.allowed-origins").hasMessageContaining("plans.example.org");
        assertThatThrownBy(() -> AllowedOrigins.of(List.of("ftp://plans.example.org")))
                .hasMessageContaining("wellplan.http.allowed-origins");
        assertThatThrownBy(() -> AllowedOrigins.of(List.of())).hasMessageContaining("is empty");
    }
}
