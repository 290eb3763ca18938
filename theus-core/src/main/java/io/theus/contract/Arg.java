package io.theus.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a process parameter explicitly or makes it optional. Without it, a parameter is required and bound by its
 * compiled name ({@code -parameters}) or that name in snake_case ({@code productName} or {@code product_name}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Arg {
    /** {@return the argument name; empty means the parameter's compiled name} */
    String value() default "";

    /** {@return whether the argument may be omitted (it is then {@code null}); primitives cannot be optional} */
    boolean optional() default false;
}
