package io.edgestudio.hub.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTwinStoreTest extends TwinStoreContract {

    @TempDir
    Path directory;

    @Override
    protected TwinStore createStore() throws Exception {
        return new FileTwinStore(directory);
    }

    @Test
    void twinsSurviveReopening() throws Exception {
        ModuleTwin twin = ModuleTwin.empty().patchReported(json("{\"x\":1}"));
        createStore().save("m", twin);

        assertThat(createStore().load("m")).contains(twin);
    }
}
