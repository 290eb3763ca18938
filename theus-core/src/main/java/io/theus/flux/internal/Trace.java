package io.theus.flux.internal;

/**
 * The values a condition read while it was evaluated, for debug tracing: {@code domain.counter = 3, ...}.
 *
 * <p>Not thread-safe; one per evaluation.
 */
final class Trace {
    private final String text;
    private final StringBuilder values = new StringBuilder();

    Trace(String text) {
        this.text = text;
    }

    void record(int start, int end, Object value) {
        if (!values.isEmpty()) {
            values.append(", ");
        }
        values.append(text, start, end).append(" = ").append(Values.repr(value));
    }

    @Override
    public String toString() {
        return values.isEmpty() ? "no state read" : values.toString();
    }
}
