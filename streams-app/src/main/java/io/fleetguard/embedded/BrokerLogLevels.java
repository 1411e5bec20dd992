package io.fleetguard.embedded;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Turns the in-process broker's INFO chatter down to WARN, leaving every logger that the
 * application's logback configuration names explicitly untouched.
 */
final class BrokerLogLevels {

    /** Server-side packages only: the app's own clients log under org.apache.kafka.clients. */
    private static final List<String> BROKER_LOGGERS = List.of(
        "kafka",
        "state.change.logger",
        "org.apache.kafka.controller",
        "org.apache.kafka.coordinator",
        "org.apache.kafka.deferred",
        "org.apache.kafka.image",
        "org.apache.kafka.metadata",
        "org.apache.kafka.network",
        "org.apache.kafka.queue",
        "org.apache.kafka.raft",
        "org.apache.kafka.server",
        "org.apache.kafka.snapshot",
        "org.apache.kafka.storage",
        "org.apache.kafka.timeline");

    private BrokerLogLevels() {
    }

    static void quiet() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another slf4j binding: its own configuration decides
        }
        for (String name : BROKER_LOGGERS) {
            ch.qos.logback.classic.Logger logger = context.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARN);
            }
        }
    }
}
