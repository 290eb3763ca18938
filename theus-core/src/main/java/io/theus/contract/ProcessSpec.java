package io.theus.contract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A process defined in code rather than by annotation: a name, a contract, named parameters and a body.
 *
 * {@snippet :
 * ProcessSpec deposit = ProcessSpec.builder("deposit")
 *         .inputs("domain.accounts")
 *         .outputs("domain.accounts")
 *         .param("account", String.class)
 *         .param("amount", long.class)
 *         .body((ctx, args) -> {
 *             String path = "domain.accounts." + args.getString("account");
 *             ctx.update(path, Long.class, balance -> balance + args.getLong("amount"));
 *             return null;
 *         })
 *         .build();
 * }
 *
 * <p>Immutable and thread-safe once built.
 *
 * @param name the process name
 * @param contract the contract
 * @param params the named parameters, in order
 * @param returns how the body's return value is treated
 * @param body the body
 */
public record ProcessSpec(String name, Contract contract, List<Param> params, ReturnMapping returns,
                          ProcessBody body) {

    /**
     * Validates the components.
     *
     * @param name non-blank
     * @param contract the contract
     * @param params parameters with distinct names
     * @param returns return handling
     * @param body the body
     */
    public ProcessSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(body, "body");
        params = List.copyOf(params);
        if (name.isBlank()) {
            throw new IllegalArgumentException("process name must not be blank");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Param p : params) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("process '" + name + "' declares parameter '" + p.name()
                        + "' twice");
            }
        }
    }

    /**
     * Starts a definition.
     *
     * @param name the process name
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a {@link ProcessSpec}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<String> inputs = new ArrayList<>();
        private final List<String> outputs = new ArrayList<>();
        private final List<Class<? extends Throwable>> errors = new ArrayList<>();
        private final List<String> sideEffects = new ArrayList<>();
        private final List<Param> params = new ArrayList<>();
        private Semantic semantic = Semantic.EFFECT;
        private ReturnMapping returns = ReturnMapping.AUTO;
        private ProcessBody body;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Adds readable paths.
         *
         * @param paths paths or patterns
         * @return this builder
         */
        public Builder inputs(String... paths) {
            inputs.addAll(List.of(paths));
            return this;
        }

        /**
         * Adds writable paths.
         *
         * @param paths paths or patterns
         * @return this builder
         */
        public Builder outputs(String... paths) {
            outputs.addAll(List.of(paths));
            return this;
        }

        /**
         * Declares error types the body may raise.
         *
         * @param types exception types
         * @return this builder
         */
        @SafeVarargs
        public final Builder errors(Class<? extends Throwable>... types) {
            for (Class<? extends Throwable> type : types) {
                errors.add(Objects.requireNonNull(type, "error type"));
            }
            return this;
        }

        /**
         * Declares side effects.
         *
         * @param effects descriptions
         * @return this builder
         */
        public Builder sideEffects(String... effects) {
            sideEffects.addAll(List.of(effects));
            return this;
        }

        /**
         * Sets the kind of process.
         *
         * @param value the kind
         * @return this builder
         */
        public Builder semantic(Semantic value) {
            this.semantic = Objects.requireNonNull(value, "semantic");
            return this;
        }

        /**
         * Declares a required parameter.
         *
         * @param paramName the argument name
         * @param type its type
         * @return this builder
         */
        public Builder param(String paramName, Class<?> type) {
            params.add(new Param(paramName, type, false));
            return this;
        }

        /**
         * Declares an optional parameter.
         *
         * @param paramName the argument name
         * @param type its type (not primitive)
         * @return this builder
         */
        public Builder optionalParam(String paramName, Class<?> type) {
            params.add(new Param(paramName, type, true));
            return this;
        }

        /**
         * Sets how the return value is treated.
         *
         * @param value the mapping
         * @return this builder
         */
        public Builder returns(ReturnMapping value) {
            this.returns = Objects.requireNonNull(value, "returns");
            return this;
        }

        /**
         * Sets the body.
         *
         * @param value the body
         * @return this builder
         */
        public Builder body(ProcessBody value) {
            this.body = Objects.requireNonNull(value, "body");
            return this;
        }

        /**
         * Builds the definition.
         *
         * @return the spec
         * @throws IllegalStateException if no body was set
         */
        public ProcessSpec build() {
            if (body == null) {
                throw new IllegalStateException("process '" + name + "' has no body");
            }
            return new ProcessSpec(name, new Contract(inputs, outputs, errors, sideEffects, semantic), params,
                    returns, body);
        }
    }
}
