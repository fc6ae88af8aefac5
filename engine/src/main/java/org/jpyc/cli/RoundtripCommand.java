package org.jpyc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Stub: to be implemented. */
@Command(name = "roundtrip", description = "(not implemented yet)")
public final class RoundtripCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("jpyc roundtrip: not implemented yet");
        return 2;
    }
}
