/**
 * Declaring processes: the {@link io.theus.contract.TheusProcess} annotation, the
 * {@link io.theus.contract.ProcessSpec} builder, {@link io.theus.contract.Contract contracts}, the
 * {@link io.theus.contract.ProcessContext} a process runs with, and {@link io.theus.contract.StateUpdate} batches.
 */
package io.theus.contract;
