package io.edgestudio.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import io.edgestudio.ui.EdgeUi;
import io.edgestudio.ui.internal.lsp.EdgeLanguageServer;

/**
 * Content assist from the language's IDE proposal provider (keywords, module, port and schema names), plus
 * templates for the top-level elements.
 */
public final class EdgeContentAssistProcessor implements IContentAssistProcessor {

    @Override
    public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
        return EdgeDocuments.sync(viewer.getDocument()).map(doc -> {
            EdgeLanguageServer server = EdgeUi.languageServer();
            Either<List<CompletionItem>, CompletionList> answer = server.await(
                    () -> server.services().completion(new CompletionParams(doc.id(), doc.at(offset))));
            List<CompletionItem> items = answer.isLeft() ? answer.getLeft() : answer.getRight().getItems();
            List<ICompletionProposal> proposals = new ArrayList<>();
            items.forEach(item -> proposals.add(proposal(item, doc, offset)));
            proposals.addAll(EdgeTemplates.proposals(viewer.getDocument(), offset));
            return proposals.toArray(ICompletionProposal[]::new);
        }).orElse(new ICompletionProposal[0]);
    }

    private static ICompletionProposal proposal(CompletionItem item, EdgeDocuments.Synced doc, int offset) {
        String text = item.getInsertText() != null ? item.getInsertText() : item.getLabel();
        int start = offset;
        int end = offset;
        if (item.getTextEdit() != null && item.getTextEdit().isLeft()) {
            TextEdit edit = item.getTextEdit().getLeft();
            text = edit.getNewText();
            start = doc.positions().offset(edit.getRange().getStart());
            end = Math.max(offset, doc.positions().offset(edit.getRange().getEnd()));
        }
        String display = item.getDetail() == null || item.getDetail().isBlank()
                ? item.getLabel() : item.getLabel() + " - " + item.getDetail();
        return new CompletionProposal(text, start, end - start, text.length(), null, display, null, null);
    }

    @Override
    public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
        return null;
    }

    @Override
    public char[] getCompletionProposalAutoActivationCharacters() {
        return new char[] { '.' };
    }

    @Override
    public char[] getContextInformationAutoActivationCharacters() {
        return null;
    }

    @Override
    public String getErrorMessage() {
        return null;
    }

    @Override
    public IContextInformationValidator getContextInformationValidator() {
        return null;
    }
}
