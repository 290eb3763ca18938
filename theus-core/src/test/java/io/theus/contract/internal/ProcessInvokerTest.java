package io.theus.contract.internal;

import io.theus.contract.ProcessContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How process methods are called: a spun direct caller when the shape allows, else a method handle. */
class ProcessInvokerTest {

    static int add(int a, long b) {
        return (int) (a + b);
    }

    private String greet(ProcessContext ctx, String name) {
        return (ctx == null ? "no context" : "context") + ", " + name + suffix;
    }

    private final String suffix = "!";

    static void nothing() {
    }

    static int five(int a, int b, int c, int d, int e) {
        return a + b + c + d + e;
    }

    static int fail() throws IOException {
        throw new IOException("disk");
    }

    private static Method method(String name) {
        for (Method m : ProcessInvokerTest.class.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void aStaticMethodWithPrimitivesGetsASpunCallerThatUnboxesAndBoxes() throws Throwable {
        ProcessInvoker invoker = ProcessInvoker.of(method("add"), null, -1);
        assertThat(invoker).isInstanceOf(ProcessInvoker.OfLambda.class);
        assertThat(invoker.invoke(null, new Object[] {2, 40L})).isEqualTo(42);
    }

    @Test
    void aPrivateInstanceMethodGetsASpunCallerBoundToItsReceiverWithTheContextInItsSlot() throws Throwable {
        ProcessInvoker invoker = ProcessInvoker.of(method("greet"), this, 0);
        assertThat(invoker).isInstanceOf(ProcessInvoker.OfLambda.class);
        assertThat(invoker.invoke(null, new Object[] {null, "Ada"})).isEqualTo("no context, Ada!");
    }

    @Test
    void voidMethodsAndMethodsWithMoreThanFourParametersUseAMethodHandle() throws Throwable {
        ProcessInvoker none = ProcessInvoker.of(method("nothing"), null, -1);
        ProcessInvoker many = ProcessInvoker.of(method("five"), null, -1);
        assertThat(none).isInstanceOf(ProcessInvoker.OfMethod.class);
        assertThat(none.invoke(null, new Object[0])).isNull();
        assertThat(many).isInstanceOf(ProcessInvoker.OfMethod.class);
        assertThat(many.invoke(null, new Object[] {1, 2, 3, 4, 5})).isEqualTo(15);
    }

    @Test
    void aSpunCallerPassesCheckedExceptionsThroughUnchanged() throws Exception {
        ProcessInvoker invoker = ProcessInvoker.of(method("fail"), null, -1);
        assertThat(invoker).isInstanceOf(ProcessInvoker.OfLambda.class);
        assertThatThrownBy(() -> invoker.invoke(null, new Object[0])).isInstanceOf(IOException.class)
                .hasMessage("disk");
    }
}
