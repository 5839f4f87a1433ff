package dev.wellplan.reminders;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The policy is a pure function that three programs run (notifier, planner preview, consistency check):
 * no framework, no I/O, no clock of its own, so all three get the same answer from the same event.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importLocations(Set.of(Location.of(
                    ReminderPolicy.class.getProtectionDomain().getCodeSource().getLocation())));

    static final ArchRule NO_FRAMEWORK = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.smallrye..", "org.jdbi..",
                    "org.apache.kafka..", "jakarta..", "com.fasterxml..", "java.sql..")
            .because("the reminder policy is a pure function of a plan event");

    static final ArchRule NO_CLOCK_READS = noClasses()
            .should().callMethodWhere(target(name("now")))
            .because("'now' is the event's occurredAt, never the machine's clock");

    @Test
    void the_policy_imports_no_framework_and_reads_no_clock() {
        assertThat(MAIN.contain(ReminderPolicy.class)).isTrue();
        assertThat(MAIN.contain(ArchitectureTest.class)).isFalse();
        NO_FRAMEWORK.check(MAIN);
        NO_CLOCK_READS.check(MAIN);
    }

    @Test
    void both_rules_bite_on_offending_code() {
        JavaClasses offender = new ClassFileImporter().importClasses(Offender.class);

        assertThatThrownBy(() -> NO_FRAMEWORK.check(offender)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("java.sql.Connection");
        assertThatThrownBy(() -> NO_CLOCK_READS.check(offender)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("now");
    }

    /** What the rules must refuse: a policy that reads the database or the clock. */
    static final class Offender {
        Connection connection;

        Instant due() {
            return Instant.now();
        }
    }
}
