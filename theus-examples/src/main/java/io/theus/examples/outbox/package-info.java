/** A tour of the outbox relay: drain, visible failures, requeue and background workers. */
package io.theus.examples.outbox;
