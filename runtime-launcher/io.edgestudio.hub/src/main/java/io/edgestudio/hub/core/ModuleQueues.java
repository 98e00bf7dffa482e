package io.edgestudio.hub.core;

import io.edgestudio.hub.store.MessageStore;
import java.util.List;

/** Finds a module's input queues in the store, in delivery order. */
final class ModuleQueues {

    private ModuleQueues() {
    }

    static List<QueueName> of(MessageStore store, String module) {
        return store.queues().stream().map(QueueName::parse).flatMap(java.util.Optional::stream)
                .filter(q -> q.module().filter(module::equals).isPresent())
                .sorted(QueueName.DELIVERY_ORDER).toList();
    }
}
