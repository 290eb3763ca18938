package io.theus.flux.internal;

import io.theus.flux.StepLocation;
import io.theus.flux.Workflow;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A workflow loaded and validated from YAML: its steps as a syntax tree with compiled conditions. It does not know
 * any engine; {@link WorkflowBinding} checks it against one before a run.
 *
 * <p>Immutable and thread-safe.
 */
public final class LoadedWorkflow implements Workflow {
    private final String source;
    private final String name;
    private final String description;
    private final long maxOps;
    private final List<Step> steps;
    private final List<StepLocation> locations;
    private final Set<String> processes;
    private final String[] descriptions;
    private volatile WorkflowBinding binding;

    LoadedWorkflow(String source, String name, String description, long maxOps, List<Step> steps,
                   List<StepLocation> locations, Set<String> processes) {
        this.source = source;
        this.name = name;
        this.description = description;
        this.maxOps = maxOps;
        this.steps = List.copyOf(steps);
        this.locations = List.copyOf(locations);
        this.processes = Set.copyOf(processes);
        this.descriptions = this.locations.stream().map(StepLocation::toString).toArray(String[]::new);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public Set<String> processes() {
        return processes;
    }

    @Override
    public List<StepLocation> steps() {
        return locations;
    }

    /** {@return the document's {@code max_ops}, or 0 when it sets none} */
    long maxOps() {
        return maxOps;
    }

    /** {@return the top-level block} */
    List<Step> block() {
        return steps;
    }

    /**
     * Describes a step for histories and logs, e.g. {@code process 'increment' (flow.yaml:3:5)}; computed once.
     *
     * @param id the step id
     * @return the description
     */
    String describe(int id) {
        return descriptions[id];
    }

    /** {@return the binding made for the last engine this workflow ran on, or {@code null}} */
    WorkflowBinding lastBinding() {
        return binding;
    }

    void lastBinding(WorkflowBinding value) {
        this.binding = value;
    }

    /** {@return how many steps the document has} */
    int stepCount() {
        return locations.size();
    }

    @Override
    public String toString() {
        return "Workflow[" + name + " from " + source + ", " + locations.size() + " steps]";
    }
}
