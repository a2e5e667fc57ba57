package dev.ticketflow.plugins.venting.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A customer message the team wrote and labelled, one the embedding component compares new
 * messages with.
 *
 * @param id the example's id
 * @param label its label
 * @param text the message
 */
public record LabelledExample(String id, Label label, String text) {

    /**
     * The examples shipped with the plugin, one JSON object a line: the team's dev split (the
     * one the rules were written on) and a larger training set the rules never saw.
     */
    public static final List<String> DEFAULT_RESOURCES = List.of("venting-examples.jsonl", "venting-training.jsonl");

    /**
     * Reads the shipped examples.
     *
     * @return the examples, in file order
     */
    public static List<LabelledExample> defaults() {
        List<LabelledExample> examples = new ArrayList<>();
        for (String resource : DEFAULT_RESOURCES) {
            try (InputStream in = LabelledExample.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the plugin");
                }
                examples.addAll(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return examples;
    }

    /**
     * Parses JSON lines with {@code id}, {@code label} and {@code text} (other keys are ignored).
     *
     * @param jsonLines the lines
     * @return the examples
     */
    public static List<LabelledExample> parse(String jsonLines) {
        // a JSON object is a YAML flow mapping: the YAML reader the rules use reads these too
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<LabelledExample> examples = new ArrayList<>();
        for (String line : jsonLines.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Map<?, ?> fields = yaml.load(line);
            examples.add(new LabelledExample(String.valueOf(fields.get("id")),
                    Label.ofId(String.valueOf(fields.get("label"))), String.valueOf(fields.get("text"))));
        }
        return examples;
    }
}
