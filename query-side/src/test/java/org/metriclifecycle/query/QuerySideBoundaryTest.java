package org.metriclifecycle.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The read side is plain Java over Axon and Jakarta Persistence: the runtime wires it in, and it learns about the
 * write side only through the events module.
 */
class QuerySideBoundaryTest {

    private final JavaClasses querySide = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.metriclifecycle.query");

    @Test
    void importsNothingFromQuarkus() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.quarkus..").check(querySide);
    }

    @Test
    void importsNothingFromTheCommandSide() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.metriclifecycle.command..")
                .check(querySide);
    }

    @Test
    void mapsEntitiesWithJakartaPersistenceOnly() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.hibernate..").check(querySide);
    }
}
