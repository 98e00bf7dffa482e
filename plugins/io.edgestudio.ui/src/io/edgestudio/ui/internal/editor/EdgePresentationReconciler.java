package io.edgestudio.ui.internal.editor;

import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.NumberRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.swt.SWT;
import org.eclipse.jface.resource.ColorRegistry;
import org.eclipse.ui.PlatformUI;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;

import io.edgestudio.ui.EdgeUi;

/**
 * Lexical colouring of {@code .edge} files: the language's keywords (read from its grammar, so they never
 * drift from the parser), strings, numbers and durations, comments and the {@code $upstream}-style names.
 */
public final class EdgePresentationReconciler extends PresentationReconciler {

    public EdgePresentationReconciler() {
        RuleBasedScanner scanner = new RuleBasedScanner();
        scanner.setRules(rules(keywords()));
        DefaultDamagerRepairer repairer = new DefaultDamagerRepairer(scanner);
        setDamager(repairer, IDocument.DEFAULT_CONTENT_TYPE);
        setRepairer(repairer, IDocument.DEFAULT_CONTENT_TYPE);
    }

    private static Set<String> keywords() {
        IGrammarAccess grammar = EdgeUi.languageServer().language().getInstance(IGrammarAccess.class);
        Set<String> words = new TreeSet<>();
        for (String keyword : GrammarUtil.getAllKeywords(grammar.getGrammar())) {
            if (keyword.chars().allMatch(c -> Character.isLetter(c) || c == '$' || c == '-')) {
                words.add(keyword);
            }
        }
        return words;
    }

    private static IRule[] rules(Set<String> keywords) {
        IToken keyword = token("keyword", SWT.BOLD);
        IToken string = token("string", SWT.NORMAL);
        IToken comment = token("comment", SWT.NORMAL);
        IToken number = token("number", SWT.NORMAL);
        WordRule words = new WordRule(new EdgeWordDetector(), Token.UNDEFINED);
        keywords.forEach(word -> words.addWord(word, keyword));
        return new IRule[] {
            new MultiLineRule("/*", "*/", comment),
            new EndOfLineRule("//", comment),
            new SingleLineRule("\"", "\"", string, '\\'),
            new SingleLineRule("'", "'", string, '\\'),
            words,
            new NumberRule(number),
        };
    }

    /** A colour from the current theme (declared in plugin.xml, so users and the dark theme can change it). */
    private static IToken token(String name, int style) {
        ColorRegistry colors = PlatformUI.getWorkbench().getThemeManager().getCurrentTheme().getColorRegistry();
        return new Token(new TextAttribute(colors.get(EdgeUi.PLUGIN_ID + ".syntax." + name), null, style));
    }

    /** Identifiers, plus {@code $} for {@code $upstream} and {@code -} for {@code on-failure}. */
    private static final class EdgeWordDetector implements IWordDetector {
        @Override
        public boolean isWordStart(char c) {
            return Character.isLetter(c) || c == '$' || c == '_';
        }

        @Override
        public boolean isWordPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '-';
        }
    }
}
