package dev.wellplan.planner.access.store;

import java.time.Instant;
import java.util.List;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The events the rate limits count, by kind and a hashed key. */
public interface RateLimitDao {

    /** Serializes the requests of one key until the caller's transaction ends, so two cannot both take the last place. */
    @SqlQuery("SELECT pg_advisory_xact_lock(hashtextextended(:kind || ':' || :key, 0))")
    String lock(@Bind("kind") String kind, @Bind("key") String key);

    @SqlQuery("SELECT at FROM planner.rate_event WHERE kind = :kind AND key = :key AND at > :since ORDER BY at")
    List<Instant> since(@Bind("kind") String kind, @Bind("key") String key, @Bind("since") Instant since);

    @SqlUpdate("INSERT INTO planner.rate_event (kind, key, at) VALUES (:kind, :key, :at)")
    void record(@Bind("kind") String kind, @Bind("key") String key, @Bind("at") Instant at);

    @SqlUpdate("DELETE FROM planner.rate_event WHERE kind = :kind AND key = :key AND at <= :before")
    int forget(@Bind("kind") String kind, @Bind("key") String key, @Bind("before") Instant before);

    /** Counts one more request of the key in the window that starts at {@code start}; the count so far, this one in. */
    @SqlQuery("""
            INSERT INTO planner.rate_window (kind, key, window_start, count) VALUES (:kind, :key, :start, 1)
            ON CONFLICT (kind, key, window_start) DO UPDATE SET count = planner.rate_window.count + 1
            RETURNING count""")
    int countInWindow(@Bind("kind") String kind, @Bind("key") String key, @Bind("start") Instant start);

    @SqlUpdate("DELETE FROM planner.rate_window WHERE kind = :kind AND key = :key AND window_start < :start")
    int forgetWindowsBefore(@Bind("kind") String kind, @Bind("key") String key, @Bind("start") Instant start);
}
