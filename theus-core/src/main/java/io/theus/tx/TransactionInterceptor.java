package io.theus.tx;

import io.theus.contract.ProcessInfo;
import io.theus.state.StateSnapshot;

/**
 * An extension point on the transaction lifecycle (audit, schema, metrics, tracing). Every method has a no-op
 * default. Interceptors run in registration order on the thread executing the transaction.
 *
 * <p>Throwing from {@link #beforeBody} or {@link #beforeCommit} refuses the attempt: nothing is committed, the
 * exception reaches the caller, and the process is not retried. Exceptions thrown from {@link #afterCommit},
 * {@link #afterFailure} and {@link #onAdminScope} are logged and otherwise ignored: they never break the engine.
 *
 * <p>Implementations must be thread-safe: the engine calls them from many threads at once.
 */
public interface TransactionInterceptor {

    /**
     * Called for each process of a registration batch before any of them is registered; throwing refuses the whole
     * batch (nothing is registered). Lets an interceptor check its configuration against the process's contract and
     * parameters (an audit recipe naming a parameter the process does not have).
     *
     * @param process the process about to be registered
     */
    default void onRegister(ProcessInfo process) {
    }

    /**
     * Called before each attempt's process body runs (the input gate).
     *
     * @param invocation the attempt
     */
    default void beforeBody(Invocation invocation) {
    }

    /**
     * Called once per attempt after the body ran and before the commit (the output gate, the schema gate), for every
     * kind of commit, including commits that change nothing.
     *
     * @param candidate the commit about to happen
     */
    default void beforeCommit(CommitCandidate candidate) {
    }

    /**
     * Called after a commit succeeded (for a process that changed nothing: after it returned).
     *
     * @param candidate what was committed
     * @param committed the resulting version (the snapshot itself when nothing changed)
     */
    default void afterCommit(CommitCandidate candidate, StateSnapshot committed) {
    }

    /**
     * Called once when a process execution finally fails (after retries), whatever the cause.
     *
     * @param invocation the last attempt
     * @param error what failed it
     */
    default void afterFailure(Invocation invocation, Throwable error) {
    }

    /**
     * Called when a process opens an admin scope.
     *
     * @param process the process
     * @param reason the stated reason
     */
    default void onAdminScope(String process, String reason) {
    }
}
