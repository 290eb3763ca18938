package io.theus.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a method as a Theus process with its contract. The method may be static or an instance method of a class
 * with a no-argument constructor (for {@code scanAndRegister}) or of an object passed to {@code register}. One
 * parameter may be a {@link ProcessContext}; every other parameter is bound by name from the call's arguments
 * (compile with {@code -parameters}, or name them with {@link Arg}).
 *
 * {@snippet :
 * @TheusProcess(name = "add_product",
 *         inputs = {"domain.items", "domain.total_value"},
 *         outputs = {"domain.items", "domain.total_value"})
 * public static String addProduct(ProcessContext ctx, String productName, int price) {
 *     ctx.append("domain.items", Map.of("name", productName, "price", price));
 *     ctx.update("domain.total_value", Integer.class, total -> total + price);
 *     return "Added";
 * }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TheusProcess {
    /** {@return the process name; defaults to the method name} */
    String name() default "";

    /** {@return paths the process may read; a path grants its whole subtree and {@code *} matches one segment} */
    String[] inputs() default {};

    /** {@return paths the process may write (writing implies reading)} */
    String[] outputs() default {};

    /** {@return exception types the process may raise} */
    Class<? extends Throwable>[] errors() default {};

    /** {@return side effects outside the state, for documentation and linting} */
    String[] sideEffects() default {};

    /** {@return the kind of process} */
    Semantic semantic() default Semantic.EFFECT;

    /** {@return how the return value is treated} */
    ReturnMapping returns() default ReturnMapping.AUTO;
}
