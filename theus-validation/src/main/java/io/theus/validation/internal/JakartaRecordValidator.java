package io.theus.validation.internal;

import io.theus.schema.RecordValidator;
import io.theus.schema.SchemaViolation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Adapts a Jakarta {@link Validator} to the schema gate: each constraint violation becomes a {@link SchemaViolation}
 * whose path is the record's state path followed by the property path in dotted form ({@code domain.user.address.zip},
 * {@code domain.user.tags.0}), whose value
 * is the invalid value and whose rule is the constraint annotation with its message
 * ({@code @Min: must be greater than or equal to 0}). Violations are sorted by path, then rule, so messages are
 * stable.
 *
 * <p>Thread-safe (Jakarta validators are).
 */
public final class JakartaRecordValidator implements RecordValidator {
    private static final Comparator<SchemaViolation> ORDER = Comparator.comparing(SchemaViolation::path)
            .thenComparing(SchemaViolation::rule);

    private final Validator validator;

    /**
     * Wraps a validator.
     *
     * @param validator a thread-safe Jakarta validator
     */
    public JakartaRecordValidator(Validator validator) {
        this.validator = validator;
    }

    @Override
    public List<SchemaViolation> validate(String path, Record value) {
        Set<ConstraintViolation<Record>> found = validator.validate(value);
        if (found.isEmpty()) {
            return List.of();
        }
        List<SchemaViolation> out = new ArrayList<>(found.size());
        for (ConstraintViolation<Record> v : found) {
            String property = dotted(v.getPropertyPath().toString());
            String annotation = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            out.add(new SchemaViolation(property.isEmpty() ? path : path + "." + property, v.getInvalidValue(),
                    "@" + annotation + ": " + v.getMessage()));
        }
        out.sort(ORDER);
        return out;
    }

    /**
     * Turns a Jakarta property path into state-path form: {@code items[0].name} becomes {@code items.0.name},
     * container element nodes ({@code <list element>}) are dropped.
     */
    private static String dotted(String property) {
        String p = property.replaceAll("\\.?<[^>]*>", "").replaceAll("\\[([^\\]]*)]", ".$1");
        return p.startsWith(".") ? p.substring(1) : p;
    }
}
