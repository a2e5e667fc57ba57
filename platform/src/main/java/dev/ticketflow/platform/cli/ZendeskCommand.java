package dev.ticketflow.platform.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ticketflow zendesk …}: operator commands of the Zendesk connector plugin. */
@Command(name = "zendesk", mixinStandardHelpOptions = true,
        description = "Operator commands of the Zendesk connector (the zendesk-connector plugin must be loaded).",
        subcommands = ZendeskInstallCommand.class)
final class ZendeskCommand implements Callable<Integer> {

    @ParentCommand
    TicketflowCli parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
