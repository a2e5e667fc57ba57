package dev.ticketflow.plugins.venting;

import dev.ticketflow.plugins.venting.classify.Classification;
import dev.ticketflow.plugins.venting.classify.MessageClassifier;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Collection;

/**
 * Runs a classification where it belongs: the rules alone take microseconds and run in place;
 * with the sentence encoder a message takes milliseconds, so it runs on a worker thread, never
 * on the event loop.
 */
final class ClassifyOffLoop {

    private ClassifyOffLoop() {}

    static Future<Classification> classify(Vertx vertx, MessageClassifier classifier, String text,
            Collection<String> staffNames) {
        if (!classifier.usesEmbeddings()) {
            return Future.succeededFuture(classifier.classify(text, staffNames));
        }
        // unordered: messages of different tickets need not wait for each other
        return vertx.executeBlocking(() -> classifier.classify(text, staffNames), false);
    }
}
