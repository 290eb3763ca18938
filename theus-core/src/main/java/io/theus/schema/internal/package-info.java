/**
 * The schema machinery, not API: the YAML loader, the compiled schema tree, the field checks, the gate (a
 * {@code TransactionInterceptor}) and the defaults filled into the initial context.
 *
 * <p>Invariant: the gate only looks at a commit's changes and the schema below them, so its cost grows with the
 * change, not the state; a rejected commit leaves no trace.
 */
package io.theus.schema.internal;
