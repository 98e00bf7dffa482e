package io.edgestudio.hub.twin;

import java.util.Optional;

/** Where module twins persist. Implementations are thread-safe. */
public interface TwinStore {

    /**
     * @param module a module id
     * @return its twin, if one was saved
     */
    Optional<ModuleTwin> load(String module);

    /**
     * @param module a module id
     * @param twin its twin, saved durably when this returns
     */
    void save(String module, ModuleTwin twin);
}
