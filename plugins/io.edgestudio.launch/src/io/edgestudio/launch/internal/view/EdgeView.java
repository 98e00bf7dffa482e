package io.edgestudio.launch.internal.view;

import java.util.List;

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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Edge view: the running solution's modules with their connection state, and for the selected module its
 * twin, messages to its inputs and direct methods; the routes with their counters, the {@code $upstream} feed
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
        modules = table(top, "Module", 160, "State", 110, "In flight", 70);
        modules.addListener(SWT.Selection, e -> {
            selectedModule = modules.getSelectionCount() == 0 ? null : modules.getSelection()[0].getText(0);
            modulePanel.select(selectedModule);
        });
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
        fill(modules, snapshot.modules(), m -> new String[] { m.path("moduleId").asText(),
                state(m), m.path("inflight").asText("") });
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
        modulePanel.refreshReported();
    }

    /** The runtime status of a module: the agent's when it reports one, else the hub's connection state. */
    private static String state(JsonNode module) {
        String runtime = module.path("runtimeStatus").asText("");
        String connection = module.path("connectionState").asText("");
        return runtime.isEmpty() ? connection : runtime + " / " + connection;
    }

    private static void fill(Table table, List<JsonNode> rows, java.util.function.Function<JsonNode, String[]> cells) {
        table.setRedraw(false);
        int i = 0;
        for (JsonNode row : rows) {
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
