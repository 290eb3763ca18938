/**
 * The engine behind {@link io.theus.TheusEngine}, not API: settings, the process runner (attempt loop with retries),
 * the commit service (interceptors, write timeout, commit), owner operations, nested-call detection and classpath
 * scanning.
 */
package io.theus.internal;
