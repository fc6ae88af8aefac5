package org.jpyc.cli;

import java.util.List;

/** A module that adds subcommands to {@code jpyc} (found with {@link java.util.ServiceLoader}). */
public interface CommandProvider {
    /** picocli command objects (annotated with {@code @Command}). */
    List<Object> commands();
}
