package io.edgestudio.hub.store;

class InMemoryMessageStoreTest extends MessageStoreContract {

    @Override
    protected MessageStore createStore() {
        return new InMemoryMessageStore();
    }
}
