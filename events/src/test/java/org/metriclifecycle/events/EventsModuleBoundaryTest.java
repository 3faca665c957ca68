package org.metriclifecycle.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Stored events must stay readable by any future code: they depend on nothing but the JDK, Jackson and Axon's annotations. */
class EventsModuleBoundaryTest {

    private final JavaClasses events = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.metriclifecycle.events");

    @Test
    void eventsImportOnlyTheJdkJacksonAndAxonAnnotations() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.metriclifecycle.events..", "com.fasterxml.jackson..",
                        "org.axonframework.serialization..", "org.axonframework.serialization.upcasting..")
                .check(events);
    }
}
