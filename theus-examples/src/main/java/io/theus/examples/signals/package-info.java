/** A tour of the SignalHub on its own and of an engine's hub. */
package io.theus.examples.signals;
