package org.jpyc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Stub: to be implemented. */
@Command(name = "dis", description = "(not implemented yet)")
public final class DisCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("jpyc dis: not implemented yet");
        return 2;
    }
}
