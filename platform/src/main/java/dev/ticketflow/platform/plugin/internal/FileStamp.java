package dev.ticketflow.platform.plugin.internal;

/**
 * Size and modification time of a file in the plugins folder: a file is taken as completely
 * written once its stamp is the same in two scans in a row.
 */
public record FileStamp(long size, long modifiedMillis) {}
