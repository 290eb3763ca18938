package io.theus;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

class ApiBoundaryTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.theus");

    private static boolean internal(JavaClass type) {
        return type.getPackageName().contains(".internal");
    }

    @Test
    void publicApiNeverExposesInternalTypes() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass type : CLASSES) {
            if (internal(type) || !type.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            for (JavaCodeUnit unit : type.getCodeUnits()) {
                boolean visible = unit.getModifiers().contains(JavaModifier.PUBLIC)
                        || unit.getModifiers().contains(JavaModifier.PROTECTED);
                if (!visible) {
                    continue;
                }
                unit.getRawParameterTypes().stream().filter(ApiBoundaryTest::internal)
                        .forEach(p -> leaks.add(unit.getFullName() + " takes " + p.getName()));
                if (internal(unit.getRawReturnType())) {
                    leaks.add(unit.getFullName() + " returns " + unit.getRawReturnType().getName());
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void noPackageNamedUtilHelperOrManager() {
        noClasses().should().resideInAnyPackage("..util..", "..helper..", "..manager..", "..misc..")
                .allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void theKernelDoesNotDependOnTheEngineFacade() {
        noClasses().that().resideInAnyPackage("io.theus.state..", "io.theus.contract..", "io.theus.tx..")
                .should().dependOnClassesThat().haveFullyQualifiedName(TheusEngine.class.getName())
                .check(CLASSES);
    }
}
