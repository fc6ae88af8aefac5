package org.jpyc.conformance.oracle;

import java.util.List;
import org.jpyc.version.PyVersion;

/** A source of oracle interpreters: {@code embedded}, {@code docker} or {@code local}. */
public interface OracleProvider {
    String name();

    /** The versions this provider can give without starting anything expensive (may be a guess). */
    List<PyVersion> versions();

    /** Starts the interpreter for {@code version}; throws {@link OracleException} if there is none. */
    Oracle open(PyVersion version);
}
