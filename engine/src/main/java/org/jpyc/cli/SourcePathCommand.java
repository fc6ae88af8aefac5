package org.jpyc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Stub: to be implemented. */
@Command(name = "source-path", description = "(not implemented yet)")
public final class SourcePathCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("jpyc source-path: not implemented yet");
        return 2;
    }
}
