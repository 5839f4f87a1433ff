package dev.wellplan.notifier.reminder.intake;

import java.util.UUID;

import org.jdbi.v3.core.Jdbi;

/**
 * A real PostgreSQL error for one plan, as when the database is away: every attempt to mark one of its events
 * processed fails. Each failure is counted in a sequence, which a rollback does not undo, so a test can wait until
 * the consumer has retried, on a condition rather than a sleep.
 */
final class DatabaseFault {

    private final Jdbi jdbi;
    private final String name;

    private DatabaseFault(Jdbi jdbi, String name) {
        this.jdbi = jdbi;
        this.name = name;
    }

    static DatabaseFault onProcessedMarkOf(Jdbi jdbi, UUID planId) {
        String name = "notifier.test_fault_" + planId.toString().replace("-", "");
        jdbi.useHandle(h -> {
            h.execute("CREATE SEQUENCE " + name);
            h.execute("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "IF NEW.plan_id = '" + planId + "' THEN PERFORM nextval('" + name + "'); "
                    + "RAISE EXCEPTION 'test fault: the database is away'; END IF; RETURN NEW; END $$");
            h.execute("CREATE TRIGGER " + name.substring("notifier.".length()) + " BEFORE INSERT ON notifier.processed_event "
                    + "FOR EACH ROW EXECUTE FUNCTION " + name + "()");
        });
        return new DatabaseFault(jdbi, name);
    }

    /** How many attempts failed so far. */
    long failures() {
        return jdbi.withHandle(h -> h.createQuery("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM " + name)
                .mapTo(Long.class).one());
    }

    /** The database is back. */
    void clear() {
        jdbi.useHandle(h -> {
            h.execute("DROP TRIGGER IF EXISTS " + name.substring("notifier.".length()) + " ON notifier.processed_event");
            h.execute("DROP FUNCTION IF EXISTS " + name + "()");
            h.execute("DROP SEQUENCE IF EXISTS " + name);
        });
    }
}
