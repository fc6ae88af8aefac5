package org.jpyc.bench;

import java.util.List;
import org.jpyc.cli.CommandProvider;

/** Adds {@code bench}, {@code ab}, {@code status} and {@code bench-worker} to the {@code jpyc} command line. */
public final class BenchCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new BenchCommand(), new AbCommand(), new StatusCommand(), new WorkerBench());
    }
}
