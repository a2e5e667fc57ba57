package dev.ticketflow.platform.cli;

import dev.ticketflow.platform.config.TicketflowConfig;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bin/ticketflow}: {@code start} (the default), {@code plugins}, {@code send FILE},
 * {@code zendesk install}, {@code replay}.
 * The script sets {@code TICKETFLOW_HOME} to the installation folder; configuration is read from
 * {@code $TICKETFLOW_HOME/conf/ticketflow.yaml} unless {@code --config} names another file.
 */
@Command(name = "ticketflow",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Receives help-desk ticket events and hands them to plugins. Without a command: start.",
        subcommands = {StartCommand.class, PluginsCommand.class, SendCommand.class, ZendeskCommand.class,
            ReplayCommand.class, CommandLine.HelpCommand.class})
public final class TicketflowCli implements Callable<Integer> {

    private final Map<String, String> env;

    @Mixin
    ConfigOptions configOptions;

    /**
     * A command line over an environment.
     *
     * @param env the environment ({@code TICKETFLOW_HOME}, {@code TICKETFLOW_*} overrides,
     *     {@code ${VAR}} values)
     */
    public TicketflowCli(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    Map<String, String> env() {
        return env;
    }

    /**
     * Loads the configuration for a subcommand: its own {@code --config}, else the one given
     * before the subcommand, else the installation's.
     */
    TicketflowConfig config(ConfigOptions subcommandOptions) {
        ConfigOptions chosen = subcommandOptions.configFile != null ? subcommandOptions : configOptions;
        return chosen.load(env);
    }

    @Override
    public Integer call() {
        return StartCommand.run(configOptions.load(env));
    }

    /**
     * The configured command line, ready to execute.
     *
     * @param env the environment
     * @return the command line
     */
    public static CommandLine commandLine(Map<String, String> env) {
        CommandLine cli = new CommandLine(new TicketflowCli(env));
        cli.setExecutionExceptionHandler((failure, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("ticketflow: " + failure.getMessage());
            err.flush();
            return 1;
        });
        return cli;
    }

    public static void main(String[] args) {
        CommandLine cli = commandLine(System.getenv());
        int code = cli.execute(args);
        // a started server keeps running on Vert.x's threads until SIGTERM / Ctrl-C
        if (code != 0 || !startedServer(cli)) {
            System.exit(code);
        }
    }

    private static boolean startedServer(CommandLine cli) {
        CommandLine.ParseResult parsed = cli.getParseResult();
        if (parsed == null || parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
            return false;
        }
        return !parsed.hasSubcommand()
                || parsed.subcommand().commandSpec().userObject() instanceof StartCommand;
    }
}
