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
}
