/**
 * Transient signals. A {@link io.theus.signal.Signal} is latched on the committed version that carries it and is
 * cleared by the next commit.
 */
package io.theus.signal;
