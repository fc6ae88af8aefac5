package org.jpyc.conformance.cli;

import java.util.List;
import org.jpyc.cli.CommandProvider;

/** Adds {@code conformance} and {@code oracle} to {@code jpyc} (ServiceLoader). */
public final class ConformanceCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new ConformanceCommand(), new OracleCommand());
    }
}
