package com.newsmell.deployment;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #10 §3: "No package cycles in any module; an ArchUnit test fails on any new cycle and on a resource
 * that reaches a repository without its service", plus ADR 0012's "Panache.getSession() appears only in
 * repositories and the toolkit" and the contract's "No Quarkus, no Hibernate".
 *
 * <p>Reads each production module's compiled classes from its {@code target/classes}: this module depends on
 * none of them and runs last in the reactor, after every module compiled.
 */
class PackageRulesTest {

    /** A production module: its folder under the repo root and the one package all its classes live in. */
    record CodeModule(String dir, String rootPackage) {
        @Override
        public String toString() {
            return dir;
        }
    }

    static final CodeModule CONTRACT = new CodeModule("interaction-contract", "com.newsmell.contract");

    static final List<CodeModule> MODULES = List.of(
            CONTRACT,
            new CodeModule("service-toolkit", "com.newsmell.toolkit"),
            new CodeModule("local-infra", "com.newsmell.infra"),
            new CodeModule("event-collector", "com.newsmell.collector"),
            new CodeModule("session-service", "com.newsmell.session"),
            new CodeModule("profile-service", "com.newsmell.profile"),
            new CodeModule("perfume-stats-service", "com.newsmell.perfumestats"),
            new CodeModule("recommendation-feedback-service", "com.newsmell.recommendation"),
            new CodeModule("traffic-simulator", "com.newsmell.simulator"),
            new CodeModule("bench", "com.newsmell.bench"));

    static final String CONTRACT_PACKAGE = "com.newsmell.contract..";
    static final String TOOLKIT_PACKAGE = "com.newsmell.toolkit..";
    static final String PANACHE = "io.quarkus.hibernate.reactive.panache.Panache";
    static final List<String> PANACHE_REPOSITORY_TYPES = List.of(
            "io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase",
            "io.quarkus.hibernate.reactive.panache.PanacheRepository");

    /** A resource's nested classes (views, anonymous classes) belong to the resource. */
    static final DescribedPredicate<JavaClass> RESOURCES =
            describe("are JAX-RS resources (@Path or *Resource)", c -> isResource(topLevel(c)));

    /** The repository classes themselves; records nested in a repository are plain data. */
    static final DescribedPredicate<JavaClass> REPOSITORIES =
            describe("are repositories (*Repository or a PanacheRepositoryBase)", PackageRulesTest::isRepository);

    static final DescribedPredicate<JavaClass> OUTSIDE_REPOSITORIES =
            describe("are neither repositories nor nested in one", c -> !isRepository(topLevel(c)));

    private static final Map<CodeModule, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    static Stream<CodeModule> modules() {
        return MODULES.stream();
    }

    @ParameterizedTest(name = "{0}: every class lives under its root package")
    @MethodSource("modules")
    void classesLiveUnderTheRootPackage(CodeModule module) {
        classes()
                .should()
                .resideInAPackage(module.rootPackage() + "..")
                .because("the cycle rule slices " + module.dir() + " by the packages under " + module.rootPackage())
                .check(classesOf(module));
    }

    @ParameterizedTest(name = "{0}: no package cycles")
    @MethodSource("modules")
    void noPackageCycles(CodeModule module) {
        noPackageCycles().check(classesOf(module));
    }

    @ParameterizedTest(name = "{0}: resources reach repositories only through their service")
    @MethodSource("modules")
    void resourcesDoNotUseRepositories(CodeModule module) {
        resourcesDoNotUseRepositories().check(classesOf(module));
    }

    @ParameterizedTest(name = "{0}: Panache.getSession() only in repositories and the toolkit")
    @MethodSource("modules")
    void sessionOnlyInRepositories(CodeModule module) {
        sessionOnlyInRepositories().check(classesOf(module));
    }

    @ParameterizedTest(name = "{0}: entities are plain @Entity classes, not active records")
    @MethodSource("modules")
    void entitiesArePlain(CodeModule module) {
        noClasses()
                .should()
                .beAssignableTo("io.quarkus.hibernate.reactive.panache.PanacheEntityBase")
                .because("ADR 0012: entities are plain @Entity classes; nobody calls Entity.find or entity.persist")
                .allowEmptyShould(true)
                .check(classesOf(module));
    }

    @ParameterizedTest(name = "{0}: the raw reactive Pool only in the collector's RawEventStore")
    @MethodSource("modules")
    void rawPoolOnlyInTheRawEventStore(CodeModule module) {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("com.newsmell.collector.store.RawEventStore")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.vertx.mutiny.sqlclient.Pool")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.vertx.sqlclient.Pool")
                .because("ADR 0012: the raw Pool stays in exactly one place, the collector's batch insert")
                .allowEmptyShould(true)
                .check(classesOf(module));
    }

    @Test
    @DisplayName("interaction-contract: no Quarkus, Hibernate, SmallRye, Vert.x or JPA")
    void contractIsPure() {
        noClasses()
                .that()
                .resideInAPackage(CONTRACT_PACKAGE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.quarkus..", "org.hibernate..", "io.smallrye..", "io.vertx..", "jakarta.persistence..")
                .because("the contract is the pure wire format every module and client shares"
                        + " (interaction-contract/pom.xml: 'No Quarkus, no Hibernate')")
                .check(classesOf(CONTRACT));
    }

    @Test
    @DisplayName("self-check: the cycle rule reports a → b → a")
    void cycleRuleCatchesACycle() {
        JavaClasses fixture =
                new ClassFileImporter().importPackages("com.newsmell.archfixture.a", "com.newsmell.archfixture.b");

        EvaluationResult result = noPackageCycles().evaluate(fixture);

        assertTrue(result.hasViolation(), "the fixture's a ↔ b cycle is reported");
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("archfixture.a") && report.contains("archfixture.b"), report);
    }

    @Test
    @DisplayName("self-check: the resource rule reports a resource that calls a repository")
    void resourceRuleCatchesARepositoryCall() {
        JavaClasses fixture = new ClassFileImporter().importPackages("com.newsmell.archfixture.web");

        EvaluationResult result = resourcesDoNotUseRepositories().evaluate(fixture);

        assertTrue(result.hasViolation(), "FixtureResource → FixtureRepository is reported");
        assertTrue(result.getFailureReport().toString().contains("FixtureResource"));
    }

    static ArchRule noPackageCycles() {
        return slices().matching("com.newsmell.(**)")
                .should()
                .beFreeOfCycles()
                .because("issue #10 §3: no package cycles in any module (package by feature: a feature's"
                        + " package may use another's, never both ways)")
                .allowEmptyShould(true);
    }

    static ArchRule resourcesDoNotUseRepositories() {
        return noClasses()
                .that(RESOURCES)
                .should()
                .dependOnClassesThat(REPOSITORIES)
                .because("resources are thin: they call their service, which owns the transaction and"
                        + " the repository (issue #10 §3, ADR 0012)")
                .allowEmptyShould(true);
    }

    static ArchRule sessionOnlyInRepositories() {
        return noClasses()
                .that(OUTSIDE_REPOSITORIES)
                .and()
                .resideOutsideOfPackage(TOOLKIT_PACKAGE)
                .should()
                .callMethod(PANACHE, "getSession")
                .because("ADR 0012: database access lives in repositories; services and resources never"
                        + " call Panache.getSession(), it appears only in repositories and the toolkit")
                .allowEmptyShould(true);
    }

    static JavaClasses classesOf(CodeModule module) {
        return IMPORTED.computeIfAbsent(module, PackageRulesTest::importClasses);
    }

    private static JavaClasses importClasses(CodeModule module) {
        Path folder = Service.repoRoot().resolve(module.dir()).resolve("target/classes");
        assertTrue(
                Files.isDirectory(folder),
                folder + " is missing: this test reads every module's compiled classes, so run it in the"
                        + " reactor after they compile (./mvnw verify from the repo root)");
        JavaClasses imported = new ClassFileImporter().importPath(folder);
        assertFalse(imported.isEmpty(), folder + " holds no classes");
        return imported;
    }

    private static JavaClass topLevel(JavaClass javaClass) {
        JavaClass outer = javaClass;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    private static boolean isResource(JavaClass javaClass) {
        return javaClass.isAnnotatedWith("jakarta.ws.rs.Path")
                || javaClass.getSimpleName().endsWith("Resource");
    }

    private static boolean isRepository(JavaClass javaClass) {
        return javaClass.getSimpleName().endsWith("Repository")
                || PANACHE_REPOSITORY_TYPES.stream().anyMatch(javaClass::isAssignableTo);
    }
}
