package io.edgestudio.hub.twin;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link TwinStore} in memory, for tests and runs without persistence. */
public final class InMemoryTwinStore implements TwinStore {

    private final Map<String, ModuleTwin> twins = new ConcurrentHashMap<>();

    @Override
    public Optional<ModuleTwin> load(String module) {
        return Optional.ofNullable(twins.get(module));
    }

    @Override
    public void save(String module, ModuleTwin twin) {
        twins.put(module, twin);
    }
}
