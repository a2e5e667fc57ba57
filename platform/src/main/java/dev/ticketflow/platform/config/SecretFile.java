package dev.ticketflow.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A secret kept in a file of the data folder that only its owner may read ({@code rw-------}):
 * generated at first start when the operator configured none, and reused afterwards. Blocking;
 * call it from a worker thread or {@code main}.
 */
public final class SecretFile {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretFile() {}

    /** What {@link #readOrCreate} found. */
    public record Secret(String value, Path file, boolean generated) {}

    /**
     * Reads the secret in {@code file}, or writes a new one there.
     *
     * @param file the secret's file
     * @param generator makes a new secret
     * @return the secret and whether it was generated now
     * @throws UncheckedIOException when the file cannot be read or written
     */
    public static Secret readOrCreate(Path file, Supplier<String> generator) {
        try {
            if (Files.exists(file)) {
                return new Secret(read(file), file, false);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            String value = generator.get();
            try {
                create(file);
            } catch (FileAlreadyExistsException raced) {
                return new Secret(read(file), file, false);
            }
            Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
            return new Secret(value, file, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an existing secret file.
     *
     * @param file the file
     * @return its trimmed content
     * @throws IOException when it cannot be read or is empty
     */
    public static String read(Path file) throws IOException {
        String value = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (value.isEmpty()) {
            throw new IOException(file + " is empty; delete it to have a new secret generated");
        }
        return value;
    }

    /**
     * Random bytes, base64 without padding (URL-safe, so the value can go into a header as is).
     *
     * @param bytes how many random bytes
     * @return the encoded value
     */
    public static String randomUrlSafe(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    /**
     * Random bytes.
     *
     * @param count how many
     * @return the bytes, from a {@link SecureRandom}
     */
    public static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    // Created with its permissions rather than chmod-ed afterwards, so the secret is never
    // readable by others, not even for a moment.
    private static void create(Path file) throws IOException {
        if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(false, false);
            file.toFile().setWritable(true, true);
        }
    }
}
