package io.edgestudio.routes.parse;

import java.util.List;

/**
 * Syntax tree of a condition, before any type checking. Every node knows the span of text it was parsed from
 * so that the compile step can report errors at the right place.
 */
public sealed interface Node {

    /** 0-based offset of the node's first character. */
    int offset();

    /** Number of characters from the first to the last token of the node. */
    int length();

    /** The empty condition (only whitespace or comments); it evaluates to undefined. */
    record Empty(int offset) implements Node {
        @Override
        public int length() {
            return 0;
        }
    }

    /** A literal: string, number, {@code true}, {@code false}, {@code null} or {@code undefined}. */
    record Literal(Token token) implements Node {
        @Override
        public int offset() {
            return token.offset();
        }

        @Override
        public int length() {
            return token.length();
        }
    }

    /** A bare identifier: an application property. */
    record Property(Token token) implements Node {
        @Override
        public int offset() {
            return token.offset();
        }

        @Override
        public int length() {
            return token.length();
        }
    }

    /**
     * {@code $name} or, when {@code escaped}, {@code {$name}}: a system property, an application property or a
     * body query. {@code token} is the {@code $name} token; offset and length cover the braces too.
     */
    record SystemProperty(Token token, boolean escaped, int offset, int length) implements Node {
    }

    /**
     * A function call. {@code rawArguments} is the argument list's token texts joined without whitespace, which
     * is what edgeHub hands to functions that take a path rather than values.
     */
    record Call(Token name, List<Node> arguments, String rawArguments, int offset, int length) implements Node {
    }

    /** {@code -x} or {@code NOT x}. */
    record Unary(Token operator, Node operand, int offset, int length) implements Node {
    }

    /** A binary operator application. */
    record Binary(Token operator, Node left, Node right) implements Node {
        @Override
        public int offset() {
            return left.offset();
        }

        @Override
        public int length() {
            return right.offset() + right.length() - left.offset();
        }
    }
}
