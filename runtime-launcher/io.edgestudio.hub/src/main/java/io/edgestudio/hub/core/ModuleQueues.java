package io.edgestudio.hub.core;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds a module's input queues among the store's queues, in delivery order. */
final class ModuleQueues {

    private ModuleQueues() {
    }

    static List<QueueName> of(Set<String> queues, String module) {
        return queues.stream().map(QueueName::parse).flatMap(Optional::stream)
                .filter(q -> q.module().filter(module::equals).isPresent())
                .sorted(QueueName.DELIVERY_ORDER).toList();
    }
}
