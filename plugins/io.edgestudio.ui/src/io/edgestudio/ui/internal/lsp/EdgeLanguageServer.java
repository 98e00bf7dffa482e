package io.edgestudio.ui.internal.lsp;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.semantictokens.SemanticTokensService;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;

import io.edgestudio.dsl.ide.EdgeIdeSetup;
import io.edgestudio.ui.EdgeUi;

/**
 * Xtext's language server for {@code .edge}, running inside Eclipse without the protocol hop: the editor
 * calls its LSP4J service methods directly and receives diagnostics through {@link EdgeLanguageClient}.
 * The server owns the index of every {@code .edge} file in the workspace, so validation, linking and
 * content assist see all files of a solution.
 */
public final class EdgeLanguageServer {

    private static final long REQUEST_TIMEOUT_SECONDS = 10;
    private static final int MAX_ATTEMPTS = 3;
    private static final long INITIALIZE_TIMEOUT_SECONDS = 120;

    private final LanguageServerImpl server;
    private final Injector language;
    private final DocumentSync documents;
    private final WorkspaceWatcher watcher;
    private final CompletableFuture<?> ready;
    private final SemanticTokensService semanticTokens;

    private EdgeLanguageServer(LanguageServerImpl server, Injector language, SemanticTokensService semanticTokens) {
        this.server = server;
        this.language = language;
        this.semanticTokens = semanticTokens;
        this.documents = new DocumentSync(server, this::awaitReady);
        server.connect(new EdgeLanguageClient());
        // Any notification sent before initialize has finished would cancel it (the server cancels running
        // requests on every write), so documents wait for it and the workspace watcher starts after it.
        this.watcher = new WorkspaceWatcher(server, this::awaitProcessed);
        this.ready = server.initialize(initializeParams()).thenRun(() -> {
            server.initialized(new InitializedParams());
            ResourcesPlugin.getWorkspace().addResourceChangeListener(watcher, IResourceChangeEvent.POST_CHANGE);
        });
    }

    /** Blocks until the server has initialized its workspace (the first time, it indexes every .edge file). */
    public void awaitReady() {
        try {
            ready.get(INITIALIZE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the .edge language server starts", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the .edge language server did not start", e);
        }
    }

    /** Starts the server over the open projects of the workspace. */
    public static EdgeLanguageServer start() {
        Injector language = new EdgeIdeSetup().createInjectorAndDoEMFRegistration();
        ResourceServiceProviderRegistryImpl registry = new ResourceServiceProviderRegistryImpl();
        registry.getExtensionToFactoryMap().put(EdgeUi.EDGE_FILE_EXTENSION,
                language.getInstance(IResourceServiceProvider.class));
        // ServerModule finds languages with java.util.ServiceLoader, which cannot see across OSGi bundles.
        Injector injector = Guice.createInjector(Modules.override(new ServerModule())
                .with(binder -> binder.bind(IResourceServiceProvider.Registry.class).toInstance(registry)));
        return new EdgeLanguageServer(injector.getInstance(LanguageServerImpl.class), language,
                injector.getInstance(SemanticTokensService.class));
    }

    /** Document synchronisation with the server: open, change and close editor buffers. */
    public DocumentSync documents() {
        return documents;
    }

    /** The LSP4J service facade, for requests once {@link #await} returned. */
    public LanguageServerImpl services() {
        return server;
    }

    /**
     * Sends a request and waits for its answer. The server cancels reads that a newer edit overtakes; such a
     * request is sent again. Editor requests give up after a few seconds rather than hang the UI.
     */
    public <T> T await(Supplier<CompletableFuture<T>> request) {
        for (int attempt = 1;; attempt++) {
            try {
                awaitReady();
                return request.get().get(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (CancellationException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new IllegalStateException("the .edge language server cancelled the request "
                            + MAX_ATTEMPTS + " times", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the .edge language server", e);
            } catch (TimeoutException e) {
                throw new IllegalStateException("the .edge language server did not answer within "
                        + REQUEST_TIMEOUT_SECONDS + " s", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof CancellationException && attempt < MAX_ATTEMPTS) {
                    continue;
                }
                throw new IllegalStateException("the .edge language server failed: " + cause, cause);
            }
        }
    }

    /**
     * Waits until the server has processed every notification sent so far: a read request runs only after
     * the writes queued before it.
     */
    void awaitProcessed() {
        await(() -> server.symbol(new WorkspaceSymbolParams("\u0000")));
    }

    /** The legend of {@code semanticTokensFull}: token type names by index. */
    public List<String> semanticTokenTypes() {
        return semanticTokens.getTokenTypes();
    }

    /** The legend of {@code semanticTokensFull}: token modifier names by bit. */
    public List<String> semanticTokenModifiers() {
        return semanticTokens.getTokenModifiers();
    }

    /** The language's own IDE injector (grammar access, lexer, services). */
    public Injector language() {
        return language;
    }

    /** Shuts the server down. */
    public void stop() {
        ResourcesPlugin.getWorkspace().removeResourceChangeListener(watcher);
        try {
            server.shutdown().get(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // shutting down anyway
        }
        server.exit();
    }

    private static InitializeParams initializeParams() {
        InitializeParams params = new InitializeParams();
        URI root = ResourcesPlugin.getWorkspace().getRoot().getLocationURI();
        params.setRootUri(Uris.toLsp(root));
        List<WorkspaceFolder> folders = List.of(ResourcesPlugin.getWorkspace().getRoot().getProjects()).stream()
                .filter(IProject::isOpen)
                .filter(p -> p.getLocationURI() != null)
                .map(p -> new WorkspaceFolder(Uris.toLsp(p.getLocationURI()), p.getName()))
                .toList();
        if (!folders.isEmpty()) {
            params.setWorkspaceFolders(folders);
        }
        params.setCapabilities(new ClientCapabilities());
        params.setProcessId((int) ProcessHandle.current().pid());
        return params;
    }
}
