package org.mutualvote;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.lang.reflect.AnnotatedElement;

import jakarta.ws.rs.container.ResourceInfo;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package graph of DESIGN.md and STYLE.md, checked on the compiled classes (so inline fully qualified
 * names count as much as imports): count uses nothing but the JDK, no two packages depend on each other
 * round a cycle, and imports point down: election, motion, surplus -> ballot -> contest -> membership ->
 * audit -> security, web.
 */
class PackageRulesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mutualvote");

    @Test
    void countUsesOnlyTheJdk() {
        classes().that().resideInAPackage("org.mutualvote.count..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.mutualvote.count..", "java..")
                .because("the counting engine runs alone as the recount command and has no framework or database")
                .check(MAIN);
    }

    /**
     * DESIGN.md: no runtime reflection beyond what Quarkus registers. Annotations are Quarkus's to read, at build
     * time; reading one at run time (or asking JAX-RS for the java.lang.reflect.Method of a route, which RESTEasy
     * Reactive looks up by reflection) works on the JVM and may find nothing in the native executable.
     */
    @Test
    void noAnnotationIsReadByReflectionAtRunTime() {
        noClasses().should().callMethodWhere(target(owner(assignableTo(AnnotatedElement.class)))
                .and(target(nameMatching("getAnnotation|getAnnotations|getAnnotationsByType|getDeclaredAnnotation.*|isAnnotationPresent"))))
                .orShould().callMethodWhere(target(owner(assignableTo(ResourceInfo.class)))
                        .and(target(nameMatching("getResourceMethod|getMethod|getAnnotations|getParameterAnnotations|getGenericReturnType"))))
                .because("the native executable keeps only the reflection Quarkus registers")
                .check(MAIN);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.mutualvote.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void importsPointDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("contest kinds").definedBy("org.mutualvote.election..", "org.mutualvote.motion..", "org.mutualvote.surplus..")
                .layer("ballot").definedBy("org.mutualvote.ballot..")
                .layer("contest").definedBy("org.mutualvote.contest..")
                .layer("membership").definedBy("org.mutualvote.membership..")
                .layer("audit").definedBy("org.mutualvote.audit..")
                .layer("security and web").definedBy("org.mutualvote.security..", "org.mutualvote.web..")
                .layer("count").definedBy("org.mutualvote.count..")
                .whereLayer("contest kinds").mayNotBeAccessedByAnyLayer()
                .whereLayer("ballot").mayOnlyBeAccessedByLayers("contest kinds")
                .whereLayer("contest").mayOnlyBeAccessedByLayers("contest kinds", "ballot")
                .whereLayer("membership").mayOnlyBeAccessedByLayers("contest kinds", "ballot", "contest")
                .whereLayer("audit").mayOnlyBeAccessedByLayers("contest kinds", "ballot", "contest", "membership")
                .whereLayer("count").mayOnlyBeAccessedByLayers("contest kinds", "ballot")
                .check(MAIN);
    }
}
