package io.theus.tx.internal;

import io.theus.state.Path;
import io.theus.state.internal.PersistentMap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The write set a transaction hands to the commit point. */
class TxStateTest {

    private static TxState writing(String... paths) {
        TxState tx = new TxState(Version.empty(), 0);
        for (String p : paths) {
            tx.write(Path.of(p), PersistentMap.empty()); // maps, so a later write may go beneath an earlier one
        }
        return tx;
    }

    private static String[] texts(Path[] paths) {
        String[] out = new String[paths.length];
        for (int i = 0; i < paths.length; i++) {
            out[i] = paths[i].toString();
        }
        return out;
    }

    @Test
    void minimalWritesDropDuplicatesAndPathsUnderAnotherWrittenPathKeepingFirstWriteOrder() {
        TxState tx = writing("domain.b.x", "domain.a", "domain.b.x", "domain.c.d.e", "domain.c", "domain.a.z");
        assertThat(texts(tx.minimalWrites())).containsExactly("domain.b.x", "domain.a", "domain.c");
    }

    @Test
    void minimalWritesKeepSiblingsWhosePrefixesMerelyLookAlike() {
        TxState tx = writing("domain.item", "domain.items.0", "domain.item_x");
        assertThat(texts(tx.minimalWrites())).containsExactly("domain.item", "domain.items.0", "domain.item_x");
    }

    @Test
    void aSingleWriteIsItsOwnMinimalWriteSetAndIsNotChangedByLaterWrites() {
        TxState tx = writing("domain.a");
        Path[] first = tx.minimalWrites();
        tx.write(Path.of("domain.b"), 1);
        assertThat(texts(first)).containsExactly("domain.a");
        assertThat(texts(tx.minimalWrites())).containsExactly("domain.a", "domain.b");
    }
}
