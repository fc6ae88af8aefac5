package org.jpyc.conformance.run;

import org.jpyc.version.PyVersion;

/** Progress of a run (the CLI prints it to stderr). Called from worker threads. */
public interface RunListener {
    RunListener NONE = new RunListener() {};

    default void versionStarted(PyVersion v, int cases) {}

    default void caseDone(PyVersion v, int done, int total) {}

    default void versionFailed(PyVersion v, String message) {}
}
