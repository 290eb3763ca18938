package io.theus.validation;

import io.theus.schema.RecordValidator;
import io.theus.validation.internal.JakartaRecordValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.util.Objects;

/**
 * Jakarta Bean Validation for the Type Shield: a {@link RecordValidator} that checks the constraints declared on
 * record components ({@code @NotBlank}, {@code @Min}, {@code @Valid} for nested records, class-level constraints...)
 * whenever a commit writes a record, at any depth of the value it writes.
 *
 * {@snippet :
 * Schema schema = Schema.builder()
 *         .recordValidator(BeanValidation.recordValidator())
 *         .build();
 * TheusEngine engine = TheusEngine.builder().schema(schema).build();
 * }
 *
 * <p>The default validator is Hibernate Validator with a {@link ParameterMessageInterpolator}, so no Jakarta
 * Expression Language implementation is needed on the classpath: messages resolve {@code {min}}-style parameters but
 * not {@code ${...}} expressions. Pass your own {@link Validator} to change that.
 *
 * <p>Thread-safe: the validators it returns may be used from any number of threads.
 */
public final class BeanValidation {
    private BeanValidation() {
    }

    /** Created on first use; closed by the JVM. */
    private static final class Default {
        static final ValidatorFactory FACTORY = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    }

    /** {@return a record validator backed by a shared Hibernate Validator without Expression Language} */
    public static RecordValidator recordValidator() {
        return recordValidator(Default.FACTORY.getValidator());
    }

    /**
     * Returns a record validator backed by a given Jakarta validator.
     *
     * @param validator a thread-safe validator (as every {@code ValidatorFactory.getValidator()} is)
     * @return the record validator
     */
    public static RecordValidator recordValidator(Validator validator) {
        return new JakartaRecordValidator(Objects.requireNonNull(validator, "validator"));
    }
}
