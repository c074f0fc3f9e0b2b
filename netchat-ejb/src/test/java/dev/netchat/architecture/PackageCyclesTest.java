package dev.netchat.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The packages of the EJB module depend on each other without cycles (the layering rules themselves come with the
 * hygiene work). A cycle means two packages can only be understood, changed and tested together.
 */
class PackageCyclesTest {

    /** One slice per package directly under dev.netchat (sub-packages belong to their parent). */
    static final ArchRule NO_CYCLES =
            slices().matching("dev.netchat.(*)..").should().beFreeOfCycles();

    @Test
    void thePackagesOfNetChatAreFreeOfCycles() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.netchat");
        NO_CYCLES.check(production);
    }

    @Test
    void theRuleFailsOnAPlantedCycle() {
        JavaClasses planted = new ClassFileImporter().importPackages("dev.netchat.architecture.planted");
        EvaluationResult result = slices().matching("dev.netchat.architecture.planted.(*)..")
                .should()
                .beFreeOfCycles()
                .evaluate(planted);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("Cycle detected")
                .contains("ping")
                .contains("pong");
    }
}
