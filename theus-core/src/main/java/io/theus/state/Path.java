package io.theus.state;

import io.theus.InvalidPathException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A parsed state path such as {@code domain.user.name}. The bracket form {@code domain['user'].items[0]} is accepted
 * and normalised to the dotted form ({@code domain.user.items.0}). In contract patterns a {@code *} segment matches
 * exactly one segment.
 *
 * <p>Segments are non-empty and contain none of {@code . [ ] ' "} nor whitespace. A path has at most
 * {@value #MAX_DEPTH} segments and {@value #MAX_LENGTH} characters.
 *
 * <p>Immutable and thread-safe; parsed paths are cached, so {@link #of(String)} is cheap for recurring text.
 * Segments are interned strings, and so are the keys of frozen state maps, so looking a segment up in the state tree
 * usually succeeds on reference equality without comparing characters (row 1 of {@code docs/benchmarks.md}); the
 * text of a parsed path is interned too, so it is the very literal a process uses for the same path.
 */
public final class Path implements Comparable<Path> {
    /** Root of application-wide configuration. */
    public static final String GLOBAL_ROOT = "global";
    /** Root of domain data. */
    public static final String DOMAIN_ROOT = "domain";
    /** Root of the heavy zone (values stored by reference). */
    public static final String HEAVY_ROOT = "heavy";
    /** Root of transient signals. */
    public static final String SIGNAL_ROOT = "signal";
    /** Root of per-call scratch data, never committed. */
    public static final String LOCAL_ROOT = "local";
    /** The wildcard segment of contract patterns. */
    public static final String WILDCARD = "*";
    /** Maximum number of segments. */
    public static final int MAX_DEPTH = 64;
    /** Maximum length of the text form. */
    public static final int MAX_LENGTH = 1024;

    private static final int CACHE_LIMIT = 16_384;
    private static final ConcurrentHashMap<String, Path> CACHE = new ConcurrentHashMap<>();

    private final String[] segments;
    private final String text;
    private final boolean wildcard;
    /** The parent, computed on first use (commit-time ancestor checks walk parents on every commit). */
    private Path parent;

    private Path(String[] segments) {
        this(segments, String.join(".", segments));
    }

    private Path(String[] segments, String text) {
        this.segments = segments;
        this.text = text;
        this.wildcard = Arrays.asList(segments).contains(WILDCARD);
    }

    /**
     * Parses a path.
     *
     * @param text dotted or bracket form
     * @return the parsed path
     * @throws InvalidPathException if the text is not a well-formed path
     */
    public static Path of(String text) {
        if (text == null) {
            throw new InvalidPathException(null, "path must not be null");
        }
        Path cached = CACHE.get(text);
        if (cached != null) {
            return cached;
        }
        String[] segments = PathParser.parse(text);
        Path parsed = new Path(segments, String.join(".", segments).intern());
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.putIfAbsent(text, parsed);
        }
        return parsed;
    }

    /**
     * Builds a path from segments, validating each.
     *
     * @param segments one or more segments
     * @return the path
     * @throws InvalidPathException if a segment is malformed
     */
    public static Path ofSegments(List<String> segments) {
        if (segments.isEmpty() || segments.size() > MAX_DEPTH) {
            throw new InvalidPathException(String.join(".", segments),
                    "a path needs 1.." + MAX_DEPTH + " segments, got " + segments.size());
        }
        String[] copy = segments.toArray(String[]::new);
        for (int i = 0; i < copy.length; i++) {
            PathParser.checkSegment(copy[i], String.join(".", segments));
            copy[i] = copy[i].intern();
        }
        return new Path(copy);
    }

    /** {@return the number of segments} */
    public int size() {
        return segments.length;
    }

    /**
     * Returns one segment.
     *
     * @param index 0 for the root
     * @return the segment
     */
    public String segment(int index) {
        return segments[index];
    }

    /** {@return the first segment} */
    public String root() {
        return segments[0];
    }

    /** {@return the last segment} */
    public String last() {
        return segments[segments.length - 1];
    }

    /** {@return the segments as an unmodifiable list} */
    public List<String> segments() {
        return List.of(segments);
    }

    /** {@return whether any segment is the {@code *} wildcard} */
    public boolean hasWildcard() {
        return wildcard;
    }

    /** {@return the parent path, or {@code null} for a root} */
    public Path parent() {
        Path p = parent;
        if (p == null && segments.length > 1) {
            p = new Path(Arrays.copyOf(segments, segments.length - 1));
            parent = p; // benign race: equal paths, and Path is safely publishable (final fields)
        }
        return p;
    }

    /**
     * Appends a segment.
     *
     * @param segment the child key
     * @return the child path
     */
    public Path child(String segment) {
        PathParser.checkSegment(segment, text + "." + segment);
        String[] s = Arrays.copyOf(segments, segments.length + 1);
        s[segments.length] = segment.intern();
        return new Path(s);
    }

    /** {@return all strict ancestors, root first} */
    public List<Path> ancestors() {
        List<Path> result = new ArrayList<>(segments.length - 1);
        for (int i = 1; i < segments.length; i++) {
            result.add(new Path(Arrays.copyOf(segments, i)));
        }
        return result;
    }

    /**
     * Tells whether this path (possibly a pattern with wildcards) equals {@code other} or is one of its ancestors.
     *
     * @param other a path
     * @return {@code true} if {@code other} lies in the subtree this path names
     */
    public boolean covers(Path other) {
        return segments.length <= other.segments.length && matchesPrefix(other, segments.length);
    }

    /**
     * Tells whether two paths name overlapping subtrees: one equals the other or is its ancestor. Wildcards on either
     * side match any single segment.
     *
     * @param other a path
     * @return {@code true} if a change under one can affect the other
     */
    public boolean overlaps(Path other) {
        return matchesPrefix(other, Math.min(segments.length, other.segments.length));
    }

    private boolean matchesPrefix(Path other, int length) {
        for (int i = 0; i < length; i++) {
            String a = segments[i];
            String b = other.segments[i];
            if (!a.equals(b) && !a.equals(WILDCARD) && !b.equals(WILDCARD)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(Path o) {
        return text.compareTo(o.text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Path p && text.equals(p.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** {@return the canonical dotted form} */
    @Override
    public String toString() {
        return text;
    }
}
