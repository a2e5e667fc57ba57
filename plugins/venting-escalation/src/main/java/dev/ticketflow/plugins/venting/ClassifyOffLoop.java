package dev.ticketflow.plugins.venting;

import dev.ticketflow.plugins.venting.classify.Classification;
import dev.ticketflow.plugins.venting.classify.MessageClassifier;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Collection;

/**
 * Runs a classification on a worker thread, never on the event loop: a short message takes
 * microseconds, but a long one up to a millisecond, and the classify route is served on the
 * HTTP event loop.
 */
final class ClassifyOffLoop {

    private ClassifyOffLoop() {}

    static Future<Classification> classify(Vertx vertx, MessageClassifier classifier, String text,
            Collection<String> staffNames) {
        // unordered: messages of different tickets need not wait for each other
        return vertx.executeBlocking(() -> classifier.classify(text, staffNames), false);
    }
}
