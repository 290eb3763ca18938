package io.theus.contract;

import java.io.Serializable;

/**
 * A method reference to a {@link TheusProcess} method whose first parameter is the {@link ProcessContext}, so that
 * processes can be registered and executed by reference with compile-time checked arguments:
 *
 * {@snippet :
 * engine.register(Warehouse::addProduct);
 * String result = engine.execute(Warehouse::addProduct, "TV", 500);
 * }
 *
 * <p>The nested interfaces are the shapes by arity, returning a value ({@code Of}) or not ({@code Void}). They are
 * {@link Serializable} only so the engine can tell which method a reference names; nothing is ever serialised.
 * Lambdas are not accepted, only method references.
 */
public sealed interface ProcessRef extends Serializable {

    /**
     * No arguments, returns a value.
     *
     * @param <R> result type
     */
    @FunctionalInterface
    non-sealed interface Of0<R> extends ProcessRef {
        /**
         * Invokes the method.
         *
         * @param ctx context
         * @return result
         * @throws Exception any failure
         */
        R apply(ProcessContext ctx) throws Exception;
    }

    /**
     * One argument, returns a value.
     *
     * @param <A> first argument type
     * @param <R> result type
     */
    @FunctionalInterface
    non-sealed interface Of1<A, R> extends ProcessRef {
        /**
         * Invokes the method.
         *
         * @param ctx context
         * @param a first argument
         * @return result
         * @throws Exception any failure
         */
        R apply(ProcessContext ctx, A a) throws Exception;
    }

    /**
     * Two arguments, returns a value.
     *
     * @param <A> first argument type
     * @param <B> second argument type
     * @param <R> result type
     */
    @FunctionalInterface
    non-sealed interface Of2<A, B, R> extends ProcessRef {
        /**
         * Invokes the method.
         *
         * @param ctx context
         * @param a first argument
         * @param b second argument
         * @return result
         * @throws Exception any failure
         */
        R apply(ProcessContext ctx, A a, B b) throws Exception;
    }

    /**
     * Three arguments, returns a value.
     *
     * @param <A> first argument type
     * @param <B> second argument type
     * @param <C> third argument type
     * @param <R> result type
     */
    @FunctionalInterface
    non-sealed interface Of3<A, B, C, R> extends ProcessRef {
        /**
         * Invokes the method.
         *
         * @param ctx context
         * @param a first argument
         * @param b second argument
         * @param c third argument
         * @return result
         * @throws Exception any failure
         */
        R apply(ProcessContext ctx, A a, B b, C c) throws Exception;
    }

    /** No arguments, returns nothing. */
    @FunctionalInterface
    non-sealed interface Void0 extends ProcessRef {
        /**
         * Invokes the method.
         *
         * @param ctx context
         * @throws Exception any failure
         */
        void apply(ProcessContext ctx) throws Exception;
    }

    /**
     * One argument, returns nothing.
     *
     * @param <A> first argument type
     */
    @FunctionalInterface
    non-sealed interface Void1<A> extends ProcessRef {
        /**
         * Invokes the method.
         *
         * @param ctx context
         * @param a first argument
         * @throws Exception any failure
         */
        void apply(ProcessContext ctx, A a) throws Exception;
    }

    /**
     * Two arguments, returns nothing.
     *
     * @param <A> first argument type
     * @param <B> second argument type
     */
    @FunctionalInterface
    non-sealed interface Void2<A, B> extends ProcessRef {
        /**
         * Invokes the method.
         *
         * @param ctx context
         * @param a first argument
         * @param b second argument
         * @throws Exception any failure
         */
        void apply(ProcessContext ctx, A a, B b) throws Exception;
    }

    /**
     * Three arguments, returns nothing.
     *
     * @param <A> first argument type
     * @param <B> second argument type
     * @param <C> third argument type
     */
    @FunctionalInterface
    non-sealed interface Void3<A, B, C> extends ProcessRef {
        /**
         * Invokes the method.
         *
         * @param ctx context
         * @param a first argument
         * @param b second argument
         * @param c third argument
         * @throws Exception any failure
         */
        void apply(ProcessContext ctx, A a, B b, C c) throws Exception;
    }
}
