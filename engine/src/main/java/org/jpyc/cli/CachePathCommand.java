package org.jpyc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Stub: to be implemented. */
@Command(name = "cache-path", description = "(not implemented yet)")
public final class CachePathCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("jpyc cache-path: not implemented yet");
        return 2;
    }
}
