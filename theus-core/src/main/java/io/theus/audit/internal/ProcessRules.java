package io.theus.audit.internal;

import io.theus.ContractDefinitionException;
import io.theus.audit.AuditRule;
import io.theus.audit.ProcessRecipe;
import io.theus.contract.Contract;
import io.theus.contract.Param;
import io.theus.contract.internal.ArgumentBinder;
import io.theus.state.Path;
import io.theus.state.Zone;
import io.theus.tx.Invocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit rules of one process, bound to what they check.
 *
 * <p>Field lookup (fixed here, documented in {@code docs/guide/audit.md}):
 * <ul>
 *   <li>an input field without a dot names a call argument, by parameter name or its snake_case form
 *       ({@code product_name} or {@code productName}); an omitted optional argument is not checked;</li>
 *   <li>an input field with dots is a path the contract may read, checked in the attempt's snapshot;</li>
 *   <li>an output field with dots is a path (wildcards allowed) under a declared output; an output field without a
 *       dot is the leaf name of exactly one declared output ({@code total_value} for {@code domain.total_value});
 *       the rule checks the values the commit writes there and skips paths the commit does not touch.</li>
 * </ul>
 * A rule whose field does not fit the process is refused when the process is registered.
 *
 * <p>Immutable and thread-safe.
 */
final class ProcessRules {
    static final ProcessRules NONE = new ProcessRules(List.of(), List.of());

    /** A bound input rule: exactly one of {@code argument} and {@code path} is set. */
    record InputRule(RuleCheck check, String key, String argument, Path path) {
        Object value(Invocation inv) {
            if (path != null) {
                return inv.snapshot().get(path.toString());
            }
            Map<String, Object> args = inv.args();
            Object v = args.get(argument);
            if (v == null) {
                for (Map.Entry<String, Object> e : args.entrySet()) {
                    if (ArgumentBinder.snakeCase(e.getKey()).equals(argument)) {
                        return e.getValue();
                    }
                }
            }
            return v;
        }

        String target() {
            return path != null ? "input '" + path + "'" : "argument '" + argument + "'";
        }
    }

    /** A bound output rule on a path pattern. */
    record OutputRule(RuleCheck check, String key, Path pattern) {
    }

    private final List<InputRule> inputs;
    private final List<OutputRule> outputs;

    private ProcessRules(List<InputRule> inputs, List<OutputRule> outputs) {
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
    }

    List<InputRule> inputs() {
        return inputs;
    }

    List<OutputRule> outputs() {
        return outputs;
    }

    boolean isEmpty() {
        return inputs.isEmpty() && outputs.isEmpty();
    }

    /**
     * Binds a process's rules to its contract.
     *
     * @param process the process name
     * @param recipe its rules
     * @param contract its contract
     * @param params its parameters, to check argument names; {@code null} to trust that they were checked at
     *               registration
     * @return the bound rules
     * @throws ContractDefinitionException if a field does not fit the process
     */
    static ProcessRules bind(String process, ProcessRecipe recipe, Contract contract, List<Param> params) {
        List<InputRule> in = new ArrayList<>();
        for (AuditRule r : recipe.inputs()) {
            Path p = Path.of(r.field());
            String key = process + ":input:" + r.field();
            if (p.size() == 1) {
                checkArgument(process, r, params);
                in.add(new InputRule(new RuleCheck(r), key, r.field(), null));
            } else {
                checkReadable(process, r, p, contract);
                in.add(new InputRule(new RuleCheck(r), key, null, p));
            }
        }
        List<OutputRule> out = new ArrayList<>();
        for (AuditRule r : recipe.outputs()) {
            out.add(new OutputRule(new RuleCheck(r), process + ":output:" + r.field(), outputPath(process, r,
                    contract)));
        }
        return new ProcessRules(in, out);
    }

    private static void checkArgument(String process, AuditRule r, List<Param> params) {
        if (params == null) {
            return;
        }
        for (Param p : params) {
            if (p.name().equals(r.field()) || ArgumentBinder.snakeCase(p.name()).equals(r.field())) {
                return;
            }
        }
        List<String> names = params.stream().map(p -> ArgumentBinder.snakeCase(p.name())).toList();
        throw refused(process, r, "names no parameter of the process (parameters: " + names
                + "); to check state, use a path the process reads, such as domain.x");
    }

    private static void checkReadable(String process, AuditRule r, Path p, Contract contract) {
        if (p.hasWildcard()) {
            throw refused(process, r, "is a pattern; input rules check one path");
        }
        for (String declared : concat(contract.inputs(), contract.outputs())) {
            if (Path.of(declared).covers(p)) {
                return;
            }
        }
        throw refused(process, r, "is not a path the process may read (inputs " + contract.inputs() + ", outputs "
                + contract.outputs() + ")");
    }

    private static Path outputPath(String process, AuditRule r, Contract contract) {
        Path p = Path.of(r.field());
        Path resolved = null;
        if (p.size() == 1) {
            List<String> matches = contract.outputs().stream()
                    .filter(o -> Path.of(o).last().equals(r.field())).toList();
            if (matches.size() != 1) {
                throw refused(process, r, (matches.isEmpty() ? "is the leaf name of no declared output"
                        : "is the leaf name of several declared outputs " + matches)
                        + " (outputs " + contract.outputs() + "); write the full path");
            }
            resolved = Path.of(matches.get(0));
        } else {
            for (String declared : contract.outputs()) {
                if (Path.of(declared).covers(p)) {
                    resolved = p;
                }
            }
            if (resolved == null) {
                throw refused(process, r, "is not under a declared output (outputs " + contract.outputs() + ")");
            }
        }
        if (Zone.of(resolved) == Zone.SIGNAL) {
            throw refused(process, r, "is a SIGNAL path; signals are not state and cannot be audited as outputs");
        }
        return resolved;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static ContractDefinitionException refused(String process, AuditRule r, String why) {
        return new ContractDefinitionException(process, r.field(), "audit rule at " + r.origin() + ": field '"
                + r.field() + "' of process '" + process + "' " + why);
    }
}
