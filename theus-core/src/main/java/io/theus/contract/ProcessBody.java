package io.theus.contract;

/**
 * The body of a process defined with {@link ProcessSpec}: receives the guarded context and the bound arguments.
 *
 * <p>Implementations should be stateless; the engine may call one body from many threads at once.
 */
@FunctionalInterface
public interface ProcessBody {
    /**
     * Runs the process.
     *
     * @param ctx the guarded context of this attempt
     * @param args the bound arguments
     * @return the result (mapped to outputs per the process's {@link ReturnMapping}), or {@code null}
     * @throws Exception any failure; the transaction is rolled back
     */
    Object run(ProcessContext ctx, Args args) throws Exception;
}
