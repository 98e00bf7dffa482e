package io.edgestudio.ui.internal.editor;

import org.eclipse.jface.text.source.DefaultCharacterPairMatcher;

/** Highlights the bracket matching the one at the caret: blocks, JSON arrays, value lists. */
public final class EdgeBracketMatcher extends DefaultCharacterPairMatcher {

    public EdgeBracketMatcher() {
        super(new char[] { '{', '}', '[', ']', '(', ')' });
    }
}
