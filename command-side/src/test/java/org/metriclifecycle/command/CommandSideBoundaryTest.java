package org.metriclifecycle.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The write side decides from events alone: it must not reach into the read model, the web or persistence. */
class CommandSideBoundaryTest {

    private final JavaClasses commandSide = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.metriclifecycle.command");

    @Test
    void commandSideDependsOnNoReadSideWebOrPersistence() {
        noClasses().that().resideInAPackage("org.metriclifecycle.command..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.metriclifecycle.query..", "io.quarkus..", "jakarta.persistence..",
                        "jakarta.ws..")
                .check(commandSide);
    }
}
