/**
 * The adapter from Jakarta Bean Validation to the schema gate, not API.
 */
package io.theus.validation.internal;
