package dev.ticketflow.plugins.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtensionIndexTest {

    @Test
    void theAnnotationProcessorListsTheExtensionForPf4j() throws IOException {
        // test sources get an index of their own (empty); the one that counts is the main one
        List<String> indexes = new ArrayList<>();
        Enumeration<URL> found = getClass().getClassLoader().getResources("META-INF/extensions.idx");
        while (found.hasMoreElements()) {
            try (InputStream index = found.nextElement().openStream()) {
                indexes.add(new String(index.readAllBytes(), StandardCharsets.UTF_8));
            }
        }

        assertThat(indexes).as("META-INF/extensions.idx written by PF4J's annotation processor")
                .anyMatch(index -> index.lines().anyMatch(line -> line.equals("dev.ticketflow.plugins.gitlab.GitLabIssueLinker")));
    }
}
