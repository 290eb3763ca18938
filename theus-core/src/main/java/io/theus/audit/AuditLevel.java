package io.theus.audit;

/**
 * Severity of an audit rule, with the effect of a violation (SPEC A3).
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum AuditLevel {
    /** Stop: the first violation raises and trips the engine interlock until it is reset. */
    S,
    /** Abort: raises and aborts the running workflow. */
    A,
    /** Block: counted; when the key's count reaches {@code threshold_max} the transaction is rejected. */
    B,
    /** Count: logged and counted only. */
    C,
    /** Info: logged only. */
    I
}
