package dev.ticketflow.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The assembled distribution folder the build passes in {@code ticketflow.dist}. */
final class Distribution {

    private Distribution() {}

    static Path home() {
        String dir = System.getProperty("ticketflow.dist");
        if (dir == null) {
            throw new IllegalStateException("run these tests with Maven (mvn verify): they need the assembled"
                    + " distribution, passed in the system property ticketflow.dist");
        }
        Path home = Path.of(dir);
        if (!Files.isDirectory(home)) {
            throw new IllegalStateException(home + " does not exist: the assembly did not run");
        }
        return home;
    }

    static List<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(home().resolve(folder))) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
