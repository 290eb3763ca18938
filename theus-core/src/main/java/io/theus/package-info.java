/**
 * Theus for Java: a process-oriented state kernel. Start with {@link io.theus.TheusEngine#builder()}.
 *
 * <p>This package holds the engine facade, its builder and the exception hierarchy: every domain failure is an
 * unchecked {@link io.theus.TheusException} with structured accessors ({@code process()}, {@code path()}).
 */
package io.theus;
