package io.edgestudio.ui.internal.editor;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

import io.edgestudio.ui.EdgeUi;
import io.edgestudio.ui.internal.lsp.EdgeLanguageServer;
import io.edgestudio.ui.internal.lsp.Positions;

/** Ctrl+click (and F3 through the editor's Open Declaration) on a reference: jump to its declaration. */
public final class EdgeHyperlinkDetector extends AbstractHyperlinkDetector {

    @Override
    public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultiple) {
        return EdgeDocuments.sync(viewer.getDocument()).map(doc -> {
            EdgeLanguageServer server = EdgeUi.languageServer();
            Either<List<? extends Location>, List<? extends LocationLink>> answer = server.await(
                    () -> server.services().definition(new DefinitionParams(doc.id(), doc.at(region.getOffset()))));
            List<? extends Location> locations = answer == null || answer.isRight() ? List.of() : answer.getLeft();
            IRegion word = wordAt(viewer, region.getOffset());
            return locations.stream()
                    .map(location -> (IHyperlink) new DeclarationLink(word, location))
                    .toArray(IHyperlink[]::new);
        }).filter(links -> links.length > 0).orElse(null);
    }

    private static IRegion wordAt(ITextViewer viewer, int offset) {
        String text = viewer.getDocument().get();
        int start = offset;
        while (start > 0 && Character.isJavaIdentifierPart(text.charAt(start - 1))) {
            start--;
        }
        int end = offset;
        while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
            end++;
        }
        return new Region(start, Math.max(0, end - start));
    }

    /** Opens the declaration's file in an editor and selects the declaration. */
    private record DeclarationLink(IRegion region, Location target) implements IHyperlink {

        @Override
        public IRegion getHyperlinkRegion() {
            return region;
        }

        @Override
        public String getTypeLabel() {
            return null;
        }

        @Override
        public String getHyperlinkText() {
            return "Open Declaration";
        }

        @Override
        public void open() {
            IFile file = io.edgestudio.ui.internal.lsp.Uris.toFile(target.getUri()).orElse(null);
            if (file == null) {
                return;
            }
            try {
                IEditorPart editor = IDE.openEditor(
                        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), file);
                if (editor instanceof ITextEditor text) {
                    String content = text.getDocumentProvider().getDocument(text.getEditorInput()).get();
                    Positions positions = new Positions(content);
                    int start = positions.offset(target.getRange().getStart());
                    int end = positions.offset(target.getRange().getEnd());
                    text.selectAndReveal(start, end - start);
                }
            } catch (PartInitException e) {
                throw new IllegalStateException("cannot open " + file, e);
            }
        }
    }
}
