package dev.ticketflow.platform.plugin.internal;

import dev.ticketflow.platform.PlatformException;

/** A plugin that cannot be loaded or started; the message is what the operator sees as its last error. */
public final class BrokenPluginException extends PlatformException {

    private static final long serialVersionUID = 1L;

    public BrokenPluginException(String reason) {
        super(reason);
    }

    public BrokenPluginException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
