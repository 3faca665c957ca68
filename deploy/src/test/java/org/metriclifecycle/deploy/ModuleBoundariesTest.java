package org.metriclifecycle.deploy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The layout SPEC fixes, enforced over every module of the assembled application. */
class ModuleBoundariesTest {

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.metriclifecycle");

    @Test
    void theCommandSideAndTheQuerySideNeverImportEachOther() {
        noClasses().that().resideInAPackage("org.metriclifecycle.command..")
                .should().dependOnClassesThat().resideInAPackage("org.metriclifecycle.query..").check(ALL);
        noClasses().that().resideInAPackage("org.metriclifecycle.query..")
                .should().dependOnClassesThat().resideInAPackage("org.metriclifecycle.command..").check(ALL);
    }

    @Test
    void eventsDependOnlyOnTheJdkJacksonAndAxonSerialization() {
        classes().that().resideInAPackage("org.metriclifecycle.events..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.metriclifecycle.events..",
                        "com.fasterxml.jackson..", "org.axonframework.serialization..")
                .check(ALL);
    }

    @Test
    void theDomainAndTheProjectionsDoNotImportQuarkusOrHttp() {
        noClasses().that().resideInAnyPackage("org.metriclifecycle.command..", "org.metriclifecycle.query..",
                        "org.metriclifecycle.events..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.smallrye..", "io.agroal..",
                        "jakarta.ws..", "jakarta.enterprise..", "jakarta.inject..")
                .check(ALL);
    }

    @Test
    void axonsAssemblyLivesInTheInfrastructurePackage() {
        // @ProcessingGroup is the one piece of Axon's configuration module a projection names itself. Features in
        // deploy hold their own Quarkus wiring (start-up observers, data sources); Axon's is assembled in one place.
        DescribedPredicate<JavaClass> assembly = JavaClass.Predicates.resideInAnyPackage("org.axonframework.config..",
                        "org.axonframework.eventsourcing.eventstore.jdbc..", "org.axonframework.deadline.dbscheduler..",
                        "org.axonframework.eventhandling.tokenstore..", "com.github.kagkarlsson..")
                .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(ProcessingGroup.class)));
        noClasses().that().resideInAPackage("org.metriclifecycle..")
                .and().resideOutsideOfPackage("org.metriclifecycle.deploy.infra..")
                .should().dependOnClassesThat(assembly)
                .check(ALL);
    }

    @Test
    void transactionsAndDataSourcesStayOutOfTheDomainModules() {
        noClasses().that().resideInAnyPackage("org.metriclifecycle.command..", "org.metriclifecycle.query..",
                        "org.metriclifecycle.events..")
                .should().dependOnClassesThat().resideInAnyPackage("io.agroal..", "io.quarkus.narayana..",
                        "jakarta.transaction..", "com.github.kagkarlsson..")
                .check(ALL);
    }
}
