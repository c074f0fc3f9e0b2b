package dev.netchat.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * Only the data layer talks to the database: classes named {@code …Repository}, and the two stored logs
 * ({@code ChannelEventLog}, {@code AuditLog}), hold an {@link EntityManager}. Services use them, so each question
 * to the database is written once, next to the others about the same table, and a service reads as its use case.
 */
class DataLayerTest {

    static final ArchRule ONLY_REPOSITORIES_HOLD_AN_ENTITY_MANAGER = noClasses()
            .that()
            .haveSimpleNameNotEndingWith("Repository")
            .and()
            .haveSimpleNameNotEndingWith("Log")
            .should()
            .dependOnClassesThat()
            .areAssignableTo(EntityManager.class)
            .because("queries belong to the repositories (…Repository) and the stored logs (…Log); services use those");

    @Test
    void onlyRepositoriesAndStoredLogsHoldAnEntityManager() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.netchat");
        assertThat(production.containPackage("dev.netchat.channel")).isTrue();
        ONLY_REPOSITORIES_HOLD_AN_ENTITY_MANAGER.check(production);
    }

    @Test
    void theRuleFailsOnAPlantedServiceThatQueriesItself() {
        JavaClasses planted = new ClassFileImporter().importPackages("dev.netchat.architecture.planted.repositoryless");
        EvaluationResult result = ONLY_REPOSITORIES_HOLD_AN_ENTITY_MANAGER.evaluate(planted);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("PlantedService")
                .contains("EntityManager");
    }
}
