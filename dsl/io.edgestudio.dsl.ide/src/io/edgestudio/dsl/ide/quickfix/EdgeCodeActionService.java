package io.edgestudio.dsl.ide.quickfix;

import com.google.inject.Inject;
import io.edgestudio.dsl.edge.Route;
import io.edgestudio.dsl.validation.IssueCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Quick fixes of .edge diagnostics as LSP code actions, each with a {@link WorkspaceEdit} of exact
 * ranges: the "did you mean" name for unresolved references, the missing input or output on the
 * target module, valid characters in module and route names, and removing a duplicate route.
 */
public class EdgeCodeActionService implements ICodeActionService2 {

	private static final Pattern DID_YOU_MEAN = Pattern.compile("Did you mean '([^']+)'\\?");

	@Inject
	private MissingPortFix missingPort;

	@Override
	public List<Either<Command, CodeAction>> getCodeActions(Options options) {
		List<String> only = options.getCodeActionParams().getContext().getOnly();
		List<Diagnostic> diagnostics = options.getCodeActionParams().getContext().getDiagnostics();
		if (only != null && !only.isEmpty() && !only.contains(CodeActionKind.QuickFix) || diagnostics.isEmpty()) {
			return List.of();
		}
		if (options.getResource() != null && options.getDocument() != null) {
			return actions(options, (XtextResource) options.getResource(), options.getDocument(), diagnostics);
		}
		return options.getLanguageServerAccess().doSyncRead(options.getURI(),
				context -> actions(options, (XtextResource) context.getResource(), context.getDocument(), diagnostics));
	}

	private List<Either<Command, CodeAction>> actions(Options options, XtextResource resource, Document document, List<Diagnostic> diagnostics) {
		FixContext fix = new FixContext(options.getURI(), resource, document);
		List<Either<Command, CodeAction>> result = new ArrayList<>();
		for (Diagnostic diagnostic : diagnostics) {
			if (options.getCancelIndicator() != null && options.getCancelIndicator().isCanceled()) {
				break;
			}
			for (CodeAction action : fixes(fix, diagnostic)) {
				action.setKind(CodeActionKind.QuickFix);
				action.setDiagnostics(List.of(diagnostic));
				result.add(Either.forRight(action));
			}
		}
		return result;
	}

	private List<CodeAction> fixes(FixContext fix, Diagnostic diagnostic) {
		String code = diagnostic.getCode() == null ? null : diagnostic.getCode().getLeft();
		if (code == null || diagnostic.getRange() == null) {
			return List.of();
		}
		List<CodeAction> actions = new ArrayList<>();
		switch (code) {
			case org.eclipse.xtext.diagnostics.Diagnostic.LINKING_DIAGNOSTIC -> {
				didYouMean(fix, diagnostic).ifPresent(actions::add);
				missingPort.create(fix, diagnostic).ifPresent(actions::add);
			}
			case IssueCodes.INVALID_MODULE_NAME -> actions.add(rename(fix, diagnostic, "[^a-zA-Z0-9_-]"));
			case IssueCodes.INVALID_ROUTE_NAME -> actions.add(rename(fix, diagnostic, "[.$# ]"));
			case IssueCodes.DUPLICATE_ROUTE -> removeRoute(fix, diagnostic).ifPresent(actions::add);
			default -> {
				// no single clear fix
			}
		}
		return actions;
	}

	private static Optional<CodeAction> didYouMean(FixContext fix, Diagnostic diagnostic) {
		Matcher matcher = DID_YOU_MEAN.matcher(diagnostic.getMessage().getLeft());
		if (!matcher.find()) {
			return Optional.empty();
		}
		String name = matcher.group(1);
		return Optional.of(action("Change to '" + name + "'", fix.uri(), new TextEdit(diagnostic.getRange(), name)));
	}

	/** Replaces every character the manifest forbids in the name by '_'. */
	private static CodeAction rename(FixContext fix, Diagnostic diagnostic, String forbidden) {
		String name = fix.text(diagnostic.getRange());
		String valid = name.replaceAll(forbidden, "_");
		return action("Rename to '" + valid + "'", fix.uri(), new TextEdit(diagnostic.getRange(), valid));
	}

	/** Deletes the later of two identical routes (only it carries the warning), with its line. */
	private static Optional<CodeAction> removeRoute(FixContext fix, Diagnostic diagnostic) {
		if (!(fix.elementAt(diagnostic.getRange()) instanceof Route route)) {
			return Optional.empty();
		}
		INode node = NodeModelUtils.getNode(route);
		String text = fix.document().getContents();
		int start = node.getOffset();
		while (start > 0 && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '\t')) {
			start--;
		}
		if (start > 0 && text.charAt(start - 1) == '\n') {
			start--;
		}
		Range range = new Range(fix.document().getPosition(start), fix.document().getPosition(node.getEndOffset()));
		return Optional.of(action("Remove route '" + route.getName() + "'", fix.uri(), new TextEdit(range, "")));
	}

	static CodeAction action(String title, String uri, TextEdit edit) {
		CodeAction action = new CodeAction(title);
		action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(edit))));
		return action;
	}
}
