package io.theus.flux.internal;

import io.theus.TheusEngine;
import io.theus.tx.internal.Version;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConditionLanguageTest {
    enum Mode { AUTO, MANUAL }

    private static TheusEngine engine;
    private static Version version;

    @BeforeAll
    static void state() {
        engine = TheusEngine.builder().namespaces("portfolio").immutableTypes(Mode.class).initialState(Map.of(
                "global", Map.of("x", 7, "max_steps", 10),
                "domain", Map.of("counter", 3, "name", "theus", "items", List.of(1, 2, 3),
                        "user", Map.of("age", 42, "tags", List.of("a", "b")), "price", new BigDecimal("9.50"),
                        "ratio", 0.25, "mode", Mode.AUTO, "internal_secret", "hidden", "flag", true),
                "portfolio", Map.of("cash", 100))).build();
        engine.edit(e -> {
            e.set("signal.cmd_stop", "True");
            e.emit("sold", Map.of("left", 2));
            e.set("domain.sig_low", true);
        });
        version = (Version) engine.state();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static Object eval(String text) {
        return ExpressionCompiler.compile(text, ExpressionParser.parse(text)).eval(version, null);
    }

    private static Condition condition(String text) {
        return Condition.compile(text, offset -> new SourcePos(1, offset + 1));
    }

    private static ExpressionSyntaxException syntaxError(String text) {
        return catchThrowableOfType(ExpressionSyntaxException.class, () -> ExpressionParser.parse(text));
    }

    private static Condition.ConditionFault fault(String text) {
        return catchThrowableOfType(Condition.ConditionFault.class, () -> condition(text).test(version, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            domain.counter == 3                          | true
            domain['counter'] == 3                       | true
            global['x'] == 7                             | true
            global.x > domain.counter                    | true
            domain.user.age >= 42 and domain.user.age < 43 | true
            domain['user']['tags'][1] == 'b'             | true
            domain.items[-1] == 3                        | true
            not domain.counter > 5                       | true
            domain.counter > 5 or domain.name == 'theus' | true
            1 < domain.counter < 5                       | true
            1 < domain.counter > 5                       | false
            'a' in domain.user.tags                      | true
            'z' not in domain.user.tags                  | true
            'user' in domain                             | true
            'internal_secret' in domain                  | false
            'he' in domain.name                          | true
            domain.counter + 2 * 3 == 9                  | true
            (domain.counter + 2) * 3 == 15               | true
            7 / 2 == 3.5                                 | true
            7 // 2 == 3 and -7 // 2 == -4                | true
            -7 % 3 == 2                                  | true
            2 ** 10 == 1024                              | true
            domain.price * 2 == 19                       | true
            domain.ratio == 0.25 and domain.ratio == 1/4 | true
            1 == 1.0                                     | true
            True == true and False == false              | true
            None is null and domain.counter is not None  | true
            domain.mode == 'AUTO'                        | true
            [1, 2] + [3] == domain.items                 | true
            len(domain.items) == 3 and len(domain.name) == 5 | true
            int('42') + int(2.9) == 44                   | true
            float('1.5') == 1.5                          | true
            str(True) == 'True' and str(None) == 'None'  | true
            str(domain.items) == '[1, 2, 3]'             | true
            bool(domain.items) and not bool([])          | true
            abs(-3) == 3                                 | true
            min(domain.items) == 1 and max(4, 9, 2) == 9 | true
            sum(domain.items) == 6 and sum([1.5], 1) == 2.5 | true
            signal.get('cmd_stop') == 'True'             | true
            cmd.get('cmd_stop') == 'True'                | true
            signal.get('cmd_go') != 'True'               | true
            signal.get('cmd_go', 'no') == 'no'           | true
            signal.cmd_stop == 'True'                    | true
            signal['sold']['left'] == 2                  | true
            signal.nothing is None                       | true
            'sold' in signal                             | true
            domain.sig_low == True                       | true
            domain.sig_missing is None                   | true
            portfolio.cash == 100                        | true
            domain.flag                                  | true
            ''                                           | false
            0.0                                          | false
            [0]                                          | true
            """)
    void expressionsFollowPythonSemantics(String text, boolean expected) {
        assertThat(condition(text).test(version, null)).isEqualTo(expected);
    }

    @Test
    void andAndOrReturnOperandsAsInPython() {
        assertThat(eval("0 or 'x'")).isEqualTo("x");
        assertThat(eval("domain.counter and domain.name")).isEqualTo("theus");
        assertThat(eval("[] and 1")).isEqualTo(List.of());
    }

    @Test
    void constantSubexpressionsAreFolded() {
        Eval folded = ExpressionCompiler.compile("1 + 2 * 3", ExpressionParser.parse("1 + 2 * 3"));
        assertThat(folded.eval(null, null)).isEqualTo(7L);
    }

    @Test
    void mapsHandedOutHidePrivateKeys() {
        @SuppressWarnings("unchecked")
        Map<String, Object> domain = (Map<String, Object>) eval("domain");
        assertThat(domain).doesNotContainKey("internal_secret").containsKey("counter");
        assertThat(eval("len(domain)")).isEqualTo((long) domain.size());
    }

    @Test
    void privateKeysReadAsMissing() {
        Condition.ConditionFault f = fault("domain.internal_secret == 'hidden'");
        assertThat(f.getMessage()).contains("no key 'internal_secret' in `domain`").doesNotContain("internal_secret,");
    }

    @Test
    void missingKeyNamesTheExpressionThePlaceAndTheKeysThatExist() {
        Condition.ConditionFault f = fault("domain.user.height > 180");
        assertThat(f.getMessage()).isEqualTo("condition `domain.user.height > 180` at `domain.user.height`: "
                + "no key 'height' in `domain.user` (keys: age, tags)");
        assertThat(f.at()).isEqualTo(new SourcePos(1, 1));
    }

    @Test
    void comparingAStringToANumberNamesBothValues() {
        Condition.ConditionFault f = fault("domain.counter >= 1 and domain.name > 3");
        assertThat(f.getMessage()).isEqualTo("condition `domain.counter >= 1 and domain.name > 3` at "
                + "`domain.name > 3`: cannot compare str 'theus' with int 3 using '>'");
        assertThat(f.at().column()).isEqualTo(25);
    }

    @Test
    void runtimeErrorsAreClear() {
        assertThat(fault("domain.counter / 0 > 1").getMessage()).contains("division by zero in '/'");
        assertThat(fault("domain.items[5] == 1").getMessage())
                .contains("list index 5 is out of range for a list of length 3");
        assertThat(fault("domain.name + 1 == 2").getMessage())
                .contains("unsupported operand types for '+': str 'theus' and int 1");
        assertThat(fault("domain.flag + 1 == 2").getMessage()).contains("bool True and int 1");
        assertThat(fault("len(domain.counter) == 1").getMessage()).contains("len() needs a str, list or dict, not int 3");
        assertThat(fault("int(domain.name) == 1").getMessage()).contains("int() cannot convert str 'theus'");
        assertThat(fault("domain.counter.size == 1").getMessage())
                .contains("cannot read 'size' of int 3: only dict, list and str values can be indexed");
        assertThat(fault("domain.mode.name == 'AUTO'").getMessage())
                .contains("cannot read 'name' of Mode 'AUTO'");
        assertThat(fault("9223372036854775807 + domain.counter > 0").getMessage()).contains("integer overflow");
        assertThat(fault("nothing.x == 1").getMessage()).contains("there is no 'nothing' in the state");
        assertThat(fault("signal.get(domain.counter)").getMessage()).contains("signal topics are strings, not int 3");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            domain.x = 1                   | 9  | '==' to compare
            domain.x && True               | 9  | 'and'
            !domain.x                      | 0  | 'not' or '!='
            domain.x.getClass()            | 17 | a call of len
            exec('x')                      | 4  | a call of len
            domain.__class__               | 7  | a key of the state
            __import__                     | 0  | domain, global
            {'a': 1}                       | 0  | dict literals
            domain.x ==                    | 11 | an operand
            (domain.x                      | 9  | ')'
            len                            | 0  | a call such as len(x)
            len(1, 2)                      | 0  | len with 1 argument
            domain.x[1                     | 10 | ']'
            'abc                           | 0  | a closing '
            1 2                            | 2  | an operator
            lambda: 1                      | 6  | a name, a number
            domain.x if True else 2        | 9  | an operator
            12abc                          | 2  | an operator or the end
            domain.                        | 7  | a key name
            signal.get()                   | 10 | signal.get('topic')
            """)
    void anythingOutsideTheGrammarIsASyntaxErrorAtItsOffset(String text, int offset, String expected) {
        ExpressionSyntaxException e = syntaxError(text);
        assertThat(e).isNotNull();
        assertThat(e.offset()).isEqualTo(offset);
        assertThat(e.expected()).contains(expected);
    }

    @Test
    void emptyLongAndDeepConditionsAreRefused() {
        assertThat(syntaxError("   ").problem()).isEqualTo("the condition is empty");
        assertThat(syntaxError("1 + ".repeat(2000) + "1").problem()).contains("characters long");
        assertThat(syntaxError("(".repeat(100) + "1" + ")".repeat(100)).problem()).contains("nests deeper than 64");
        assertThat(syntaxError("not ".repeat(100) + "1").problem()).contains("nests deeper than 64");
        assertThat(syntaxError("-".repeat(100) + "1").problem()).contains("nests deeper than 64");
    }

    @Test
    void rootsAreCollectedForBinding() {
        assertThat(condition("domain.a > global.b and foo.c and signal.get(bar.d)").roots())
                .extracting(Expr.Root::name).containsExactly("domain", "global", "foo", "bar");
    }

    @Test
    void tracingRecordsEveryStateReadWithItsValue() {
        Trace trace = new Trace("domain.counter < global.x and signal.get('cmd_stop') != 'True'");
        condition("domain.counter < global.x and signal.get('cmd_stop') != 'True'").test(version, trace);
        assertThat(trace.toString()).isEqualTo("domain.counter = 3, global.x = 7, signal.get('cmd_stop') = 'True'");
    }

    @Test
    void nanIsNeitherEqualNorOrdered() {
        assertThat(eval("float('nan') == float('nan')")).isEqualTo(false);
        assertThat(eval("float('nan') < 1 or float('nan') >= 1")).isEqualTo(false);
    }

    @Test
    void integerLiteralsBeyond64BitsAreRefused() {
        assertThatThrownBy(() -> ExpressionParser.parse("99999999999999999999 > 1"))
                .hasMessageContaining("does not fit in 64 bits");
    }
}
