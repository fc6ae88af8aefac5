package org.jpyc.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jpyc}: the command line. The engine's own commands are listed here ({@link #ENGINE_COMMANDS});
 * other modules (the conformance suite, the benchmarks) add theirs through {@link CommandProvider}
 * services.
 *
 * <p>Start-up: picocli builds a command's model by reflection over its fields, and {@code jpyc compile}
 * of one file spent more time building the models of all twenty commands (and loading every module's
 * providers) than compiling. {@link #main} therefore builds only the command it runs
 * ({@link #commandLine(String)}); the top-level help, {@code --version} and an unknown command get the
 * others as name-and-description entries read from their {@code @Command} annotations, which is all
 * the command list and picocli's "did you mean" suggestions read.
 */
@Command(name = "jpyc", mixinStandardHelpOptions = true, version = "jpyc 0.1.0",
        description = "Python source to the exact bytes CPython writes into __pycache__.")
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The engine's commands: the {@code name} of each one's {@code @Command}, in the order the help lists them. */
    static final List<String> ENGINE_COMMANDS = List.of("roundtrip", "dis", "header", "cache-path", "source-path", "source-hash",
            "compile", "compileall", "diff", "verify", "precompiler");

    /** A new engine command object for a name of {@link #ENGINE_COMMANDS}, or null. */
    static Object engineCommand(String name) {
        return switch (name) {
            case "roundtrip" -> new RoundtripCommand();
            case "dis" -> new DisCommand();
            case "header" -> new HeaderCommand();
            case "cache-path" -> new CachePathCommand();
            case "source-path" -> new SourcePathCommand();
            case "source-hash" -> new SourceHashCommand();
            case "compile" -> new CompileCommand();
            case "compileall" -> new CompileallCommand();
            case "diff" -> new DiffCommand();
            case "verify" -> new VerifyCommand();
            case "precompiler" -> new PrecompilerCommand();
            default -> null;
        };
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The whole command line: every command's full model. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (String name : ENGINE_COMMANDS) add(cl, engineCommand(name));
        for (Object cmd : providedCommands()) add(cl, cmd);
        return cl;
    }

    /**
     * The command line for arguments starting with {@code first}: when it names a command, that
     * command alone, with its full model; otherwise (an option of {@code jpyc} itself, no argument, an
     * unknown command) every command as a name and description only ({@link #listed}).
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new Main());
        Object engine = first == null ? null : engineCommand(first);
        if (engine != null) {
            add(cl, engine);
            return cl;
        }
        List<Object> provided = providedCommands();
        if (first != null) {
            for (Object cmd : provided) {
                if (names(cmd.getClass().getAnnotation(Command.class)).contains(first)) {
                    add(cl, cmd);
                    return cl;
                }
            }
        }
        for (String name : ENGINE_COMMANDS) cl.addSubcommand(listed(engineCommand(name).getClass()));
        for (Object cmd : provided) cl.addSubcommand(listed(cmd.getClass()));
        return cl;
    }

    private static void add(CommandLine cl, Object command) {
        CommandLine sub = new CommandLine(command);
        // argparse, whose options compileall mirrors, takes unique prefixes of long options (--hardlink, --inv)
        if (command instanceof CompileallCommand) sub.setAbbreviatedOptionsAllowed(true);
        cl.addSubcommand(sub);
    }

    private static List<Object> providedCommands() {
        List<Object> out = new ArrayList<>();
        for (CommandProvider p : ServiceLoader.load(CommandProvider.class)) out.addAll(p.commands());
        return out;
    }

    private static List<String> names(Command c) {
        List<String> n = new ArrayList<>(List.of(c.aliases()));
        n.add(0, c.name());
        return n;
    }

    /**
     * A command as the top-level help lists it: the name, aliases, header, description and hidden flag of
     * its {@code @Command}, without its options and parameters (which picocli would find by reflection).
     */
    static CommandSpec listed(Class<?> command) {
        Command c = command.getAnnotation(Command.class);
        CommandSpec s = CommandSpec.create().name(c.name()).aliases(c.aliases());
        s.usageMessage().header(c.header()).description(c.description()).hidden(c.hidden());
        return s;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("precompiler")) {
            // argparse's @FILE reading, not picocli's (see PrecompilerCommand)
            System.exit(PrecompilerCommand.run(java.util.Arrays.asList(args).subList(1, args.length), System.in, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("compile")) {
            // the common case of the command build tools run per action, without picocli's start-up (see parseDirect)
            CompileCommand direct = CompileCommand.parseDirect(java.util.Arrays.asList(args).subList(1, args.length));
            if (direct != null) System.exit(direct.call());
        }
        System.exit(commandLine(args.length > 0 ? args[0] : null).execute(args));
    }
}
