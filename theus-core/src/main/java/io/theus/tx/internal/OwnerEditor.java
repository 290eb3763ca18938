package io.theus.tx.internal;

import io.theus.IllegalWriteException;
import io.theus.state.Capability;
import io.theus.state.Zone;
import io.theus.state.internal.PathAccess;
import io.theus.state.internal.ProtectedSubtrees;
import io.theus.state.internal.StateRules;

/**
 * Editing as the application owner ({@code edit()} and explicit transactions): no contract, PRIVATE paths visible
 * and writable, LOG paths writable; CONSTANT values may be created but never changed or removed.
 *
 * <p>Not thread-safe: confined to the thread running the transaction.
 */
public class OwnerEditor extends EditorBase<PathAccess> {
    private final String label;

    /**
     * Creates an owner editor.
     *
     * @param tx the transaction
     * @param rules the engine's state rules
     * @param label how errors name this editor (e.g. {@code edit})
     */
    public OwnerEditor(TxState tx, StateRules rules, String label) {
        super(tx, rules);
        this.label = label;
    }

    @Override
    protected PathAccess resolve(String path) {
        return rules.access(path);
    }

    @Override
    protected PathAccess accessOf(PathAccess resolved) {
        return resolved;
    }

    @Override
    protected void checkRead(PathAccess access) {
        // the owner reads everything
    }

    @Override
    protected boolean hides(PathAccess access) {
        return false;
    }

    @Override
    protected void checkWrite(PathAccess access, Capability capability) {
        if ((access.ownerCeiling() & capability.bit()) == 0) {
            throw denied(access.path().toString(), access.zone(), capability);
        }
    }

    @Override
    protected boolean writesBlind(PathAccess access) {
        int both = Capability.APPEND.bit() | Capability.UPDATE.bit();
        return (access.ownerCeiling() & both) == both;
    }

    @Override
    protected void onProtectedViolation(PathAccess access, ProtectedSubtrees.Violation v) {
        throw denied(v.path().toString(), v.zone(), v.capability());
    }

    private IllegalWriteException denied(String path, Zone zone, Capability capability) {
        return new IllegalWriteException(label, path, capability, zone, label + " may not " + capability + " '"
                + path + "': zone " + zone + " allows only " + Capability.describe(
                PathAccess.of(io.theus.state.Path.of(path), zone, Capability.ALL).ownerCeiling()));
    }

    @Override
    protected int ceilingOf(Zone zone) {
        return zone == Zone.CONSTANT ? Capability.READ.bit() | Capability.APPEND.bit() : Capability.ALL;
    }

    @Override
    protected boolean boundByPolicies() {
        return false;
    }

    @Override
    protected void checkEmit() {
        // the owner may emit
    }

    /** {@return the transaction's working data} */
    public TxState txState() {
        return tx;
    }
}
