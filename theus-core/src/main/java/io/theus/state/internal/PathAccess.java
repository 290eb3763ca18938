package io.theus.state.internal;

import io.theus.state.Capability;
import io.theus.state.Path;
import io.theus.state.Zone;

/**
 * A resolved concrete path with its zone and the capability ceilings that apply to it: for processes, for processes
 * inside an admin scope, and for the application owner (edits and explicit transactions).
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the parsed path
 * @param zone its zone
 * @param ceiling zone ceiling narrowed by field policies
 * @param adminCeiling ceiling inside an admin scope: everything except changing CONSTANT paths
 * @param ownerCeiling ceiling for the owner: like admin, and new CONSTANT keys may be created
 */
public record PathAccess(Path path, Zone zone, int ceiling, int adminCeiling, int ownerCeiling) {

    /**
     * Computes the ceilings of a path.
     *
     * @param path the path
     * @param zone its zone
     * @param policyMask the mask of the field policies covering it
     * @return the access
     */
    public static PathAccess of(Path path, Zone zone, int policyMask) {
        int read = Capability.READ.bit();
        boolean constant = zone == Zone.CONSTANT;
        return new PathAccess(path, zone, zone.ceiling() & policyMask, constant ? read : Capability.ALL,
                constant ? read | Capability.APPEND.bit() : Capability.ALL);
    }

    /**
     * Returns the ceiling for one of the three kinds of callers.
     *
     * @param admin inside an admin scope
     * @param owner the application owner
     * @return capability bits
     */
    public int ceilingFor(boolean admin, boolean owner) {
        return owner ? ownerCeiling : admin ? adminCeiling : ceiling;
    }
}
