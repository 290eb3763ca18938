/**
 * The machinery of Flux workflows: YAML (read by the shared {@code io.theus.internal.yaml.YamlReader}) → validated
 * syntax tree ({@code WorkflowLoader}, {@code DocumentReader}, sealed {@code Step} types), the condition language
 * (lexer, recursive-descent parser, compiler to closures, Python value semantics), the binding of a workflow to an
 * engine, the interpreter and the run state machine.
 *
 * <p>Invariants: a loaded workflow is immutable and engine-independent; nothing runs before it is bound (every
 * process name, argument and condition name checked); conditions never reach Java objects (only dicts, lists and
 * strings can be indexed; calls are limited to the built-ins); each process step goes through the engine's
 * normal execution path; conditions read the version the previous step committed, passed explicitly.
 */
package io.theus.flux.internal;
