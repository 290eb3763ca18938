/**
 * The one YAML front-end of Theus, not API: audit recipes, context schemas and Flux workflows are all read by
 * {@link io.theus.internal.yaml.YamlReader} into a {@link io.theus.internal.yaml.YamlDocument}.
 *
 * <p>Invariants: every document passes the same limits ({@link io.theus.internal.yaml.YamlReader} states them) in
 * the same order — size, UTF-8, one iterative pass over the parser's events (depth, aliases, expanded size,
 * recursion, one document) — before SnakeYAML Engine's recursive composer builds the node tree; scalars resolve
 * with the YAML 1.2 core schema and no Java object is ever constructed from a tag; every error is a
 * {@link io.theus.DefinitionException} (or the subclass a front-end asks for through
 * {@link io.theus.internal.yaml.DefinitionErrors}) naming the document, the 1-based line and column, and the rule.
 */
package io.theus.internal.yaml;
