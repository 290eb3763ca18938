/**
 * Audit: rule recipes with severity levels and failure thresholds, checked before and after each process body.
 * The exception types here say what each level does to the execution, the workflow and the engine.
 */
package io.theus.audit;
