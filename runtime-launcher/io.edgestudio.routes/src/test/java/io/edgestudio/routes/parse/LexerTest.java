package io.edgestudio.routes.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Longest match wins, ties go to the earlier rule: the details that decide what a condition means. */
class LexerTest {

    private static List<TokenType> types(String text) {
        return Lexer.tokenize(text).stream().map(Token::type).toList();
    }

    private static List<String> texts(String text) {
        return Lexer.tokenize(text).stream().map(Token::text).filter(t -> !t.isEmpty()).toList();
    }

    @Test
    void minusInsideAWordIsPartOfAnIdentifier() {
        assertThat(types("3-4")).containsExactly(TokenType.ID, TokenType.EOF);
        assertThat(types("3 - 4")).containsExactly(TokenType.INTEGER, TokenType.MINUS, TokenType.INTEGER, TokenType.EOF);
        assertThat(types("-4")).containsExactly(TokenType.INTEGER, TokenType.EOF);
        assertThat(types("-1.5e3")).containsExactly(TokenType.REAL, TokenType.EOF);
    }

    @Test
    void keywordsAreCaseInsensitiveButLiteralsAreNot() {
        assertThat(types("AnD oR nOt")).containsExactly(TokenType.AND, TokenType.OR, TokenType.NOT, TokenType.EOF);
        assertThat(types("TRUE true")).containsExactly(TokenType.ID, TokenType.TRUE, TokenType.EOF);
        assertThat(types("android")).containsExactly(TokenType.ID, TokenType.EOF);
    }

    @Test
    void slashStarOpensACommentOnlyWhenClosedLater() {
        assertThat(types("/* x */ true")).containsExactly(TokenType.TRUE, TokenType.EOF);
        assertThat(types("/* INTO")).containsExactly(TokenType.DIV, TokenType.MUL, TokenType.INTO, TokenType.EOF);
    }

    @Test
    void propertiesAndStrings() {
        assertThat(texts("$body.a[0]= 'x'")).containsExactly("$body.a[0]", "=", "'x'");
        assertThat(types("'it\\'s' \"\\u00FC\"")).containsExactly(TokenType.STRING, TokenType.STRING, TokenType.EOF);
        assertThat(types("'open")).containsExactly(TokenType.UNTERMINATED_STRING, TokenType.EOF);
        assertThat(types("a!=b")).containsExactly(TokenType.ID, TokenType.EQ, TokenType.ID, TokenType.EOF);
        assertThat(types("a;")).containsExactly(TokenType.ID, TokenType.UNKNOWN_CHAR, TokenType.EOF);
    }

    @Test
    void stringValuesUnescapeLikeEdgeHub() {
        assertThat(StringLiterals.value("'he said \\\"hi\\\"'")).isEqualTo("he said \"hi\"");
        assertThat(StringLiterals.value("'Tsch\\u00FCss'")).isEqualTo("Tschüss");
    }
}
