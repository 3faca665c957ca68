package org.metriclifecycle.deploy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.query.metric.MetricViewStore;
import org.metriclifecycle.query.team.TeamViewStore;
import org.metriclifecycle.query.webhook.WebhookSubscriptionStore;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
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
    void onlyTheAxonPackageAssemblesAxon() {
        // @ProcessingGroup is the one piece of Axon's configuration module a projection or outbox names itself.
        noClasses().that().resideInAPackage("org.metriclifecycle..")
                .and().resideOutsideOfPackage("org.metriclifecycle.deploy.axon..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.axonframework.config..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(ProcessingGroup.class))))
                .check(ALL);
    }

    @Test
    void theReadModelStoresAreBuiltOnceAsBeans() {
        // Everything else injects them: one store per read model, on the active database.
        DescribedPredicate<JavaConstructorCall> aStore = DescribedPredicate.describe("a read model store's constructor",
                call -> call.getTargetOwner().isAssignableTo(MetricViewStore.class)
                        || call.getTargetOwner().isAssignableTo(TeamViewStore.class)
                        || call.getTargetOwner().isAssignableTo(WebhookSubscriptionStore.class));
        noClasses().that().resideInAPackage("org.metriclifecycle.deploy..")
                .and().doNotHaveFullyQualifiedName("org.metriclifecycle.deploy.axon.ReadModels")
                .and().doNotHaveFullyQualifiedName("org.metriclifecycle.deploy.webhooks.WebhookWiring")
                .should().callConstructorWhere(aStore)
                .check(ALL);
    }

    @Test
    void featuresDoNotReachIntoEachOther() {
        // The pages and the webhooks are two ways of telling people about changes; neither builds on the other,
        // and neither on the audit trail. The audit trail builds on no feature but the API's problem documents;
        // security on none but the webhook secrets it keeps sealed. Nothing depends on the demo.
        String deploy = "org.metriclifecycle.deploy.";
        noClasses().that().resideInAPackage(deploy + "web..")
                .should().dependOnClassesThat().resideInAnyPackage(deploy + "webhooks..", deploy + "audit..",
                        deploy + "demo..")
                .check(ALL);
        noClasses().that().resideInAPackage(deploy + "webhooks..")
                .should().dependOnClassesThat().resideInAnyPackage(deploy + "web..", deploy + "audit..",
                        deploy + "demo..")
                .check(ALL);
        noClasses().that().resideInAPackage(deploy + "audit..")
                .should().dependOnClassesThat().resideInAnyPackage(deploy + "web..", deploy + "webhooks..",
                        deploy + "demo..")
                .check(ALL);
        noClasses().that().resideInAPackage(deploy + "security..")
                .should().dependOnClassesThat().resideInAnyPackage(deploy + "api..", deploy + "web..",
                        deploy + "audit..", deploy + "demo..")
                .check(ALL);
        noClasses().that().resideOutsideOfPackage(deploy + "demo..")
                .should().dependOnClassesThat().resideInAPackage(deploy + "demo..")
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
