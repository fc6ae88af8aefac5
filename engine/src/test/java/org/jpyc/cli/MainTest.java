package org.jpyc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line {@link Main#main} builds for its arguments against the whole one ({@link Main#commandLine()}). */
class MainTest {
    @Test
    void engineCommandNamesAreTheirAnnotations() {
        for (String name : Main.ENGINE_COMMANDS) {
            assertEquals(name, Main.engineCommand(name).getClass().getAnnotation(Command.class).name());
        }
        assertNull(Main.engineCommand("no-such-command"));
        assertEquals(List.copyOf(Main.commandLine().getSubcommands().keySet()).subList(0, Main.ENGINE_COMMANDS.size()),
                Main.ENGINE_COMMANDS);
    }

    @Test
    void aCommandIsBuiltAlone() {
        for (String name : List.of("compile", "compileall", "tokenize")) {
            CommandLine cl = Main.commandLine(name);
            assertEquals(List.of(name), List.copyOf(cl.getSubcommands().keySet()));
            // the same model as in the whole command line: same options, same help
            assertEquals(Main.commandLine().getSubcommands().get(name).getUsageMessage(), cl.getSubcommands().get(name).getUsageMessage());
        }
        assertEquals(true, Main.commandLine("compileall").getSubcommands().get("compileall").isAbbreviatedOptionsAllowed());
    }

    @Test
    void theTopLevelHelpAndErrorsAreThoseOfTheWholeCommandLine() {
        assertEquals(Main.commandLine().getUsageMessage(), Main.commandLine(null).getUsageMessage());
        assertEquals(Main.commandLine().getUsageMessage(), Main.commandLine("--help").getUsageMessage());
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"--version"}, new String[] {"frob"}, new String[] {"-x"},
                new String[] {}, new String[] {"compile", "--help"}, new String[] {"compile"}, new String[] {"ast", "--target"})) {
            assertEquals(run(true, args), run(false, args), String.join(" ", args));
        }
        assertTrue(run(false, new String[] {"compile", "--help"}).contains("Usage: jpyc compile"));
        assertTrue(run(false, new String[] {"frob"}).contains("Did you mean"));
    }

    /** Exit status, stdout and stderr of {@code jpyc ARGS} on the command line {@code Main.commandLine(first)} builds (null: the whole one). */
    private static String run(boolean whole, String[] args) {
        InProcess.Result r = InProcess.run(() -> whole ? Main.commandLine() : Main.commandLine(args.length > 0 ? args[0] : null), args);
        return r.status() + "\n" + r.out() + "\n--\n" + r.err();
    }
}
