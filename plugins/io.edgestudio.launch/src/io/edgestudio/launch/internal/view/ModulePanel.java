package io.edgestudio.launch.internal.view;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;

import com.fasterxml.jackson.databind.JsonNode;

import io.edgestudio.launch.internal.runtime.ManagementClient;

/**
 * The selected module in the Edge view: its twin (desired properties edited and pushed, reported properties
 * shown live with their version), a message to one of its inputs (prefilled from the port's schema), and a
 * direct method call.
 */
final class ModulePanel {

    private final EdgeViewModel model;
    private final Background background;
    private final Label title;
    private final Text desired;
    private final Text reported;
    private final Combo input;
    private final Text message;
    private final Text method;
    private final Text payload;
    private final Text result;
    private String module;

    ModulePanel(Composite parent, EdgeViewModel model, Background background) {
        this.model = model;
        this.background = background;
        Composite root = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(root);
        title = new Label(root, SWT.NONE);
        title.setText("Select a module");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(title);
        TabFolder tabs = new TabFolder(root, SWT.TOP);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tabs);

        Composite twin = page(tabs, "Twin", 2);
        new Label(twin, SWT.NONE).setText("Desired (edit, then Push):");
        new Label(twin, SWT.NONE).setText("Reported:");
        desired = json(twin, SWT.NONE);
        reported = json(twin, SWT.READ_ONLY);
        Composite twinButtons = row(twin, 2);
        button(twinButtons, "Push desired", this::pushDesired);
        button(twinButtons, "Reload", this::loadTwin);

        Composite send = page(tabs, "Message", 2);
        new Label(send, SWT.NONE).setText("Input:");
        input = new Combo(send, SWT.READ_ONLY);
        input.addListener(SWT.Selection, e -> prefill());
        message = json(send, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(message);
        button(row(send, 2), "Send", this::sendMessage);

        Composite invoke = page(tabs, "Method", 2);
        new Label(invoke, SWT.NONE).setText("Method:");
        method = new Text(invoke, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(method);
        payload = json(invoke, SWT.NONE);
        payload.setText("{}");
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(payload);
        button(row(invoke, 2), "Invoke", this::invokeMethod);

        result = new Text(root, SWT.READ_ONLY | SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(result);
    }

    private static Composite page(TabFolder tabs, String name, int columns) {
        Composite page = new Composite(tabs, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(columns).equalWidth(columns == 2 && name.equals("Twin"))
                .applyTo(page);
        TabItem item = new TabItem(tabs, SWT.NONE);
        item.setText(name);
        item.setControl(page);
        return page;
    }

    private static Composite row(Composite parent, int span) {
        Composite row = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(row);
        GridDataFactory.fillDefaults().span(span, 1).applyTo(row);
        return row;
    }

    private static Text json(Composite parent, int style) {
        Text text = new Text(parent, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | style);
        GridDataFactory.fillDefaults().grab(true, true).hint(200, 120).applyTo(text);
        return text;
    }

    private static void button(Composite parent, String label, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        button.addListener(SWT.Selection, e -> action.run());
    }

    /** Shows {@code name} (null: none selected). */
    void select(String name) {
        if (name == null || name.equals(module)) {
            return;
        }
        module = name;
        title.setText("Module " + name);
        loadTwin();
        String selected = name;
        background.run("Read inputs of " + name, () -> model.inputs(selected), inputs -> {
            input.setItems(inputs.toArray(String[]::new));
            if (!inputs.isEmpty()) {
                input.select(0);
                prefill();
            }
        });
    }

    private void prefill() {
        String port = input.getText();
        String target = module;
        background.run("Message sample", () -> model.sample(target, port), message::setText);
    }

    private void loadTwin() {
        if (module == null) {
            return;
        }
        String target = module;
        background.run("Read twin of " + target, () -> model.twin(target), twin -> {
            JsonNode desiredProperties = ManagementClient.section(twin, "desired").deepCopy();
            if (desiredProperties.isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) desiredProperties).remove(
                        java.util.List.of("$version", "$metadata"));
            }
            desired.setText(ManagementClient.pretty(desiredProperties));
            showReported(twin);
        });
    }

    /** Updates the reported properties, which modules change on their own. */
    void refreshReported() {
        if (module == null || reported.isDisposed()) {
            return;
        }
        String target = module;
        background.run("Read twin of " + target, () -> model.twin(target), this::showReported);
    }

    private void showReported(JsonNode twin) {
        String text = ManagementClient.pretty(ManagementClient.section(twin, "reported"));
        if (!text.equals(reported.getText())) {
            reported.setText(text);
        }
    }

    private void pushDesired() {
        if (module == null) {
            result.setText("Select a module first.");
            return;
        }
        String target = module;
        String patch = desired.getText();
        background.run("Push desired properties", () -> model.setDesired(target, patch), twin -> {
            result.setText("Desired properties pushed: version "
                    + ManagementClient.section(twin, "desired").path("$version").asText());
            showReported(twin);
        });
    }

    private void sendMessage() {
        if (module == null) {
            result.setText("Select a module first.");
            return;
        }
        String target = module;
        String port = input.getText();
        String body = message.getText();
        background.run("Send message", () -> model.sendMessage(target, port, body),
                answer -> result.setText("Message sent to " + target + "." + port));
    }

    private void invokeMethod() {
        if (module == null) {
            result.setText("Select a module first.");
            return;
        }
        String target = module;
        String name = method.getText().strip();
        String body = payload.getText();
        background.run("Invoke " + name, () -> model.invoke(target, name, body, 30),
                answer -> result.setText(name + " answered " + answer.path("status").asText() + ": "
                        + answer.path("payload")));
    }
}
