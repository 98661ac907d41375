package org.mutualvote;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
