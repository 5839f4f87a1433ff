package dev.wellplan.planner.architecture.api;

import org.jdbi.v3.core.Jdbi;

/** What ArchitectureTest must refuse: a resource that reads the database itself. */
public final class StoreReadingResource {

    public long plans(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM planner.plan").mapTo(Long.class).one());
    }
}
