package dev.wellplan.rules;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.fixture.FrameworkType;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules stay plain Java: no framework import and no clock read, so they test in milliseconds. */
class ArchitectureTest {
    /** Exactly the main output folder (or jar) that holds PlanRules, without scanning the classpath. */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importLocations(Set.of(Location.of(PlanRules.class.getProtectionDomain().getCodeSource().getLocation())));

    private static final ArchRule NO_FRAMEWORK = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "org.jdbi..", "org.apache.kafka..",
                    "com.fasterxml..")
            .because("the plan rules are pure domain code (style.md 1)");

    private static final ArchRule NO_CLOCK_READS = noClasses()
            .should().callMethodWhere(target(name("now")))
            .because("today's date is passed in (style.md 3)");

    @Test
    void main_classes_import_no_framework() {
        assertThat(MAIN.contain(PlanRules.class)).isTrue();
        assertThat(MAIN.contain(ArchitectureTest.class)).isFalse();
        NO_FRAMEWORK.check(MAIN);
    }

    @Test
    void main_classes_never_read_the_clock() {
        NO_CLOCK_READS.check(MAIN);
    }

    @Test
    void both_rules_bite_on_offending_code() {
        JavaClasses offender = new ClassFileImporter().importClasses(Offender.class);

        assertThatThrownBy(() -> NO_FRAMEWORK.check(offender)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("com.fasterxml.fixture.FrameworkType");
        assertThatThrownBy(() -> NO_CLOCK_READS.check(offender)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("now");
    }

    /** What the rules must refuse. */
    static final class Offender {
        FrameworkType framework;

        LocalDate today() {
            return LocalDate.now();
        }
    }
}
