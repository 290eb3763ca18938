package io.theus.state.internal;

import io.theus.InvalidPathException;
import io.theus.state.Capability;
import io.theus.state.FieldPolicy;
import io.theus.state.Path;
import io.theus.state.Zone;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-engine rules of the state tree: which roots exist, which field policies narrow which paths, how values are
 * frozen. Resolves path text to a {@link PathAccess}, caching recurring paths.
 *
 * <p>Thread-safe: immutable configuration plus a concurrent cache.
 */
public final class StateRules {
    private static final int CACHE_LIMIT = 8_192;

    private final Set<String> roots;
    private final Map<Path, FieldPolicy> policies;
    private final Freezer freezer;
    private final ConcurrentHashMap<String, PathAccess> cache = new ConcurrentHashMap<>();

    /**
     * Creates the rules.
     *
     * @param namespaces extra roots besides global, domain, heavy and signal
     * @param policies field policy overrides by path
     * @param freezer the value freezer
     */
    public StateRules(Set<String> namespaces, Map<Path, FieldPolicy> policies, Freezer freezer) {
        Set<String> all = new TreeSet<>(List.of(Path.GLOBAL_ROOT, Path.DOMAIN_ROOT, Path.HEAVY_ROOT,
                Path.SIGNAL_ROOT));
        all.addAll(namespaces);
        this.roots = Set.copyOf(all);
        this.policies = new LinkedHashMap<>(policies);
        this.freezer = freezer;
    }

    /** {@return the roots a path may start with} */
    public Set<String> roots() {
        return roots;
    }

    /** {@return the freezer} */
    public Freezer freezer() {
        return freezer;
    }

    /**
     * Resolves a concrete path (no wildcards) with a known root.
     *
     * @param text path text
     * @return the access
     * @throws InvalidPathException if malformed, a pattern, or under an unknown root
     */
    public PathAccess access(String text) {
        PathAccess cached = cache.get(text);
        if (cached != null) {
            return cached;
        }
        PathAccess computed = compute(Path.of(text));
        if (cache.size() < CACHE_LIMIT) {
            cache.putIfAbsent(text, computed);
        }
        return computed;
    }

    /**
     * Resolves a parsed concrete path.
     *
     * @param path the path
     * @return the access
     */
    public PathAccess compute(Path path) {
        if (path.hasWildcard()) {
            throw new InvalidPathException(path.toString(), "'" + path + "' is a pattern; a concrete path is needed");
        }
        checkRoot(path);
        Zone zone = Zone.of(path);
        freezer.noteZone(zone);
        return PathAccess.of(path, zone, policyMask(path));
    }

    /**
     * Checks that a path (or pattern) starts with a known root.
     *
     * @param path the path
     * @throws InvalidPathException if the root is unknown
     */
    public void checkRoot(Path path) {
        if (!roots.contains(path.root())) {
            throw new InvalidPathException(path.toString(), "unknown root '" + path.root() + "' in path '" + path
                    + "'; known roots are " + roots + " (register namespaces on the engine builder)");
        }
    }

    /**
     * Combines the field policies covering a path.
     *
     * @param path the path
     * @return the allowed capability mask
     */
    public int policyMask(Path path) {
        int mask = Capability.ALL;
        for (Map.Entry<Path, FieldPolicy> e : policies.entrySet()) {
            if (e.getKey().covers(path)) {
                mask &= e.getValue().mask();
            }
        }
        return mask;
    }

    /**
     * Lists the paths with field policies that lie strictly under a path.
     *
     * @param path the path
     * @return the policy paths beneath it
     */
    public List<Path> policyPathsUnder(Path path) {
        List<Path> result = new java.util.ArrayList<>();
        for (Path q : policies.keySet()) {
            if (q.size() > path.size() && path.covers(q)) {
                result.add(q);
            }
        }
        return result;
    }

    /** {@return whether any field policy is declared} */
    public boolean hasPolicies() {
        return !policies.isEmpty();
    }
}
