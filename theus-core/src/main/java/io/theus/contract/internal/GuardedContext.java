package io.theus.contract.internal;

import io.theus.ContractViolationException;
import io.theus.IllegalReadException;
import io.theus.IllegalWriteException;
import io.theus.contract.ProcessContext;
import io.theus.state.Capability;
import io.theus.state.Zone;
import io.theus.state.internal.PathAccess;
import io.theus.state.internal.PrivateView;
import io.theus.state.internal.ProtectedSubtrees;
import io.theus.state.internal.StateRules;
import io.theus.tx.internal.EditorBase;
import io.theus.tx.internal.TxState;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The context a process runs with: every read and write is checked against the process's contract, the zone
 * ceilings and field policies (C3). Under strict guards a violation throws; under relaxed guards it is logged once
 * as a warning and allowed, except writes to CONSTANT paths and writes by PURE processes, which always throw.
 *
 * <p>Not thread-safe: confined to the thread running the process; unusable once the process has returned.
 */
public final class GuardedContext extends EditorBase<GuardedAccess> implements ProcessContext {
    private static final System.Logger LOG = System.getLogger("io.theus.guard");

    private final ProcessDefinition def;
    private final boolean strict;
    private final BiConsumer<String, String> adminListener;
    private int adminDepth;
    private boolean closed;

    /**
     * Creates a context for one attempt.
     *
     * @param tx the attempt's transaction
     * @param rules the engine's state rules
     * @param def the process
     * @param strict whether violations throw
     * @param adminListener told (process, reason) when an admin scope opens
     */
    public GuardedContext(TxState tx, StateRules rules, ProcessDefinition def, boolean strict,
                          BiConsumer<String, String> adminListener) {
        super(tx, rules);
        this.def = def;
        this.strict = strict;
        this.adminListener = adminListener;
    }

    /** Ends the context: any later use raises {@link IllegalStateException}. */
    public void close() {
        closed = true;
    }

    /** {@return the transaction of this attempt} */
    public TxState txState() {
        return tx;
    }

    @Override
    protected GuardedAccess resolve(String path) {
        ensureOpen();
        return def.access(path);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the context of process '" + def.name()
                    + "' was used after the process returned");
        }
    }

    /**
     * Writes the process's single output, resolved once per process (return mapping), with the checks of
     * {@link #set(String, Object)}.
     *
     * @param output the resolved output path
     * @param value the value
     */
    public void setOutput(GuardedAccess output, Object value) {
        ensureOpen();
        setResolved(output, value);
    }

    @Override
    protected PathAccess accessOf(GuardedAccess resolved) {
        return resolved.access();
    }

    @Override
    protected void checkRead(GuardedAccess g) {
        if ((g.granted() & Capability.READ.bit()) == 0) {
            String path = g.access().path().toString();
            violation(new IllegalReadException(def.name(), path, g.access().zone(), "process '" + def.name()
                    + "' may not read '" + path + "': it is not declared in its inputs or outputs"));
        }
    }

    @Override
    protected boolean hides(GuardedAccess g) {
        return adminDepth == 0 && g.access().zone() == Zone.PRIVATE;
    }

    @Override
    protected void checkWrite(GuardedAccess g, Capability capability) {
        PathAccess a = g.access();
        String path = a.path().toString();
        if (def.pure()) {
            throw new IllegalWriteException(def.name(), path, capability, a.zone(), "process '" + def.name()
                    + "' is PURE and may not write '" + path + "'");
        }
        if ((g.granted() & capability.bit()) == 0) {
            violation(new IllegalWriteException(def.name(), path, capability, a.zone(), "process '" + def.name()
                    + "' may not " + capability + " '" + path + "': it is not declared in its outputs"));
            return;
        }
        int ceiling = a.ceilingFor(adminDepth > 0, false);
        if ((ceiling & capability.bit()) == 0) {
            zoneViolation(path, a.zone(), capability, ceiling);
        }
    }

    @Override
    protected boolean writesBlind(GuardedAccess g) {
        int both = Capability.APPEND.bit() | Capability.UPDATE.bit();
        return !def.pure() && (g.granted() & both) == both
                && (g.access().ceilingFor(adminDepth > 0, false) & both) == both;
    }

    private void zoneViolation(String path, Zone zone, Capability capability, int ceiling) {
        String why = zone == Zone.PRIVATE && adminDepth == 0 ? "zone PRIVATE is off limits outside an admin scope"
                : zone.ceiling() == ceiling || adminDepth > 0 ? "zone " + zone + " allows only "
                + Capability.describe(ceiling) : "its field policy allows only " + Capability.describe(ceiling);
        IllegalWriteException e = new IllegalWriteException(def.name(), path, capability, zone, "process '"
                + def.name() + "' may not " + capability + " '" + path + "': " + why);
        if (zone == Zone.CONSTANT) {
            throw e;
        }
        violation(e);
    }

    @Override
    protected void onProtectedViolation(GuardedAccess g, ProtectedSubtrees.Violation v) {
        zoneViolation(v.path().toString(), v.zone(), v.capability(), ceilingOf(v.zone()));
    }

    @Override
    protected int ceilingOf(Zone zone) {
        if (adminDepth > 0) {
            return zone == Zone.CONSTANT ? Capability.READ.bit() : Capability.ALL;
        }
        return zone.ceiling();
    }

    @Override
    protected boolean boundByPolicies() {
        return adminDepth == 0;
    }

    @Override
    protected void checkEmit() {
        if (def.pure()) {
            throw new IllegalWriteException(def.name(), null, Capability.UPDATE, Zone.SIGNAL, "process '"
                    + def.name() + "' is PURE and may not emit signals");
        }
    }

    @Override
    protected void checkOutbox() {
        if (def.pure()) {
            throw new IllegalWriteException(def.name(), null, Capability.APPEND, Zone.DATA, "process '"
                    + def.name() + "' is PURE and may not write to the outbox");
        }
    }

    @Override
    protected Object present(Object value) {
        return adminDepth == 0 && rules.freezer().mayHavePrivateKeys() ? PrivateView.hide(value) : value;
    }

    private void violation(ContractViolationException e) {
        if (strict) {
            throw e;
        }
        if (def.firstWarning(e.getMessage())) {
            LOG.log(System.Logger.Level.WARNING, "relaxed guard: " + e.getMessage());
        }
    }

    @Override
    public String processName() {
        return def.name();
    }

    @Override
    public Map<String, Object> local() {
        return localMap();
    }

    @Override
    public AdminScope admin(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("an admin scope needs a reason");
        }
        adminListener.accept(def.name(), reason);
        adminDepth++;
        return new AdminScope() {
            private boolean open = true;

            @Override
            public void close() {
                if (open) {
                    open = false;
                    adminDepth--;
                }
            }
        };
    }
}
