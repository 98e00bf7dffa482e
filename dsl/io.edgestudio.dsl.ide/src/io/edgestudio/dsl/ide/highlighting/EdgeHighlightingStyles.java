package io.edgestudio.dsl.ide.highlighting;

import org.eclipse.lsp4j.SemanticTokenModifiers;
import org.eclipse.lsp4j.SemanticTokenTypes;
import org.eclipse.xtext.ide.editor.syntaxcoloring.HighlightingStyles;

/**
 * Styles of .edge semantic highlighting: LSP token types, which Xtext's semantic tokens legend
 * contains, so the editor's plain {@code ServerModule} returns them; an Xtext style id follows as a
 * fallback for clients that map Xtext styles.
 */
public interface EdgeHighlightingStyles {

	/** Modules. */
	String[] MODULE = { SemanticTokenTypes.Class, HighlightingStyles.DEFAULT_ID };
	/** Inputs and outputs. */
	String[] PORT = { SemanticTokenTypes.Property, HighlightingStyles.DEFAULT_ID };
	/** Message and enum types. */
	String[] MESSAGE_TYPE = { SemanticTokenTypes.Type, HighlightingStyles.DEFAULT_ID };
	/** Twin schemas. */
	String[] TWIN = { SemanticTokenTypes.Interface, HighlightingStyles.DEFAULT_ID };
	/** Routes. */
	String[] ROUTE = { SemanticTokenTypes.Function, HighlightingStyles.DEFAULT_ID };
	/** Durations (ttl). */
	String[] DURATION = { HighlightingStyles.NUMBER_ID };
	/** {@code where} conditions: an embedded query language. */
	String[] CONDITION = { SemanticTokenTypes.Regexp, HighlightingStyles.DEFAULT_ID };

	/** Added to the styles of a name where it is declared. */
	String DECLARATION = SemanticTokenModifiers.Declaration;
}
