package io.edgestudio.routes.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code as_number} parses like .NET's {@code double.TryParse(s, NumberStyles.Any, InvariantCulture)}. */
class DotNetNumbersTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
        "3|3", "' 42 '|42", "-1.5|-1.5", "+7|7", "7-|-7", "(12)|-12", "1,000|1000", "1,0,00.5|1000.5",
        ".5|0.5", "5.|5", "1e3|1000", "1.5E-2|0.015", "¤5|5", "10e1000|Infinity", "Infinity|Infinity",
        "-infinity|-Infinity",
    })
    void parses(String text, double expected) {
        assertThat(DotNetNumbers.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", ",1", "1e", "0x10", "--1", "(1", "1)", "1 2", "NaN", "1.2.3", "e5"})
    void rejects(String text) {
        assertThat(DotNetNumbers.parse(text)).isNaN();
    }
}
