package io.theus.tx.internal;

import io.theus.contract.StateEditor;
import io.theus.contract.StateUpdate;
import io.theus.signal.Signal;
import io.theus.state.Path;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Applies every part of a {@link StateUpdate} through an editor, so the editor's guard checks each write: data,
 * removals, heavy assignments (under the {@code heavy} root), signals and the asserted version.
 *
 * <p>Stateless and thread-safe.
 */
public final class UpdateApplier {
    private UpdateApplier() {
    }

    /**
     * Applies an update.
     *
     * @param update the update
     * @param editor the editor that performs (and guards) the writes
     * @param tx the editor's transaction (for the asserted version)
     * @param keyToPath maps a data key to a path (identity, or output leaf names for process returns)
     */
    public static void apply(StateUpdate update, StateEditor editor, TxState tx, UnaryOperator<String> keyToPath) {
        update.assertedVersion().ifPresent(tx::assertVersion);
        for (Map.Entry<String, Object> e : update.data().entrySet()) {
            editor.set(keyToPath.apply(e.getKey()), e.getValue());
        }
        for (String path : update.removals()) {
            editor.remove(keyToPath.apply(path));
        }
        for (Map.Entry<String, Object> e : update.heavy().entrySet()) {
            String key = e.getKey();
            editor.set(key.startsWith(Path.HEAVY_ROOT + ".") ? key : Path.HEAVY_ROOT + "." + key, e.getValue());
        }
        for (Signal s : update.signals()) {
            editor.emit(s.topic(), s.payload());
        }
    }
}
