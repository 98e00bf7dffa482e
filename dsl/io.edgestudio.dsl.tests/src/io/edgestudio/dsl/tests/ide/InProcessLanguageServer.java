package io.edgestudio.dsl.tests.ide;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import io.edgestudio.dsl.ide.EdgeIdeSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;

/**
 * Xtext's {@link LanguageServerImpl} over a temporary workspace, wired as the Eclipse editor wires
 * it: the .edge language registered by hand, LSP4J methods called directly.
 */
final class InProcessLanguageServer implements AutoCloseable {

	private static final long TIMEOUT_SECONDS = 30;

	private final Path root;
	private final LanguageServerImpl server;
	private final Map<String, BlockingQueue<PublishDiagnosticsParams>> diagnostics = new ConcurrentHashMap<>();
	private final Map<String, Integer> versions = new ConcurrentHashMap<>();

	/** A server with the editor's injector, optionally with server bindings overridden. */
	InProcessLanguageServer(Module... serverOverrides) throws Exception {
		root = Files.createTempDirectory("edge-ls");
		Injector language = new EdgeIdeSetup().createInjectorAndDoEMFRegistration();
		ResourceServiceProviderRegistryImpl registry = new ResourceServiceProviderRegistryImpl();
		registry.getExtensionToFactoryMap().put("edge", language.getInstance(IResourceServiceProvider.class));
		Module editor = binder -> binder.bind(IResourceServiceProvider.Registry.class).toInstance(registry);
		Injector injector = Guice.createInjector(Modules.override(new ServerModule()).with(Modules.combine(editor, Modules.combine(serverOverrides))));
		server = injector.getInstance(LanguageServerImpl.class);
		server.connect(new Client());
		InitializeParams params = new InitializeParams();
		params.setRootUri(uri(root));
		params.setCapabilities(new ClientCapabilities());
		server.initialize(params).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		server.initialized(new InitializedParams());
	}

	LanguageServerImpl server() {
		return server;
	}

	/** Opens a document (not written to disk) and returns its URI. */
	String open(String name, String text) {
		String uri = uri(root.resolve(name));
		versions.put(uri, 1);
		server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "edge", 1, text)));
		return uri;
	}

	/** Replaces the whole text of an open document. */
	void change(String uri, String text) {
		int version = versions.merge(uri, 1, Integer::sum);
		server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
				List.of(new TextDocumentContentChangeEvent(text))));
	}

	/** Waits for diagnostics of the document that satisfy the condition. */
	List<org.eclipse.lsp4j.Diagnostic> awaitDiagnostics(String uri, Predicate<List<org.eclipse.lsp4j.Diagnostic>> condition) throws Exception {
		BlockingQueue<PublishDiagnosticsParams> queue = queue(uri);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
		List<org.eclipse.lsp4j.Diagnostic> last = null;
		while (System.nanoTime() < deadline) {
			PublishDiagnosticsParams published = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (published != null) {
				last = published.getDiagnostics();
				if (condition.test(last)) {
					return last;
				}
			}
		}
		throw new AssertionError("no matching diagnostics for " + uri + "; last: " + last);
	}

	/** Requests and waits. */
	static <T> T await(CompletableFuture<T> request) throws Exception {
		return request.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
	}

	/** The text after applying edits (LSP ranges against the original text). */
	static String apply(String text, List<TextEdit> edits) {
		Document document = new Document(1, text);
		List<TextEdit> sorted = new ArrayList<>(edits);
		sorted.sort(Comparator.comparing((TextEdit e) -> document.getOffSet(e.getRange().getStart())).reversed());
		StringBuilder result = new StringBuilder(text);
		for (TextEdit edit : sorted) {
			result.replace(document.getOffSet(edit.getRange().getStart()), document.getOffSet(edit.getRange().getEnd()), edit.getNewText());
		}
		return result.toString();
	}

	private BlockingQueue<PublishDiagnosticsParams> queue(String uri) {
		return diagnostics.computeIfAbsent(uri, u -> new LinkedBlockingQueue<>());
	}

	private static String uri(Path path) {
		return new UriExtensions().toUriString(org.eclipse.emf.common.util.URI.createFileURI(path.toAbsolutePath().toString()));
	}

	@Override
	public void close() throws Exception {
		server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		try (var files = Files.walk(root)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		} catch (IOException e) {
			// a temporary directory
		}
	}

	private final class Client implements LanguageClient {

		@Override
		public void publishDiagnostics(PublishDiagnosticsParams params) {
			queue(params.getUri()).add(params);
		}

		@Override
		public void telemetryEvent(Object object) {
		}

		@Override
		public void showMessage(MessageParams params) {
		}

		@Override
		public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void logMessage(MessageParams params) {
		}
	}
}
