package org.jpyc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Stub: to be implemented. */
@Command(name = "header", description = "(not implemented yet)")
public final class HeaderCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("jpyc header: not implemented yet");
        return 2;
    }
}
