package io.edgestudio.launch.internal.view;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;

/** Runs a view's network calls in a job and hands the result (or the failure's message) back to the UI thread. */
final class Background {

    private final Control owner;
    private final Consumer<String> onError;

    Background(Control owner, Consumer<String> onError) {
        this.owner = owner;
        this.onError = onError;
    }

    <T> void run(String what, Supplier<T> task, Consumer<T> onResult) {
        Job job = Job.create(what, monitor -> {
            try {
                T result = task.get();
                ui(() -> onResult.accept(result));
            } catch (RuntimeException e) {
                ui(() -> onError.accept(what + ": " + e.getMessage()));
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    private void ui(Runnable runnable) {
        if (!owner.isDisposed()) {
            owner.getDisplay().asyncExec(() -> {
                if (!owner.isDisposed()) {
                    runnable.run();
                }
            });
        }
    }
}
