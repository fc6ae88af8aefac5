package org.jpyc.conformance.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One real CPython interpreter answering questions through the driver ({@code driver.py}). One
 * instance is one interpreter process; it is not thread-safe (use one per worker). Every method
 * either answers or throws {@link OracleException} within the configured timeout.
 */
public interface Oracle extends AutoCloseable {
    OracleInfo info();

    /** Compiles sources; answers come from the on-disk cache when this exact interpreter answered before. */
    List<SourceAnswer> compile(List<SourceRequest> requests);

    /** The interpreter's own standard library {@code .py} files, as paths relative to its stdlib directory. */
    List<String> stdlibFiles();

    /** Reads some of {@link #stdlibFiles()}. */
    Map<String, byte[]> readStdlib(List<String> relativePaths);

    /**
     * Where two pycs differ as Python objects (CPython loads both): the first differing code object's
     * qualified path, field, and both disassembled. See {@code op_explain_pyc} in the driver.
     */
    JsonNode explainPyc(byte[] expected, byte[] actual);

    /**
     * A raw driver operation, uncached: {@code importlib} (cache_from_source / source_from_cache /
     * source_hash calls).
     * {@code args} holds the operation's fields; the reply's {@code ok} object is returned.
     */
    JsonNode call(String op, ObjectNode args);

    @Override
    void close();
}
