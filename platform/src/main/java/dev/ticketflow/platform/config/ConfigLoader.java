package dev.ticketflow.platform.config;

/** STUB: reads conf/ticketflow.yaml with ${ENV} interpolation and TICKETFLOW_* overrides. */
public final class ConfigLoader {
    private ConfigLoader() {}
}
