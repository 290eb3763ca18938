package io.theus.contract.internal;

import io.theus.ContractDefinitionException;
import io.theus.InvalidPathException;
import io.theus.contract.Contract;
import io.theus.contract.Semantic;
import io.theus.state.Capability;
import io.theus.state.Path;
import io.theus.state.Zone;
import io.theus.state.internal.StateRules;

import java.util.ArrayList;
import java.util.List;

/**
 * A contract validated against the engine's rules and compiled for lookups: parsed input and output patterns and the
 * capabilities they grant on any concrete path (inputs grant READ, outputs grant everything).
 *
 * <p>Immutable and thread-safe.
 */
public final class CompiledContract {
    private final Path[] inputs;
    private final Path[] outputs;
    private final Path[] readable;

    private CompiledContract(Path[] inputs, Path[] outputs) {
        this.inputs = inputs;
        this.outputs = outputs;
        List<Path> all = new ArrayList<>(List.of(inputs));
        all.addAll(List.of(outputs));
        this.readable = all.toArray(Path[]::new);
    }

    /**
     * Validates and compiles a contract (C2).
     *
     * @param process the process name, for messages
     * @param contract the contract
     * @param rules the engine's state rules
     * @param strictGuards whether strict guards are on
     * @return the compiled contract
     * @throws ContractDefinitionException naming the process and the path on any problem
     */
    public static CompiledContract compile(String process, Contract contract, StateRules rules, boolean strictGuards) {
        Path[] inputs = parse(process, contract.inputs(), rules, "input");
        Path[] outputs = parse(process, contract.outputs(), rules, "output");
        boolean pure = contract.semantic() == Semantic.PURE;
        if (pure && outputs.length > 0) {
            throw new ContractDefinitionException(process, outputs[0].toString(), "process '" + process
                    + "' is PURE but declares output '" + outputs[0] + "'; PURE processes cannot write");
        }
        for (Path in : inputs) {
            Zone zone = Zone.of(in);
            if ((pure || strictGuards) && (zone == Zone.SIGNAL || zone == Zone.META)) {
                throw new ContractDefinitionException(process, in.toString(), "process '" + process
                        + "' declares input '" + in + "' in the " + zone + " zone, which "
                        + (pure ? "a PURE process" : "a process under strict guards") + " may not read");
            }
        }
        for (Path out : outputs) {
            if (Zone.of(out) == Zone.CONSTANT) {
                throw new ContractDefinitionException(process, out.toString(), "process '" + process
                        + "' declares output '" + out + "' in the CONSTANT zone, which is read only");
            }
        }
        return new CompiledContract(inputs, outputs);
    }

    private static Path[] parse(String process, List<String> texts, StateRules rules, String kind) {
        Path[] result = new Path[texts.size()];
        for (int i = 0; i < result.length; i++) {
            String text = texts.get(i);
            try {
                Path p = Path.of(text);
                if (p.root().equals(Path.LOCAL_ROOT)) {
                    throw new InvalidPathException(text, "'local' is per-call scratch and needs no declaration");
                }
                rules.checkRoot(p);
                result[i] = p;
            } catch (InvalidPathException e) {
                throw new ContractDefinitionException(process, text, "process '" + process + "' has a malformed "
                        + kind + " path '" + text + "': " + e.getMessage());
            }
        }
        return result;
    }

    /**
     * Computes what the contract grants on a concrete path.
     *
     * @param path the path
     * @return capability bits
     */
    public int grants(Path path) {
        for (Path out : outputs) {
            if (out.covers(path)) {
                return Capability.ALL;
            }
        }
        for (Path in : inputs) {
            if (in.covers(path)) {
                return Capability.READ.bit();
            }
        }
        return 0;
    }

    /** {@return the output patterns} */
    public Path[] outputs() {
        return outputs.clone();
    }

    /** {@return the number of output patterns} */
    public int outputCount() {
        return outputs.length;
    }

    /**
     * Returns one output pattern without copying the array.
     *
     * @param index 0-based
     * @return the pattern
     */
    public Path output(int index) {
        return outputs[index];
    }

    /** {@return the input and output patterns: everything the process may read} */
    public Path[] readable() {
        return readable.clone();
    }
}
