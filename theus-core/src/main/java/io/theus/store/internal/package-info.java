/** Store implementations that ship with the core, not API: the in-memory store. */
package io.theus.store.internal;
