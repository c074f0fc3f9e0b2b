package dev.netchat.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * The web module is the edge: it calls services and gets DTOs and records back. It never reads the database
 * itself (no repository, no {@link EntityManager}) and never holds an entity, so what goes over the wire is
 * decided in one place and a lazy field can never be touched after its transaction ended.
 */
class WebLayerTest {

    static final ArchRule NO_REPOSITORIES = noClasses()
            .that()
            .resideInAPackage("dev.netchat.web..")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Repository")
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(EntityManager.class)
            .because("the web module calls services, which own the transactions and the rules");

    static final ArchRule NO_ENTITIES = noClasses()
            .that()
            .resideInAPackage("dev.netchat.web..")
            .should()
            .dependOnClassesThat()
            .areAnnotatedWith(Entity.class)
            .because("services answer the web module with DTOs and records, never with entities");

    private static final JavaClasses WEB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.netchat");

    @Test
    void theWebModuleUsesNoRepository() {
        assertThat(WEB.containPackage("dev.netchat.web.channel")).isTrue();
        NO_REPOSITORIES.check(WEB);
    }

    @Test
    void theWebModuleHoldsNoEntity() {
        NO_ENTITIES.check(WEB);
    }

    @Test
    void theRulesFailOnAPlantedResource() {
        JavaClasses planted =
                new ClassFileImporter().importPackages("dev.netchat.web.architecture.planted", "dev.netchat.user");
        EvaluationResult repositories = NO_REPOSITORIES.evaluate(planted);
        EvaluationResult entities = NO_ENTITIES.evaluate(planted);
        assertThat(repositories.hasViolation()).isTrue();
        assertThat(repositories.getFailureReport().toString())
                .contains("PlantedResource")
                .contains("UserRepository");
        assertThat(entities.hasViolation()).isTrue();
        assertThat(entities.getFailureReport().toString())
                .contains("PlantedResource")
                .contains("UserAccount");
    }
}
