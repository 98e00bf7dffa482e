package io.edgestudio.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.resource.ColorRegistry;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.lsp4j.SemanticTokenModifiers;
import org.eclipse.lsp4j.SemanticTokenTypes;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.ui.PlatformUI;

import io.edgestudio.ui.EdgeUi;
import io.edgestudio.ui.internal.lsp.EdgeLanguageServer;
import io.edgestudio.ui.internal.lsp.Positions;
import io.edgestudio.ui.internal.lsp.Uris;

/**
 * Semantic colouring of {@code .edge} files: after each pause in typing the language server's semantic tokens
 * (modules, ports, message types, twins, routes, conditions and durations; declarations in bold) are laid
 * over the lexical colouring of {@link EdgePresentationReconciler} as a text presentation listener. Until
 * the next tokens arrive, an edit shifts the current ones and drops those it touched.
 */
public final class EdgeSemanticHighlighting implements IReconciler, ITextPresentationListener {

    private static final long DEBOUNCE_MILLIS = 300;

    /** Colour (theme colour id suffix) per LSP token type the .edge calculator produces. */
    private static final Map<String, String> COLOURS = Map.of(
            SemanticTokenTypes.Class, "module",
            SemanticTokenTypes.Property, "port",
            SemanticTokenTypes.Type, "type",
            SemanticTokenTypes.Interface, "twin",
            SemanticTokenTypes.Function, "route",
            SemanticTokenTypes.Regexp, "condition",
            SemanticTokenTypes.Number, "number");

    private ITextViewer viewer;
    /** The ranges laid over the presentation, in document offsets; only touched on the UI thread. */
    private List<StyleRange> ranges = List.of();

    private final DebouncedDocumentJob job = new DebouncedDocumentJob("Colouring .edge file", DEBOUNCE_MILLIS,
            new DebouncedDocumentJob.Work() {
                @Override
                public void run(IDocument document, IFile file) {
                    highlight(document, file);
                }

                @Override
                public void aboutToChange(DocumentEvent event) {
                    ranges = shifted(ranges, event.getOffset(), event.getLength(),
                            event.getText() == null ? 0 : event.getText().length());
                }

                @Override
                public void disconnected(IFile file) {
                    ranges = List.of();
                }
            });

    @Override
    public void install(ITextViewer textViewer) {
        if (!(textViewer instanceof ITextViewerExtension4 extension)) {
            return;
        }
        viewer = textViewer;
        extension.addTextPresentationListener(this);
        job.install(textViewer);
    }

    @Override
    public void uninstall() {
        if (viewer != null) {
            ((ITextViewerExtension4) viewer).removeTextPresentationListener(this);
        }
        job.uninstall();
        viewer = null;
    }

    @Override
    public IReconcilingStrategy getReconcilingStrategy(String contentType) {
        return null;
    }

    @Override
    public void applyTextPresentation(TextPresentation presentation) {
        IRegion extent = presentation.getExtent();
        int start = extent.getOffset();
        int end = start + extent.getLength();
        List<StyleRange> inside = new ArrayList<>();
        for (StyleRange range : ranges) {
            int from = Math.max(start, range.start);
            int to = Math.min(end, range.start + range.length);
            if (from < to) {
                StyleRange clipped = (StyleRange) range.clone();
                clipped.start = from;
                clipped.length = to - from;
                inside.add(clipped);
            }
        }
        if (!inside.isEmpty()) {
            presentation.mergeStyleRanges(inside.toArray(StyleRange[]::new));
        }
    }

    /** Asks the server for the tokens of the document's current text and shows them if the text is still that. */
    private void highlight(IDocument current, IFile currentFile) {
        EdgeLanguageServer server = EdgeUi.languageServer();
        String text = server.documents().sync(currentFile, current);
        SemanticTokensParams params = new SemanticTokensParams(new TextDocumentIdentifier(Uris.toLsp(currentFile)));
        SemanticTokens tokens = server.await(() -> server.services().semanticTokensFull(params));
        if (tokens == null || tokens.getData() == null) {
            return;
        }
        StyledText widget = viewer == null ? null : viewer.getTextWidget();
        if (widget == null || widget.isDisposed()) {
            return;
        }
        widget.getDisplay().asyncExec(() -> {
            if (viewer == null || job.document() != current || !text.equals(current.get())) {
                return; // stale: the next run brings the tokens of the new text
            }
            ranges = decode(tokens.getData(), new Positions(text), server.semanticTokenTypes(),
                    server.semanticTokenModifiers());
            viewer.invalidateTextPresentation();
        });
    }

    /** The style ranges of LSP's relative token encoding: (line delta, start delta, length, type, modifiers). */
    static List<StyleRange> decode(List<Integer> data, Positions positions, List<String> types, List<String> modifiers) {
        ColorRegistry colours = PlatformUI.getWorkbench().getThemeManager().getCurrentTheme().getColorRegistry();
        int declaration = modifiers.indexOf(SemanticTokenModifiers.Declaration);
        List<StyleRange> decoded = new ArrayList<>();
        int line = 0;
        int character = 0;
        for (int i = 0; i + 4 < data.size(); i += 5) {
            int lineDelta = data.get(i);
            line += lineDelta;
            character = lineDelta == 0 ? character + data.get(i + 1) : data.get(i + 1);
            int type = data.get(i + 3);
            String colour = type < types.size() ? COLOURS.get(types.get(type)) : null;
            if (colour == null) {
                continue;
            }
            Color foreground = colours.get(EdgeUi.PLUGIN_ID + ".syntax." + colour);
            boolean declared = declaration >= 0 && (data.get(i + 4) & (1 << declaration)) != 0;
            int offset = positions.offset(new org.eclipse.lsp4j.Position(line, character));
            decoded.add(new StyleRange(offset, data.get(i + 2), foreground, null, declared ? SWT.BOLD : SWT.NORMAL));
        }
        return List.copyOf(decoded);
    }

    /** Ranges after replacing {@code length} characters at {@code offset} with {@code inserted} characters. */
    static List<StyleRange> shifted(List<StyleRange> ranges, int offset, int length, int inserted) {
        List<StyleRange> kept = new ArrayList<>(ranges.size());
        for (StyleRange range : ranges) {
            if (range.start + range.length <= offset) {
                kept.add(range);
            } else if (range.start >= offset + length) {
                StyleRange moved = (StyleRange) range.clone();
                moved.start += inserted - length;
                kept.add(moved);
            }
        }
        return List.copyOf(kept);
    }
}
