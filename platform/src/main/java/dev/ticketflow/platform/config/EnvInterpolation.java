package dev.ticketflow.platform.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} in every string value of a parsed YAML
 * tree with the environment's values ({@code $${VAR}} keeps a literal {@code ${VAR}}). It works
 * on values, not on the raw text, so a secret with YAML syntax in it cannot change the
 * document's structure, and a value taken from the environment is never interpolated again.
 */
final class EnvInterpolation {

    private final Map<String, String> env;

    EnvInterpolation(Map<String, String> env) {
        this.env = env;
    }

    /**
     * Interpolates a tree in place.
     *
     * @param node the tree
     * @param path the dotted key of {@code node}, {@code ""} for the root
     * @return the interpolated node (the same node unless it is a string)
     * @throws ConfigException naming the key and the variable when a variable without default is
     *     not set
     */
    JsonNode interpolate(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, interpolate(object.get(name), path.isEmpty() ? name : path + "." + name));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, interpolate(array.get(i), path + "[" + i + "]"));
            }
            return array;
        }
        if (node.isTextual() && node.textValue().contains("${")) {
            return TextNode.valueOf(substitute(node.textValue(), path));
        }
        return node;
    }

    private String substitute(String value, String path) {
        String[] missing = new String[1];
        StringSubstitutor substitutor = new StringSubstitutor(name -> {
            String found = env.get(name);
            if (found == null) {
                missing[0] = name;
            }
            return found;
        });
        substitutor.setEnableUndefinedVariableException(true);
        substitutor.setDisableSubstitutionInValues(true);
        try {
            return substitutor.replace(value);
        } catch (IllegalArgumentException undefined) {
            throw new ConfigException(path, "environment variable ${" + missing[0]
                    + "} is not set; set it, or give a default as ${" + missing[0] + ":-value}");
        }
    }
}
