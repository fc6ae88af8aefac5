package org.jpyc.conformance.check;

/**
 * One way of comparing jpyc with CPython. A check declares which oracle answers it needs and turns
 * one case's answers into a {@link CheckResult}. It must not throw for engine failures: an engine
 * exception is a {@link Status#FAILED} result carrying the exception text (see {@link EngineCall}).
 * Checks are registered by name in {@link Checks}.
 */
public interface Check {
    /** The name used in {@code --checks} and reports. */
    String name();

    Needs needs();

    /** What the check needs on one version (by default the same on all). */
    default Needs needs(org.jpyc.version.PyVersion v) {
        return needs();
    }

    CheckResult run(CheckContext ctx);
}
