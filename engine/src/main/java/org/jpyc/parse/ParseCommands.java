package org.jpyc.parse;

import java.util.List;
import org.jpyc.cli.CommandProvider;

/** Adds the parser's command ({@code ast}) to {@code jpyc}. */
public final class ParseCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new AstCommand());
    }
}
