package io.theus.tx.internal;

import io.theus.InvalidPathException;
import io.theus.ValueTypeException;
import io.theus.contract.StateEditor;
import io.theus.outbox.OutboxDraft;
import io.theus.signal.Signal;
import io.theus.state.Capability;
import io.theus.state.Path;
import io.theus.state.Zone;
import io.theus.state.internal.Conversions;
import io.theus.state.internal.PathAccess;
import io.theus.state.internal.PersistentVector;
import io.theus.state.internal.ProtectedSubtrees;
import io.theus.state.internal.StateRules;
import io.theus.state.internal.Tree;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The mechanics shared by every way of editing state inside a transaction (process contexts, edits, explicit
 * transactions): path resolution, the capability each operation needs, freezing, protected-subtree checks, signals
 * and per-call scratch. Subclasses decide who may do what.
 *
 * <p>Capabilities per operation: {@code set} of an existing value needs UPDATE and of a new one APPEND;
 * {@code append} needs APPEND; {@code remove} needs DELETE; writing a SIGNAL path needs UPDATE.
 *
 * <p>Not thread-safe: confined to the thread running the transaction.
 *
 * @param <A> how a subclass represents a resolved path (it may carry caller-specific grants)
 */
public abstract class EditorBase<A> implements StateEditor {
    private static final String LOCAL_PREFIX = Path.LOCAL_ROOT + ".";
    private static final Path OUTBOX_PATH = Path.of("outbox");

    /** The transaction's working data. */
    protected final TxState tx;
    /** The engine's state rules. */
    protected final StateRules rules;
    private Map<String, Object> local;

    /**
     * Creates an editor.
     *
     * @param tx the transaction
     * @param rules the engine's state rules
     */
    protected EditorBase(TxState tx, StateRules rules) {
        this.tx = tx;
        this.rules = rules;
    }

    /**
     * Resolves path text.
     *
     * @param path the text
     * @return the resolved path
     */
    protected abstract A resolve(String path);

    /**
     * Returns the path, zone and ceilings of a resolved path.
     *
     * @param resolved a resolved path
     * @return its access
     */
    protected abstract PathAccess accessOf(A resolved);

    /**
     * Checks a read; throws (or warns) when not allowed.
     *
     * @param access the path
     */
    protected abstract void checkRead(A access);

    /**
     * Tells whether a path reads as absent for this caller (PRIVATE outside admin scopes).
     *
     * @param access the path
     * @return {@code true} to hide
     */
    protected abstract boolean hides(A access);

    /**
     * Checks a write; throws (or warns) when not allowed.
     *
     * @param access the path
     * @param capability what the write needs
     */
    protected abstract void checkWrite(A access, Capability capability);

    /**
     * Reports a protected descendant a wholesale write would change.
     *
     * @param access the written path
     * @param violation what would change
     */
    protected abstract void onProtectedViolation(A access, ProtectedSubtrees.Violation violation);

    /**
     * Returns this caller's ceiling for a zone, used for descendants of wholesale writes.
     *
     * @param zone the zone
     * @return capability bits
     */
    protected abstract int ceilingOf(Zone zone);

    /** {@return whether field policies bind this caller} */
    protected abstract boolean boundByPolicies();

    /** Checks that this caller may emit signals at all. */
    protected abstract void checkEmit();

    /** Checks that this caller may write to the outbox at all; everyone may unless a subclass says otherwise. */
    protected void checkOutbox() {
    }

    /**
     * Prepares a value read from the tree for this caller (e.g. hides PRIVATE keys).
     *
     * @param value the value
     * @return what the caller gets
     */
    protected Object present(Object value) {
        return value;
    }

    @Override
    public long version() {
        return tx.snapshot().version();
    }

    /** {@return the per-call scratch map} */
    protected Map<String, Object> localMap() {
        if (local == null) {
            local = new HashMap<>();
        }
        return local;
    }

    private static boolean isLocal(String path) {
        return path.startsWith(LOCAL_PREFIX);
    }

    @Override
    public Object get(String path) {
        if (isLocal(path)) {
            return localMap().get(path.substring(LOCAL_PREFIX.length()));
        }
        A r = resolve(path);
        checkRead(r);
        if (hides(r)) {
            return null;
        }
        PathAccess a = accessOf(r);
        return present(tx.read(a.path(), a.zone()));
    }

    @Override
    public void set(String path, Object value) {
        if (isLocal(path)) {
            localMap().put(path.substring(LOCAL_PREFIX.length()), Objects.requireNonNull(value, "value"));
            return;
        }
        setResolved(resolve(path), value);
    }

    /**
     * Sets a value at a path the caller resolved already, with every check {@link #set(String, Object)} makes.
     *
     * @param r the resolved path (not a {@code local.} path)
     * @param value the value
     */
    protected void setResolved(A r, Object value) {
        PathAccess a = accessOf(r);
        if (a.zone() == Zone.SIGNAL) {
            checkWrite(r, Capability.UPDATE);
            tx.emit(new Signal(SignalTopics.of(a.path()), freeze(value, a)));
            return;
        }
        boolean blind = writesBlind(r);
        Object old = blind ? null : tx.read(a.path(), a.zone());
        checkWrite(r, blind || old != null ? Capability.UPDATE : Capability.APPEND);
        Object frozen = freeze(value, a);
        if (blind && checksDescendants()) {
            old = tx.read(a.path(), a.zone()); // decided after freezing: freezing may reveal the first protected key
        }
        checkDescendants(r, old, frozen);
        tx.write(a.path(), frozen);
    }

    /**
     * Tells whether this caller may both create and replace a path, so that {@code set} need not read the current
     * value to choose between APPEND and UPDATE (it still reads it when descendants must be checked). Saves a tree
     * lookup per write (row 2 of {@code docs/benchmarks.md}). The default answers {@code false}: always read.
     *
     * @param access the path
     * @return {@code true} if both capabilities are granted and allowed
     */
    protected boolean writesBlind(A access) {
        return false;
    }

    private boolean checksDescendants() {
        return rules.freezer().mayHaveProtectedKeys() || (boundByPolicies() && rules.hasPolicies());
    }

    @Override
    public void update(String path, UnaryOperator<Object> fn) {
        Object current = get(path);
        Object next = fn.apply(current);
        if (next == null) {
            if (current != null) {
                remove(path);
            }
        } else if (next != current) {
            set(path, next);
        }
    }

    @Override
    public <T> void update(String path, Class<T> type, UnaryOperator<T> fn) {
        update(path, current -> fn.apply(current == null ? null : convert(path, current, type)));
    }

    private static <T> T convert(String path, Object value, Class<T> type) {
        try {
            return Conversions.convert(value, type);
        } catch (Conversions.Impossible e) {
            throw new ValueTypeException(path, "value at '" + path + "' is " + Conversions.describe(value)
                    + ", which is not convertible to " + type.getSimpleName());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void append(String path, Object value) {
        if (isLocal(path)) {
            throw new InvalidPathException(path, "append is not supported on local scratch paths; use set");
        }
        A r = resolve(path);
        PathAccess a = accessOf(r);
        checkWrite(r, Capability.APPEND);
        Object old = tx.read(a.path(), a.zone());
        Object element = freeze(value, a);
        PersistentVector<Object> list;
        if (old == null) {
            list = PersistentVector.empty();
        } else if (old instanceof PersistentVector<?> v) {
            list = (PersistentVector<Object>) v;
        } else {
            throw new ValueTypeException(path, "cannot append to '" + path + "': it holds "
                    + Conversions.describe(old) + ", not a list");
        }
        tx.write(a.path(), list.plus(element));
    }

    @Override
    public boolean remove(String path) {
        if (isLocal(path)) {
            return localMap().remove(path.substring(LOCAL_PREFIX.length())) != null;
        }
        A r = resolve(path);
        PathAccess a = accessOf(r);
        checkWrite(r, Capability.DELETE);
        Object old = tx.read(a.path(), a.zone());
        if (old == null) {
            return false;
        }
        checkDescendants(r, old, null);
        return tx.remove(a.path());
    }

    @Override
    public void emit(String topic, Object payload) {
        checkEmit();
        Objects.requireNonNull(topic, "topic");
        tx.emit(new Signal(topic, rules.freezer().freeze(payload, Path.of(Path.SIGNAL_ROOT), Zone.SIGNAL)));
    }

    @Override
    public void outbox(String topic, Object payload) {
        checkOutbox();
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        tx.outbox(new OutboxDraft(topic, rules.freezer().freeze(payload, OUTBOX_PATH, Zone.DATA)));
    }

    private Object freeze(Object value, PathAccess a) {
        return rules.freezer().freeze(value, a.path(), a.zone());
    }

    private void checkDescendants(A r, Object old, Object neu) {
        PathAccess a = accessOf(r);
        if (!(old instanceof Map<?, ?> || old instanceof List<?> || neu instanceof Map<?, ?>
                || neu instanceof List<?>)) {
            return;
        }
        if (rules.freezer().mayHaveProtectedKeys()) {
            ProtectedSubtrees.Violation v = ProtectedSubtrees.check(a.path(), a.zone(), old, neu, this::ceilingOf);
            if (v != null) {
                onProtectedViolation(r, v);
            }
        }
        if (boundByPolicies() && rules.hasPolicies()) {
            checkPolicies(r, old, neu);
        }
    }

    private void checkPolicies(A r, Object old, Object neu) {
        PathAccess a = accessOf(r);
        for (Path q : rules.policyPathsUnder(a.path())) {
            Object oq = descend(old, q, a.path().size());
            Object nq = descend(neu, q, a.path().size());
            if (oq == nq || (oq != null && oq.equals(nq))) {
                continue;
            }
            Capability needed = oq == null ? Capability.APPEND : nq == null ? Capability.DELETE : Capability.UPDATE;
            if ((rules.policyMask(q) & needed.bit()) == 0) {
                onProtectedViolation(r, new ProtectedSubtrees.Violation(q, Zone.of(q), needed));
            }
        }
    }

    private static Object descend(Object value, Path q, int from) {
        Object cur = value;
        for (int i = from; i < q.size() && cur != null; i++) {
            cur = Tree.child(cur, q.segment(i));
        }
        return cur;
    }
}
