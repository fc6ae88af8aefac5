package org.jpyc.conformance.check;

/**
 * The outcome of one check on one case and version. {@link #KNOWN_FAILURE} and {@link #NEW_PASS} come
 * from the ratchet ({@code org.jpyc.conformance.run.Ratchet}): a failure of a case outside the committed
 * pass list, which does not fail the run, and a pass of such a case, which is a pass to be added to it.
 */
public enum Status {
    PASSED, FAILED, SKIPPED, KNOWN_FAILURE, NEW_PASS;

    /** Passed, whether or not the ratchet knew the case. */
    public boolean isPass() {
        return this == PASSED || this == NEW_PASS;
    }
}
