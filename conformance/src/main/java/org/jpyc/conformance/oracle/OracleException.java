package org.jpyc.conformance.oracle;

/**
 * An oracle could not answer: interpreter missing, driver crashed or timed out, reply garbled. The
 * message always names the provider and the Python version, so a failed run says which oracle broke.
 */
public final class OracleException extends RuntimeException {
    public OracleException(String provider, String version, String message) {
        super(provider + " oracle " + version + ": " + message);
    }

    public OracleException(String provider, String version, String message, Throwable cause) {
        super(provider + " oracle " + version + ": " + message, cause);
    }
}
