package io.theus.tx.internal;

import io.theus.signal.Signal;
import io.theus.state.Path;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignalSequencerTest {
    private final OptimisticCommitter committer = new OptimisticCommitter(Version.empty(), 64);
    private final List<List<Signal>> published = new ArrayList<>();
    private final SignalSequencer sequencer = new SignalSequencer(committer.head(), published::add);

    private Version commit(String... topics) {
        TxState tx = new TxState(committer.head(), 0);
        for (String t : topics) {
            tx.emit(new Signal(t, true));
        }
        tx.write(Path.of("domain.n"), committer.head().version());
        CommitResult r = committer.commit(tx, tx.minimalWrites(), null, false, tx.signals());
        return ((CommitResult.Committed) r).version();
    }

    private List<String> topics() {
        return published.stream().flatMap(List::stream).map(Signal::topic).toList();
    }

    @Test
    void aLaterCommitterPublishesEarlierUnpublishedVersionsFirst() {
        Version v1 = commit("a");
        commit();
        Version v3 = commit("b", "c");
        sequencer.publish(v3);
        assertThat(topics()).containsExactly("a", "b", "c");
        sequencer.publish(v1);
        assertThat(topics()).containsExactly("a", "b", "c");
    }

    @Test
    void eachVersionIsPublishedOnceAsOneBatch() {
        Version v1 = commit("a");
        sequencer.publish(v1);
        sequencer.publish(v1);
        Version v2 = commit("b", "c");
        sequencer.publish(v2);
        assertThat(published).containsExactly(List.of(new Signal("a", true)),
                List.of(new Signal("b", true), new Signal("c", true)));
    }

    @Test
    void versionsWithoutSignalsAreSkippedAndHoldNothingBack() {
        commit();
        commit();
        Version v3 = commit("x");
        sequencer.publish(v3);
        assertThat(topics()).containsExactly("x");
    }

    @Test
    void publishedLogsAreCutSoTheSignalChainStaysBounded() {
        Version v1 = commit("a");
        Version v2 = commit("b");
        sequencer.publish(v2);
        assertThat(v2.log.previousWithSignals()).isNull();
        Version v3 = commit();
        assertThat(v3.log.previousWithSignals()).isSameAs(v2.log);
        assertThat(v1.log.number).isEqualTo(1);
    }
}
