package io.theus.internal;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import io.theus.contract.TheusProcess;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the classes of a package (and its sub-packages) that declare {@link TheusProcess} methods, by classpath
 * scanning with ClassGraph.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProcessScanner {
    private ProcessScanner() {
    }

    /**
     * Lists the classes with annotated methods.
     *
     * @param packageName e.g. {@code com.example.processes}
     * @return the classes, sorted by name
     */
    public static List<Class<?>> classesIn(String packageName) {
        List<Class<?>> result = new ArrayList<>();
        try (ScanResult scan = new ClassGraph().enableClassInfo().enableMethodInfo().enableAnnotationInfo()
                .ignoreClassVisibility().ignoreMethodVisibility().acceptPackages(packageName).scan()) {
            for (ClassInfo ci : scan.getClassesWithMethodAnnotation(TheusProcess.class.getName())) {
                result.add(ci.loadClass());
            }
        }
        result.sort((a, b) -> a.getName().compareTo(b.getName()));
        return result;
    }
}
