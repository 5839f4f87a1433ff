package dev.wellplan.notifier.reminder.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.notifier.RealServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dispatcher's claim, prepared as the driver prepares it after a few runs, keeps a plan that reads only what it
 * claims whatever its limit: PostgreSQL's generic plan of the statement (the one it may reuse for every execution)
 * takes the due reminders from the due index and looks each claimed one up by its key, and never reads the whole
 * ledger. Measured on a ledger of 100,000 scheduled reminders with fresh statistics, all in a transaction that is
 * rolled back.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class ClaimPlanTest {

    @Inject
    Jdbi jdbi;

    @Test
    void the_claims_generic_plan_reads_the_due_index_and_the_primary_key_not_the_whole_ledger() {
        List<String> plan = jdbi.withHandle(h -> {
            h.begin();
            try {
                return genericPlan(h);
            } finally {
                h.rollback();
            }
        });

        assertThat(plan).as(String.join("\n", plan))
                .noneMatch(line -> line.contains("Seq Scan"))
                .anyMatch(line -> line.contains("reminder_due_idx"))
                .anyMatch(line -> line.contains("reminder_pkey"));
    }

    private static List<String> genericPlan(Handle h) {
        h.execute("""
                INSERT INTO notifier.reminder (id, plan_id, item_id, kind, due_at, local_time, time_zone, plan_version,
                                               status, created_at, updated_at)
                SELECT 'claim-plan-test:' || g, gen_random_uuid(), 'item-' || (g % 27), 'strength_day',
                       now() + interval '400 days' + g * interval '1 minute', localtimestamp, 'UTC', 1, 'SCHEDULED',
                       now(), now()
                FROM generate_series(1, 100000) g""");
        h.execute("ANALYZE notifier.reminder");
        h.execute("SET LOCAL plan_cache_mode = force_generic_plan");
        String prepared = LedgerStatements.CLAIM.replace(":by", "$1").replace(":now", "$2").replace(":limit", "$3");
        h.execute("PREPARE claim_plan_test (text, timestamptz, int) AS " + prepared);
        try {
            return h.createQuery("EXPLAIN (COSTS OFF) EXECUTE claim_plan_test ('test', now(), 500)")
                    .mapTo(String.class).list();
        } finally {
            h.execute("DEALLOCATE claim_plan_test");
        }
    }
}
