package io.theus.contract.internal;

import io.theus.ReturnMappingException;
import io.theus.contract.ReturnMapping;
import io.theus.contract.StateUpdate;
import io.theus.state.Path;
import io.theus.tx.internal.UpdateApplier;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Maps a process's return value onto its outputs (C4), through the guarded context so every write is checked.
 * See {@link ReturnMapping#AUTO} for the rules. Mapping happens after the body returned, so a mapped return value
 * wins over an in-place write to the same path.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReturnMapper {
    private ReturnMapper() {
    }

    /**
     * Maps a return value.
     *
     * @param def the process
     * @param ctx its context
     * @param result what the body returned
     */
    public static void apply(ProcessDefinition def, GuardedContext ctx, Object result) {
        if (result == null) {
            return;
        }
        if (result instanceof StateUpdate update) {
            UpdateApplier.apply(update, ctx, ctx.txState(), key -> outputFor(def, key));
            return;
        }
        if (def.returns() == ReturnMapping.RESULT) {
            return;
        }
        CompiledContract compiled = def.compiled();
        if (compiled.outputCount() == 1) {
            GuardedAccess output = def.singleOutput();
            if (output != null) {
                ctx.setOutput(output, result);
            } else {
                ctx.set(concrete(def, compiled.output(0)), result);
            }
        } else if (compiled.outputCount() > 1) {
            mapSeveral(def, ctx, result, compiled.outputs());
        }
    }

    private static void mapSeveral(ProcessDefinition def, GuardedContext ctx, Object result, Path[] outputs) {
        if (result instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new ReturnMappingException(def.name(), null, "process '" + def.name()
                            + "' returned a map with a non-string key " + e.getKey());
                }
                ctx.set(outputFor(def, key), e.getValue());
            }
            return;
        }
        List<?> positional = result instanceof List<?> l ? l
                : result instanceof Object[] arr ? Arrays.asList(arr) : null;
        if (positional != null && positional.size() == outputs.length) {
            for (int i = 0; i < outputs.length; i++) {
                ctx.set(concrete(def, outputs[i]), positional.get(i));
            }
        }
    }

    private static String concrete(ProcessDefinition def, Path output) {
        if (output.hasWildcard()) {
            throw new ReturnMappingException(def.name(), output.toString(), "process '" + def.name()
                    + "' returned a value for output pattern '" + output + "'; return a StateUpdate with concrete "
                    + "paths instead");
        }
        return output.toString();
    }

    /**
     * Resolves a returned key: an output path, the leaf name of exactly one output, or a dotted path.
     *
     * @param def the process
     * @param key the key
     * @return the path to write
     */
    static String outputFor(ProcessDefinition def, String key) {
        Path[] outputs = def.compiled().outputs();
        Path match = null;
        for (Path out : outputs) {
            if (out.toString().equals(key)) {
                return key;
            }
            if (out.last().equals(key)) {
                if (match != null) {
                    throw new ReturnMappingException(def.name(), key, "process '" + def.name() + "' returned key '"
                            + key + "', which is the leaf name of several outputs (" + match + ", " + out
                            + "); use the full path");
                }
                match = out;
            }
        }
        if (match != null) {
            return concrete(def, match);
        }
        if (key.indexOf('.') > 0 || key.indexOf('[') > 0) {
            return key;
        }
        throw new ReturnMappingException(def.name(), key, "process '" + def.name() + "' returned key '" + key
                + "', which is neither a path nor the leaf name of one of its outputs " + Arrays.toString(outputs));
    }
}
