package io.edgestudio.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem.ProgressDetail;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Makes sure a module's image is present: nothing to do when it is, a pull when it is not and may be. */
final class Images {

    private Images() {
    }

    static void ensure(DockerClient client, ContainerSpec spec, List<RegistryCredentials> credentials,
            ModuleOutput output) throws ContainerException {
        if (present(client, spec.image())) {
            return;
        }
        if (spec.pullPolicy() == PullPolicy.NEVER) {
            throw new ContainerException("module " + spec.module() + ": image " + spec.image()
                    + " is not present and its imagePullPolicy is never");
        }
        pull(client, spec.module(), withDefaultTag(spec.image()), credentials, output);
    }

    static boolean present(DockerClient client, String image) {
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static void pull(DockerClient client, String module, String image, List<RegistryCredentials> credentials,
            ModuleOutput output) throws ContainerException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        var progress = new PullImageResultCallback() {
            @Override
            public void onError(Throwable error) {
                // Reported below with the module's name; the template would log it as an error too.
                failure.compareAndSet(null, error);
                try {
                    close();
                } catch (IOException e) {
                    failure.get().addSuppressed(e);
                }
            }

            @Override
            public void onNext(PullResponseItem item) {
                super.onNext(item);
                ProgressDetail detail = item.getProgressDetail();
                output.pull(module, new PullProgress(image, item.getId(), item.getStatus(),
                        detail == null || detail.getCurrent() == null ? -1 : detail.getCurrent(),
                        detail == null || detail.getTotal() == null ? -1 : detail.getTotal()));
            }
        };
        try {
            PullImageCmd pull = client.pullImageCmd(image);
            credentials.stream().filter(c -> c.isFor(image)).findFirst().ifPresent(c -> pull.withAuthConfig(
                    new AuthConfig().withRegistryAddress(c.address()).withUsername(c.username())
                            .withPassword(c.password())));
            pull.exec(progress).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerException("module " + module + ": pull of " + image + " interrupted", e);
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        if (failure.get() != null) {
            throw new ContainerException("module " + module + ": cannot pull image " + image + ": "
                    + EngineErrors.message(failure.get()), failure.get());
        }
        if (!present(client, image)) {
            throw new ContainerException("module " + module + ": image " + image + " is still missing after a pull");
        }
    }

    /** Without a tag or digest the engine would pull every tag of the repository: ask for {@code latest}. */
    static String withDefaultTag(String image) {
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        return lastSegment.contains(":") || lastSegment.contains("@") ? image : image + ":latest";
    }
}
