package io.theus.internal;

import io.theus.tx.Isolation;
import io.theus.tx.RetryPolicy;
import io.theus.tx.TransactionInterceptor;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The validated settings of one engine, as collected by its builder.
 *
 * <p>Immutable and thread-safe (the executor and interceptors are the caller's thread-safe objects).
 *
 * @param strictGuards whether contract and zone violations throw (otherwise they are logged)
 * @param strictCas whether {@code compareAndSwap} checks the whole version
 * @param isolation what process commits check
 * @param retry how conflicting processes are re-run
 * @param writeTimeout oldest a transaction may be at commit; zero for no limit
 * @param clock time source for timeouts and audit timestamps
 * @param interceptors lifecycle interceptors, in order
 * @param executor executor for asynchronous executions, or {@code null} for an engine-owned virtual-thread executor
 */
public record EngineSettings(boolean strictGuards, boolean strictCas, Isolation isolation, RetryPolicy retry,
                             Duration writeTimeout, InstantSource clock, List<TransactionInterceptor> interceptors,
                             ExecutorService executor) {
    /**
     * Copies the interceptor list.
     *
     * @param strictGuards strict guards
     * @param strictCas strict CAS
     * @param isolation isolation
     * @param retry retry policy
     * @param writeTimeout write timeout
     * @param clock clock
     * @param interceptors interceptors
     * @param executor executor or {@code null}
     */
    public EngineSettings {
        interceptors = List.copyOf(interceptors);
    }
}
