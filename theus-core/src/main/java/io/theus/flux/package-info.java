/**
 * Flux workflows (SPEC §8): YAML documents of steps — processes, {@code flux: if}, {@code flux: while},
 * {@code flux: run}, {@code flux: parallel} — whose conditions, written in a small Python-like expression language,
 * read the committed state. Load a {@link io.theus.flux.Workflow}, then run it with
 * {@code TheusEngine.executeWorkflow} (to completion) or {@code TheusEngine.startWorkflow} (in the background,
 * through a {@link io.theus.flux.WorkflowRun} handle).
 *
 * <p>A run is a state machine ({@link io.theus.flux.WorkflowStatus}) with a history and observers; its position is
 * a small serialisable {@link io.theus.flux.RunState}. Loading problems are
 * {@link io.theus.flux.WorkflowDefinitionException}s with file, line and column; failures of a run are
 * {@link io.theus.flux.WorkflowException}s carrying the partial result.
 */
package io.theus.flux;
