package dev.wellplan.notifier.support;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/** The one place the notifier reads the time from; tests and the local stack may replace it. */
@ApplicationScoped
public class TimeConfig {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
