package io.edgestudio.hub.twin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BiConsumer;

/**
 * Module twins as edgeHub serves them locally: GET, reported patches with increasing {@code $version}, desired
 * patches (from the management API or a manifest) pushed to the module. Every change is saved before it is
 * acknowledged or pushed.
 */
public final class TwinService {

    private final TwinStore store;
    private final BiConsumer<String, ObjectNode> desiredPatchPush;

    /**
     * @param store where twins persist
     * @param desiredPatchPush called with (module, patch including {@code $version}) after a desired change
     */
    public TwinService(TwinStore store, BiConsumer<String, ObjectNode> desiredPatchPush) {
        this.store = store;
        this.desiredPatchPush = desiredPatchPush;
    }

    /**
     * @param module a module id
     * @return its twin (an empty one at version 1 if it never had one)
     */
    public ModuleTwin get(String module) {
        return store.load(module).orElseGet(ModuleTwin::empty);
    }

    /**
     * @param module a module id
     * @param patch the reported-properties merge patch
     * @return the new reported version
     */
    public synchronized long patchReported(String module, ObjectNode patch) {
        ModuleTwin twin = get(module).patchReported(patch);
        store.save(module, twin);
        return twin.reportedVersion();
    }

    /**
     * @param module a module id
     * @param patch the desired-properties merge patch
     * @return the new twin
     */
    public synchronized ModuleTwin patchDesired(String module, ObjectNode patch) {
        ModuleTwin twin = get(module).patchDesired(patch);
        store.save(module, twin);
        desiredPatchPush.accept(module, patch.deepCopy().put(ModuleTwin.VERSION, twin.desiredVersion()));
        return twin;
    }

    /**
     * Applies a manifest's {@code properties.desired}: it replaces the desired properties; reported stay.
     *
     * @param module a module id
     * @param desired the desired properties from the manifest
     */
    public synchronized void replaceDesired(String module, ObjectNode desired) {
        ModuleTwin before = get(module);
        ModuleTwin after = before.replaceDesired(desired);
        if (after != before || store.load(module).isEmpty()) {
            store.save(module, after);
        }
        if (after != before) {
            desiredPatchPush.accept(module, after.desired().deepCopy().put(ModuleTwin.VERSION, after.desiredVersion()));
        }
    }
}
