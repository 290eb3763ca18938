/**
 * Test kit for applications built on Theus: a JUnit 5 extension that gives each test a fresh engine
 * ({@link io.theus.testkit.TheusEngineExtension}) and AssertJ assertions on committed state
 * ({@link io.theus.testkit.TheusAssertions}).
 */
package io.theus.testkit;
