package dev.ticketflow.platform.plugin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The private copies plugins are loaded from. An operator replacing or deleting a file in the
 * plugins folder must never pull a jar from under a live class loader, so each plugin file is
 * copied here first and PF4J only ever opens the copy. Blocking.
 */
public final class PluginFileCache {

    private final Path dir;

    public PluginFileCache(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Removes the copies a previous run left behind and creates the folder. */
    public void reset() {
        deleteRecursively(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies a plugin file, naming the copy after its content so that two versions never share a
     * path.
     *
     * @param source the file in the plugins folder
     * @return the copy and its SHA-256
     */
    public CachedCopy copy(Path source) throws IOException {
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".copy-", ".tmp");
        String sha256;
        try (InputStream in = new DigestInputStream(Files.newInputStream(source), sha256Digest());
                OutputStream out = Files.newOutputStream(temp)) {
            in.transferTo(out);
            sha256 = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path target = dir.resolve(name.substring(0, dot) + "-" + sha256.substring(0, 12) + name.substring(dot));
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new CachedCopy(target, sha256);
    }

    /**
     * The SHA-256 of a file, to tell a touched file from a replaced one.
     *
     * @param file the file
     * @return the hex digest
     */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256Digest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }

    /** Deletes a copy and the folder PF4J expanded a zip copy into. */
    public void delete(Path copy) {
        deleteRecursively(copy);
        String name = copy.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            deleteRecursively(copy.resolveSibling(name.substring(0, name.length() - 4)));
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** A plugin file's private copy. */
    public record CachedCopy(Path path, String sha256) {}
}
