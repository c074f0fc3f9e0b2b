package dev.netchat.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The one netchat.ear runs unchanged on WildFly and on Payara (docs/APP-SERVERS.md): NetChat's own code, the EJB
 * module's and the web module's (both are on this module's test classpath), uses Jakarta EE, MicroProfile and
 * bundled libraries only, never an application server's own API.
 */
class ServerNeutralityTest {

    private static final JavaClasses NETCHAT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.netchat");

    @Test
    void netchatCodeUsesNoApplicationServerApi() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("dev.netchat..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.jboss..",
                        "org.wildfly..",
                        "fish.payara..",
                        "org.glassfish..",
                        "com.sun.enterprise..",
                        "io.undertow..",
                        "org.hibernate..",
                        "org.eclipse.persistence..")
                .because("the same EAR deploys to WildFly and Payara: server differences are solved with standard "
                        + "means or descriptors both servers read (docs/APP-SERVERS.md)");
        rule.check(NETCHAT);
    }

    @Test
    void bothModulesAreChecked() {
        // An empty import would pass the rule above vacuously.
        assertThat(NETCHAT.containPackage("dev.netchat.shared")).isTrue();
        assertThat(NETCHAT.containPackage("dev.netchat.web")).isTrue();
    }
}
