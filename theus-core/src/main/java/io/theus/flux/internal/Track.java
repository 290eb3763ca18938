package io.theus.flux.internal;

import io.theus.flux.RunState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The position of one thread of a run (the run itself, or one branch of a {@code flux: parallel} block): a stack of
 * frames, one per block the thread is in, each naming the step it is at and, for loops, the iteration. A parallel
 * frame holds the tracks of its branches. {@link RunState} is a copy of this tree.
 *
 * <p>Thread-safe: every method locks the run's monitor ({@code lock}), which guards all tracks of the run; the
 * owning thread mutates, any thread may copy.
 */
final class Track {
    private final Object lock;
    private final Track parent;
    private final BranchGroup group;
    private final List<Frame> frames = new ArrayList<>();

    /** One level of the position. Guarded by the run's lock. */
    private static final class Frame {
        int step = -1;
        long iteration;
        Track[] branches;
    }

    private Track(Object lock, Track parent, BranchGroup group) {
        this.lock = lock;
        this.parent = parent;
        this.group = group;
    }

    /**
     * Creates the track of a run.
     *
     * @param lock the run's monitor
     * @return the root track
     */
    static Track root(Object lock) {
        return new Track(lock, null, null);
    }

    /** {@return whether this is the run's own thread (not a parallel branch)} */
    boolean isMain() {
        return parent == null;
    }

    /** {@return whether a failed sibling branch asked this branch (or an enclosing one) to stop} */
    boolean siblingFailed() {
        for (Track t = this; t != null; t = t.parent) {
            if (t.group != null && t.group.failed()) {
                return true;
            }
        }
        return false;
    }

    void push() {
        synchronized (lock) {
            frames.add(new Frame());
        }
    }

    void pop() {
        synchronized (lock) {
            frames.remove(frames.size() - 1);
        }
    }

    void at(int step) {
        synchronized (lock) {
            Frame f = frames.get(frames.size() - 1);
            f.step = step;
            f.iteration = 0;
        }
    }

    void iteration(long n) {
        synchronized (lock) {
            frames.get(frames.size() - 1).iteration = n;
        }
    }

    /**
     * Creates the tracks of a parallel block's branches under the current frame.
     *
     * @param group the branches' failure signal
     * @param n how many branches
     * @return one track per branch
     */
    Track[] fork(BranchGroup group, int n) {
        synchronized (lock) {
            Track[] tracks = new Track[n];
            for (int i = 0; i < n; i++) {
                tracks[i] = new Track(lock, this, group);
            }
            frames.get(frames.size() - 1).branches = tracks;
            return tracks;
        }
    }

    void join() {
        synchronized (lock) {
            frames.get(frames.size() - 1).branches = null;
        }
    }

    /** {@return the id of the innermost step this track is at, or -1} */
    int currentStep() {
        synchronized (lock) {
            for (int i = frames.size() - 1; i >= 0; i--) {
                if (frames.get(i).step >= 0) {
                    return frames.get(i).step;
                }
            }
            return -1;
        }
    }

    /** {@return a copy of the position} */
    List<RunState.Frame> snapshot() {
        synchronized (lock) {
            List<RunState.Frame> copy = new ArrayList<>(frames.size());
            for (Frame f : frames) {
                List<List<RunState.Frame>> branches = f.branches == null ? List.of()
                        : Arrays.stream(f.branches).map(Track::snapshot).toList();
                copy.add(new RunState.Frame(f.step, f.iteration, branches));
            }
            return copy;
        }
    }
}
