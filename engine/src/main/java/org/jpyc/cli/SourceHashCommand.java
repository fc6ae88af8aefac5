package org.jpyc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Stub: to be implemented. */
@Command(name = "source-hash", description = "(not implemented yet)")
public final class SourceHashCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("jpyc source-hash: not implemented yet");
        return 2;
    }
}
