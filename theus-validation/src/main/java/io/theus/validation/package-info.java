/**
 * Jakarta Bean Validation (Hibernate Validator) of record values in the Type Shield: {@link
 * io.theus.validation.BeanValidation#recordValidator()} plugs into {@code Schema.Builder.recordValidator}.
 */
package io.theus.validation;
