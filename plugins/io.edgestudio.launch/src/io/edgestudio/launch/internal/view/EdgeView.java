package io.edgestudio.launch.internal.view;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;


/**
 * The Edge view: the running solution's modules with their status (running, backoff, stopped, failed; exit
 * code, restarts, connection) and Start / Stop / Restart actions, and for the selected module its twin, messages to its inputs and direct methods; the routes with their counters, the {@code $upstream} feed
 * and the offline/online switch with the upstream queue. It follows the most recent running Edge launch and
 * refreshes every second off the UI thread, so it carries on across relaunches and runtime restarts.
 */
public final class EdgeView extends ViewPart {

    private static final int REFRESH_MILLIS = 1000;

    private final EdgeViewModel model = new EdgeViewModel();
    private Background background;
    private Label status;
    private Button online;
    private Table modules;
    private Table routes;
    private Table upstream;
    private ModulePanel modulePanel;
    private boolean refreshing;
    private String selectedModule;
    private List<EdgeViewModel.ModuleStatus> shownModules = List.of();
    private Button start;
    private Button stop;
    private Button restart;

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 4).applyTo(root);
        background = new Background(root, this::showError);
        status = new Label(root, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        online = new Button(root, SWT.CHECK);
        online.setText("Upstream online");
        online.addListener(SWT.Selection, e -> {
            boolean wanted = online.getSelection();
            background.run("Switch upstream", () -> {
                model.setOnline(wanted);
                return wanted;
            }, done -> refresh());
        });

        SashForm sash = new SashForm(root, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(sash);
        SashForm top = new SashForm(sash, SWT.HORIZONTAL);
        Composite moduleList = new Composite(top, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(moduleList);
        modules = table(moduleList, "Module", 150, "Status", 110, "Exit code", 65, "Restarts", 60, "Connection", 95,
                "In flight", 60);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(modules);
        modules.addListener(SWT.Selection, e -> {
            selectedModule = modules.getSelectionCount() == 0 ? null : modules.getSelection()[0].getText(0);
            modulePanel.select(selectedModule);
            updateActions();
        });
        Composite actions = new Composite(moduleList, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(actions);
        start = action(actions, "Start", "start", model::start);
        stop = action(actions, "Stop", "stop", model::stop);
        restart = action(actions, "Restart", "restart", model::restart);
        updateActions();
        modulePanel = new ModulePanel(top, model, background);
        top.setWeights(1, 2);

        TabFolder flow = new TabFolder(sash, SWT.TOP);
        routes = table(flow, "Route", 140, "Messages", 80, "Definition", 400);
        tab(flow, "Routes", routes);
        upstream = table(flow, "Enqueued", 200, "Body", 500, "Properties", 200);
        tab(flow, "$upstream", upstream);
        sash.setWeights(3, 2);
        scheduleRefresh();
    }

    private Button action(Composite parent, String label, String verb, Consumer<String> command) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        button.addListener(SWT.Selection, e -> {
            String module = selectedModule;
            if (module == null) {
                return;
            }
            status.setText(label + " " + module + " ...");
            background.run(label + " module " + module, () -> {
                command.accept(module);
                return module;
            }, done -> {
                status.setText("Module " + done + ": " + verb + " done");
                refresh();
            });
        });
        return button;
    }

    /** Enables the module actions for the selected module and says what they do for it. */
    private void updateActions() {
        EdgeViewModel.ModuleStatus module = selectedStatus();
        boolean selected = module != null;
        boolean running = selected && (module.status().equals("running") || module.status().equals("backoff"));
        start.setEnabled(selected && !running && !module.status().equals("external"));
        stop.setEnabled(selected && running);
        restart.setEnabled(selected && !module.status().equals("external"));
        if (module != null && module.ide()) {
            start.setToolTipText("Launch the module's Java project again");
            stop.setToolTipText("Terminate the module's Java application");
            restart.setToolTipText("Terminate the module's Java application and launch it again in the same mode"
                    + " (under the debugger in a Debug launch)");
        } else {
            start.setToolTipText("Ask the agent to start the module");
            stop.setToolTipText("Ask the agent to stop the module (gracefully, then forcibly); it stays stopped");
            restart.setToolTipText("Ask the agent to stop the module and start it again");
        }
    }

    private EdgeViewModel.ModuleStatus selectedStatus() {
        if (selectedModule == null) {
            return null;
        }
        return shownModules.stream().filter(m -> m.name().equals(selectedModule)).findFirst().orElse(null);
    }

    private static void tab(TabFolder folder, String title, Table content) {
        TabItem item = new TabItem(folder, SWT.NONE);
        item.setText(title);
        item.setControl(content);
    }

    static Table table(Composite parent, Object... columns) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        for (int i = 0; i < columns.length; i += 2) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText((String) columns[i]);
            column.setWidth((Integer) columns[i + 1]);
        }
        return table;
    }

    private void scheduleRefresh() {
        status.getDisplay().timerExec(REFRESH_MILLIS, () -> {
            if (!status.isDisposed()) {
                refresh();
                scheduleRefresh();
            }
        });
    }

    /** Reads the runtime's state in the background and shows it. */
    public void refresh() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        background.run("Refresh Edge view", model::refresh, snapshot -> {
            refreshing = false;
            show(snapshot);
        });
    }

    private void show(EdgeViewModel.Snapshot snapshot) {
        if (snapshot.api() == null) {
            status.setText("No Edge Solution is running: Run As or Debug As › Edge Solution starts one.");
        } else if (snapshot.error() != null) {
            status.setText(snapshot.launch() + ": runtime not reachable (" + snapshot.error() + ")");
        } else {
            status.setText(snapshot.launch() + " — " + snapshot.api() + " — " + snapshot.upstreamQueued()
                    + " message(s) queued for $upstream");
        }
        online.setEnabled(snapshot.api() != null && snapshot.error() == null);
        online.setSelection(snapshot.online());
        shownModules = snapshot.modules();
        fill(modules, snapshot.modules(), m -> new String[] { m.name(), m.label(),
                m.exitCode() == null ? "" : m.exitCode().toString(), m.ide() ? "" : Integer.toString(m.restartCount()),
                m.connection(), Integer.toString(m.inflight()) });
        fill(routes, snapshot.routes(), r -> new String[] { r.path("name").asText(),
                r.path("messagesRouted").asText("0"), r.path("route").asText() });
        fill(upstream, snapshot.upstream().reversed(), u -> new String[] { u.path("enqueuedTime").asText(),
                u.path("body").asText(u.path("bodyBase64").asText()), u.path("properties").toString() });
        status.getParent().layout();
        if (selectedModule != null) {
            for (int i = 0; i < modules.getItemCount(); i++) {
                if (modules.getItem(i).getText(0).equals(selectedModule)) {
                    modules.select(i);
                }
            }
        }
        EdgeViewModel.ModuleStatus selected = selectedStatus();
        modules.setToolTipText(selected == null || selected.description().isEmpty() ? null
                : selected.name() + ": " + selected.description());
        updateActions();
        modulePanel.refreshReported();
    }

    private static <T> void fill(Table table, List<T> rows, Function<T, String[]> cells) {
        table.setRedraw(false);
        int i = 0;
        for (T row : rows) {
            TableItem item = i < table.getItemCount() ? table.getItem(i) : new TableItem(table, SWT.NONE);
            item.setText(cells.apply(row));
            i++;
        }
        if (i < table.getItemCount()) {
            table.remove(i, table.getItemCount() - 1);
        }
        table.setRedraw(true);
    }

    private void showError(String message) {
        refreshing = false;
        if (!status.isDisposed()) {
            status.setText(message);
        }
    }

    /** The model behind the view. */
    public EdgeViewModel model() {
        return model;
    }

    @Override
    public void setFocus() {
        modules.setFocus();
    }
}
