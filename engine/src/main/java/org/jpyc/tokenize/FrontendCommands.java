package org.jpyc.tokenize;

import java.util.List;
import org.jpyc.cli.CommandProvider;

/** Adds the frontend's commands ({@code tokenize}) to {@code jpyc}. */
public final class FrontendCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new TokenizeCommand());
    }
}
