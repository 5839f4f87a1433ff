package dev.wellplan.planner.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

import dev.wellplan.planner.plan.app.Enrollments;
import dev.wellplan.support.access.Access;

/**
 * Every resource method of the planner, API and pages alike, carries an access rule. (AccessRules refuses a route
 * without one at run time; this says so at build time, for routes the OpenAPI document of the rule-table test
 * might not show.)
 */
class AccessRuleCoverageTest {

    private static final Set<Class<?>> VERBS = Set.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class);

    @Test
    void every_resource_method_has_an_access_rule() {
        List<String> bare = new ArrayList<>();
        int routes = 0;
        for (JavaClass type : new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importLocations(Set.of(Location.of(Enrollments.class.getProtectionDomain().getCodeSource().getLocation())))) {
            if (!type.isAnnotatedWith(Path.class)) {
                continue;
            }
            for (Method method : type.reflect().getDeclaredMethods()) {
                if (VERBS.stream().anyMatch(verb -> method.isAnnotationPresent(verb.asSubclass(java.lang.annotation.Annotation.class)))) {
                    routes++;
                    if (!method.isAnnotationPresent(Access.class)) {
                        bare.add(type.getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        assertThat(routes).as("resource methods found").isGreaterThan(10);
        assertThat(bare).as("routes without an @Access rule").isEmpty();
    }
}
