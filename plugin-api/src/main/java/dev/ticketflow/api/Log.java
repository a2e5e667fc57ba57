package dev.ticketflow.api;

/**
 * A logger tagged with the plugin id (and, in an {@link EventContext}, the event id).
 * Messages use SLF4J-style {@code {}} placeholders; a trailing {@link Throwable} argument is
 * logged with its stack trace. Thread-safe.
 *
 * @since 0.1
 */
public interface Log {

    /**
     * Logs at debug level.
     *
     * @param message the message with {@code {}} placeholders
     * @param args the arguments
     * @since 0.1
     */
    void debug(String message, Object... args);

    /**
     * Logs at info level.
     *
     * @param message the message with {@code {}} placeholders
     * @param args the arguments
     * @since 0.1
     */
    void info(String message, Object... args);

    /**
     * Logs at warn level.
     *
     * @param message the message with {@code {}} placeholders
     * @param args the arguments
     * @since 0.1
     */
    void warn(String message, Object... args);

    /**
     * Logs at error level.
     *
     * @param message the message with {@code {}} placeholders
     * @param args the arguments
     * @since 0.1
     */
    void error(String message, Object... args);
}
