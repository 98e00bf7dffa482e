package io.edgestudio.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;

import io.edgestudio.ui.EdgeUi;
import io.edgestudio.ui.internal.lsp.EdgeLanguageServer;
import io.edgestudio.ui.internal.lsp.Positions;

/**
 * Outline of a {@code .edge} file from the language's document symbols: solution, messages, twins, modules
 * with their ports, routes. Follows the text as it changes; selection syncs both ways.
 */
public final class EdgeOutlinePage extends ContentOutlinePage {

    private static final int REFRESH_DELAY_MILLIS = 500;

    private final ITextEditor editor;
    private final IDocument document;
    private final Runnable refresh = this::refresh;
    private boolean syncing;
    private List<DocumentSymbol> symbols = List.of();
    private Positions positions = new Positions("");

    private final IDocumentListener documentListener = new IDocumentListener() {
        @Override
        public void documentAboutToBeChanged(DocumentEvent event) {
            // wait for the change
        }

        @Override
        public void documentChanged(DocumentEvent event) {
            Display display = Display.getCurrent();
            if (display != null) {
                display.timerExec(REFRESH_DELAY_MILLIS, refresh);
            }
        }
    };
    private final ISelectionChangedListener editorSelection = event -> {
        if (!syncing && event.getSelection() instanceof ITextSelection text) {
            revealSymbolAt(text.getOffset());
        }
    };

    EdgeOutlinePage(ITextEditor editor) {
        this.editor = editor;
        this.document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
    }

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        TreeViewer viewer = getTreeViewer();
        viewer.setContentProvider(new SymbolContentProvider());
        viewer.setLabelProvider(new SymbolLabelProvider());
        document.addDocumentListener(documentListener);
        editor.getSelectionProvider().addSelectionChangedListener(editorSelection);
        refresh();
    }

    @Override
    public void dispose() {
        document.removeDocumentListener(documentListener);
        editor.getSelectionProvider().removeSelectionChangedListener(editorSelection);
        super.dispose();
    }

    @Override
    public void selectionChanged(SelectionChangedEvent event) {
        super.selectionChanged(event);
        if (!syncing && event.getSelection() instanceof IStructuredSelection s
                && s.getFirstElement() instanceof DocumentSymbol symbol) {
            int start = positions.offset(symbol.getSelectionRange().getStart());
            int end = positions.offset(symbol.getSelectionRange().getEnd());
            syncing = true;
            try {
                editor.selectAndReveal(start, end - start);
            } finally {
                syncing = false;
            }
        }
    }

    /** The symbols currently shown (top level). */
    public List<DocumentSymbol> symbols() {
        return symbols;
    }

    private void refresh() {
        TreeViewer viewer = getTreeViewer();
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        EdgeDocuments.sync(document).ifPresent(doc -> {
            EdgeLanguageServer server = EdgeUi.languageServer();
            List<Either<SymbolInformation, DocumentSymbol>> answer = server.await(
                    () -> server.services().documentSymbol(new DocumentSymbolParams(doc.id())));
            List<DocumentSymbol> roots = new ArrayList<>();
            for (Either<SymbolInformation, DocumentSymbol> entry : answer == null ? List.<Either<SymbolInformation, DocumentSymbol>>of() : answer) {
                if (entry.isRight()) {
                    roots.add(entry.getRight());
                }
            }
            symbols = roots;
            positions = doc.positions();
            viewer.setInput(roots);
            viewer.expandToLevel(2);
        });
    }

    private void revealSymbolAt(int offset) {
        DocumentSymbol found = null;
        List<DocumentSymbol> level = symbols;
        boolean descended = true;
        while (descended) {
            descended = false;
            for (DocumentSymbol symbol : level) {
                int start = positions.offset(symbol.getRange().getStart());
                int end = positions.offset(symbol.getRange().getEnd());
                if (start <= offset && offset <= end) {
                    found = symbol;
                    level = symbol.getChildren() == null ? List.of() : symbol.getChildren();
                    descended = true;
                    break;
                }
            }
        }
        if (found != null) {
            syncing = true;
            try {
                getTreeViewer().setSelection(new StructuredSelection(found), true);
            } finally {
                syncing = false;
            }
        }
    }

    private static final class SymbolContentProvider implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return ((List<?>) input).toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            List<DocumentSymbol> children = ((DocumentSymbol) parent).getChildren();
            return children == null ? new Object[0] : children.toArray();
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            List<DocumentSymbol> children = ((DocumentSymbol) element).getChildren();
            return children != null && !children.isEmpty();
        }
    }

    /** Shows a symbol's own name: the server names children by qualified name ({@code Sensor.output1}). */
    private static final class SymbolLabelProvider extends LabelProvider {
        @Override
        public String getText(Object element) {
            String name = ((DocumentSymbol) element).getName();
            return name.substring(name.lastIndexOf('.') + 1);
        }
    }
}
