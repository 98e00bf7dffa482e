package io.edgestudio.hub.twin;

class InMemoryTwinStoreTest extends TwinStoreContract {

    @Override
    protected TwinStore createStore() {
        return new InMemoryTwinStore();
    }
}
