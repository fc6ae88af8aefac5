package org.jpyc.cli;

import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code jpyc}: the command line. The engine's own commands are listed here; other modules (the
 * conformance suite) add theirs through {@link CommandProvider} services.
 */
@Command(name = "jpyc", mixinStandardHelpOptions = true, version = "jpyc 0.1.0",
        description = "Python source to the exact bytes CPython writes into __pycache__.",
        subcommands = {
            RoundtripCommand.class,
            DisCommand.class,
            HeaderCommand.class,
            CachePathCommand.class,
            SourcePathCommand.class,
            SourceHashCommand.class,
            CompileCommand.class,
            CompileallCommand.class,
            DiffCommand.class,
            VerifyCommand.class,
            PrecompilerCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // argparse, whose options compileall mirrors, takes unique prefixes of long options (--hardlink, --inv)
        cl.getSubcommands().get("compileall").setAbbreviatedOptionsAllowed(true);
        for (CommandProvider p : ServiceLoader.load(CommandProvider.class)) {
            for (Object cmd : p.commands()) {
                cl.addSubcommand(cmd);
            }
        }
        return cl;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("precompiler")) {
            // argparse's @FILE reading, not picocli's (see PrecompilerCommand)
            System.exit(PrecompilerCommand.run(java.util.Arrays.asList(args).subList(1, args.length), System.in, System.out, System.err));
        }
        System.exit(commandLine().execute(args));
    }
}
