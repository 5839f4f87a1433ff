package dev.wellplan.planner.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasParameterTypes.Predicates.rawParameterTypes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;

import dev.wellplan.planner.plan.app.Enrollments;

/**
 * The planner's rooms (docs/architecture.md): the use cases in {@code app} know no HTTP, so the API and the
 * pages share them instead of each keeping a copy of the checks; {@code api} only translates; time comes from
 * the injected Clock.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importLocations(Set.of(Location.of(Enrollments.class.getProtectionDomain().getCodeSource().getLocation())));

    static final ArchRule USE_CASES_KNOW_NO_HTTP = noClasses().that().resideInAPackage("..app..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..",
                    "io.quarkus.qute..", "io.vertx..", "io.quarkus.vertx..", "dev.wellplan.support.problem..",
                    "..api..", "..web..")
            .because("a use case answers with a read model or a Refusal; the API and the pages translate");

    static final ArchRule WEB_LAYERS_ONLY_TRANSLATE = noClasses().that().resideInAnyPackage("..api..", "..web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "..store..", "..outbox..")
            .because("reads and changes go through the use cases, which own the transactions");

    static final ArchRule TIME_IS_INJECTED = noClasses()
            .should().callMethodWhere(target(name("now")).and(target(rawParameterTypes(new Class<?>[0]))))
            .orShould().callMethodWhere(target(name("currentTimeMillis")))
            .because("the time comes from the injected Clock, which the local stack may run faster (style.md 3)");

    @Test
    void the_planner_keeps_its_rooms() {
        assertThat(MAIN.contain(Enrollments.class)).isTrue();
        assertThat(MAIN.contain(ArchitectureTest.class)).isFalse();
        USE_CASES_KNOW_NO_HTTP.check(MAIN);
        WEB_LAYERS_ONLY_TRANSLATE.check(MAIN);
        TIME_IS_INJECTED.check(MAIN);
    }

    @Test
    void each_rule_bites_on_offending_code() {
        JavaClasses offenders = new ClassFileImporter().importClasses(
                dev.wellplan.planner.architecture.app.HttpUseCase.class,
                dev.wellplan.planner.architecture.api.StoreReadingResource.class);

        assertThatThrownBy(() -> USE_CASES_KNOW_NO_HTTP.check(offenders)).hasMessageContaining(Response.class.getName());
        assertThatThrownBy(() -> WEB_LAYERS_ONLY_TRANSLATE.check(offenders)).hasMessageContaining("org.jdbi");
        assertThatThrownBy(() -> TIME_IS_INJECTED.check(offenders)).hasMessageContaining("now");
    }
}
