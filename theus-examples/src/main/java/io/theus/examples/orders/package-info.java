/**
 * The orders example: committed signals drive a live dashboard, and the transactional outbox delivers an "order
 * placed" confirmation only for orders that committed.
 */
package io.theus.examples.orders;
