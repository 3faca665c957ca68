package org.metriclifecycle.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.time.Clock;
import java.time.Instant;

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

    @Test
    void theTeamBuildsOnTheMetricNeverTheOtherWayRound() {
        // The metric's stream decides alone; only the team's admission and rotation reach across to it.
        noClasses().that().resideInAPackage("org.metriclifecycle.command.metric..")
                .should().dependOnClassesThat().resideInAPackage("org.metriclifecycle.command.team..")
                .check(commandSide);
        slices().matching("org.metriclifecycle.command.(*)..").should().beFreeOfCycles().check(commandSide);
    }

    @Test
    void timeComesOnlyFromTheInjectedClock() {
        noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .check(commandSide);
    }
}
