package dev.ticketflow.platform.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ticketflow.platform.intake.StandardWebhooks;
import dev.ticketflow.platform.mail.InvalidMailSettingsException;
import dev.ticketflow.platform.mail.MailSettings;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@code conf/ticketflow.yaml}: embedded defaults, then the file (with {@code ${VAR}} and
 * {@code ${VAR:-default}} taken from the environment), then the {@code TICKETFLOW_*} environment
 * overrides. Relative folders resolve against the installation folder. Anything it cannot use
 * (an unknown key, a wrong type, an unset variable) is a {@link ConfigException} naming the key.
 */
public final class ConfigLoader {

    /** Overrides {@code http.host}. */
    public static final String ENV_HTTP_HOST = "TICKETFLOW_HTTP_HOST";
    /** Overrides {@code http.port}. */
    public static final String ENV_HTTP_PORT = "TICKETFLOW_HTTP_PORT";
    /** Overrides {@code dataDir}. */
    public static final String ENV_DATA_DIR = "TICKETFLOW_DATA_DIR";
    /** Overrides {@code pluginsDir}. */
    public static final String ENV_PLUGINS_DIR = "TICKETFLOW_PLUGINS_DIR";
    /** Overrides {@code webhooks.secrets}: comma-separated {@code whsec_…} secrets. */
    public static final String ENV_WEBHOOK_SECRETS = "TICKETFLOW_WEBHOOK_SECRETS";
    /** Overrides {@code admin.token}. */
    public static final String ENV_ADMIN_TOKEN = "TICKETFLOW_ADMIN_TOKEN";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private ConfigLoader() {}

    /**
     * Loads the configuration.
     *
     * @param baseDir the installation folder; relative folders resolve against it
     * @param configFile the YAML file; when it does not exist the embedded defaults are used
     * @param env the environment (for interpolation and overrides)
     * @return the configuration
     * @throws ConfigException naming the key or variable that cannot be used
     */
    public static TicketflowConfig load(Path baseDir, Path configFile, Map<String, String> env) {
        TicketflowConfig config = TicketflowConfig.defaults(baseDir);
        if (Files.exists(configFile)) {
            JsonNode tree = new EnvInterpolation(env).interpolate(read(configFile), "");
            config = apply(config, bind(tree, configFile), baseDir);
        }
        config = applyEnvironment(config, env, baseDir);
        validate(config);
        return config;
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode tree = YAML.readTree(file.toFile());
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!tree.isObject()) {
                throw new ConfigException(file.toString(), "the top level must be a mapping of keys");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new ConfigException(file.toString(), "is not valid YAML: " + e.getOriginalMessage()
                    + location(e), e);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "cannot be read: " + e.getMessage(), e);
        }
    }

    private static ConfigFile bind(JsonNode tree, Path file) {
        try {
            return YAML.treeToValue(tree, ConfigFile.class);
        } catch (UnrecognizedPropertyException e) {
            String key = key(e);
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new ConfigException(key, "unknown key in " + file.getFileName()
                    + (known.isEmpty() ? "" : "; known keys here: " + known), e);
        } catch (InvalidFormatException e) {
            throw new ConfigException(key(e), "expected " + typeName(e.getTargetType()) + ", got '"
                    + e.getValue() + "'", e);
        } catch (MismatchedInputException e) {
            throw new ConfigException(key(e), "expected " + typeName(e.getTargetType()) + ", got "
                    + describe(at(tree, e)), e);
        } catch (JsonMappingException e) {
            throw new ConfigException(key(e), "has the wrong type: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file.toString(), e.getOriginalMessage(), e);
        }
    }

    private static TicketflowConfig apply(TicketflowConfig config, ConfigFile file, Path baseDir) {
        TicketflowConfig result = config;
        Path dataDir = file.dataDir() == null ? result.dataDir() : baseDir.resolve(file.dataDir());
        Path pluginsDir = file.pluginsDir() == null ? result.pluginsDir() : baseDir.resolve(file.pluginsDir());
        result = result.withDirs(dataDir, pluginsDir);
        if (file.http() != null) {
            ConfigFile.Http http = file.http();
            if (http.host() != null) {
                result = result.withHttpHost(http.host());
            }
            if (http.port() != null) {
                result = result.withHttpPort(http.port());
            }
            if (http.maxBodyBytes() != null) {
                result = result.withMaxBodyBytes(http.maxBodyBytes());
            }
        }
        if (file.webhooks() != null && file.webhooks().secrets() != null) {
            // blank entries are absent ones: "- ${PREVIOUS_SECRET:-}" is how rotation is written
            result = result.withWebhookSecrets(nonBlank(file.webhooks().secrets()));
        }
        if (file.admin() != null && file.admin().token() != null && !file.admin().token().isBlank()) {
            result = result.withAdminToken(file.admin().token());
        }
        if (file.delivery() != null) {
            if (file.delivery().handlerTimeout() != null) {
                result = result.withHandlerTimeout(
                        duration("delivery.handlerTimeout", file.delivery().handlerTimeout()));
            }
            result = result.withDelivery(DeliveryConfig.read(file.delivery(), ConfigLoader::duration));
        }
        if (file.pluginHost() != null) {
            if (file.pluginHost().scanInterval() != null) {
                result = result.withPluginScanInterval(
                        duration("pluginHost.scanInterval", file.pluginHost().scanInterval()));
            }
            if (file.pluginHost().disabled() != null) {
                result = result.withDisabledPlugins(nonBlank(file.pluginHost().disabled()));
            }
        }
        boolean dryRunAll = file.dryRun() != null && file.dryRun();
        List<String> dryRunPlugins = file.pluginHost() != null && file.pluginHost().dryRun() != null
                ? nonBlank(file.pluginHost().dryRun()) : List.of();
        result = result.withDryRun(new DryRun(dryRunAll, dryRunPlugins));
        if (file.mail() != null && !file.mail().isNull()) {
            result = result.withMail(mail(file.mail()));
        }
        if (file.retention() != null) {
            result = result.withRetention(retention(result.retention(), file.retention()));
        }
        if (file.plugins() != null) {
            result = result.withPlugins(pluginSections(file.plugins()));
        }
        return result;
    }

    private static MailSettings mail(JsonNode section) {
        if (!section.isObject()) {
            throw new ConfigException("mail", "must be a mapping of SMTP settings (host, port, tls, username,"
                    + " password, from, dryRun), got " + describe(section));
        }
        try {
            return MailSettings.fromJson(new JsonObject(section.toString()));
        } catch (InvalidMailSettingsException e) {
            throw new ConfigException("mail." + e.key(), e.problem(), e);
        }
    }

    private static Retention retention(Retention defaults, ConfigFile.Retention section) {
        Retention result = defaults;
        if (section.timeline() != null) {
            result = result.withTimeline(duration("retention.timeline", section.timeline()));
        }
        if (section.deliveryIds() != null) {
            result = result.withDeliveryIds(duration("retention.deliveryIds", section.deliveryIds()));
        }
        if (section.pruneInterval() != null) {
            result = result.withPruneInterval(duration("retention.pruneInterval", section.pruneInterval()));
        }
        return result;
    }

    private static Map<String, JsonObject> pluginSections(Map<String, JsonNode> sections) {
        Map<String, JsonObject> result = new LinkedHashMap<>();
        sections.forEach((pluginId, section) -> {
            if (section == null || section.isNull()) {
                result.put(pluginId, new JsonObject());
            } else if (section.isObject()) {
                result.put(pluginId, new JsonObject(section.toString()));
            } else {
                throw new ConfigException("plugins." + pluginId,
                        "a plugin's section must be a mapping of its settings, got " + section.getNodeType());
            }
        });
        return result;
    }

    private static TicketflowConfig applyEnvironment(TicketflowConfig config, Map<String, String> env, Path baseDir) {
        TicketflowConfig result = config;
        String host = nonBlank(env.get(ENV_HTTP_HOST));
        if (host != null) {
            result = result.withHttpHost(host);
        }
        String port = nonBlank(env.get(ENV_HTTP_PORT));
        if (port != null) {
            try {
                result = result.withHttpPort(Integer.parseInt(port.trim()));
            } catch (NumberFormatException e) {
                throw new ConfigException(ENV_HTTP_PORT, "'" + port + "' is not a port number");
            }
        }
        String dataDir = nonBlank(env.get(ENV_DATA_DIR));
        String pluginsDir = nonBlank(env.get(ENV_PLUGINS_DIR));
        result = result.withDirs(
                dataDir == null ? result.dataDir() : baseDir.resolve(dataDir),
                pluginsDir == null ? result.pluginsDir() : baseDir.resolve(pluginsDir));
        String secrets = nonBlank(env.get(ENV_WEBHOOK_SECRETS));
        if (secrets != null) {
            result = result.withWebhookSecrets(Arrays.stream(secrets.split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList());
            validateSecrets(ENV_WEBHOOK_SECRETS, result.webhookSecrets());
        }
        String token = nonBlank(env.get(ENV_ADMIN_TOKEN));
        if (token != null) {
            result = result.withAdminToken(token);
        }
        return result;
    }

    private static void validate(TicketflowConfig config) {
        if (config.httpPort() < 0 || config.httpPort() > 65535) {
            throw new ConfigException("http.port", config.httpPort() + " is not a port (0-65535; 0 picks a free one)");
        }
        if (config.maxBodyBytes() <= 0) {
            throw new ConfigException("http.maxBodyBytes", "must be a positive number of bytes");
        }
        if (config.handlerTimeout().isNegative() || config.handlerTimeout().isZero()) {
            throw new ConfigException("delivery.handlerTimeout", "must be positive");
        }
        if (config.pluginScanInterval().isNegative() || config.pluginScanInterval().isZero()) {
            throw new ConfigException("pluginHost.scanInterval", "must be positive");
        }
        validateSecrets("webhooks.secrets", config.webhookSecrets());
        positive("retention.timeline", config.retention().timeline());
        positive("retention.deliveryIds", config.retention().deliveryIds());
        positive("retention.pruneInterval", config.retention().pruneInterval());
    }

    private static void positive(String key, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new ConfigException(key, "must be positive");
        }
    }

    private static void validateSecrets(String key, List<String> secrets) {
        try {
            StandardWebhooks.of(secrets, StandardWebhooks.DEFAULT_TOLERANCE);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, e.getMessage(), e);
        }
    }

    static Duration duration(String key, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, e.getMessage(), e);
        }
    }

    private static String key(JsonMappingException e) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                key.append(key.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                key.append('[').append(ref.getIndex()).append(']');
            }
        }
        return key.length() == 0 ? "(top level)" : key.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "a mapping" : type.getSimpleName();
    }

    private static JsonNode at(JsonNode tree, JsonMappingException e) {
        JsonNode node = tree;
        for (JsonMappingException.Reference ref : e.getPath()) {
            node = ref.getFieldName() != null ? node.path(ref.getFieldName()) : node.path(ref.getIndex());
        }
        return node;
    }

    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.isMissingNode() ? "something else" : "'" + node.asText() + "'";
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream().filter(value -> value != null && !value.isBlank()).map(String::trim).toList();
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
