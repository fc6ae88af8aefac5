package org.jpyc.cli;

import org.jpyc.compile.Compiler;
import org.jpyc.version.PyVersion;

/**
 * What {@code jpyc compile} asks of the compiler: the marshalled code object for a source (the bytes
 * after the pyc header). The default is {@link Compiler#compile} then {@link Compiler#marshal}; tests
 * put a stand-in here.
 */
@FunctionalInterface
interface PycBackend {
    /**
     * @throws org.jpyc.source.PyCompileError for a source CPython rejects
     */
    byte[] marshalledCode(byte[] source, String filename, PyVersion target, int optimize);

    PycBackend JPYC = (source, filename, target, optimize) ->
            Compiler.marshal(Compiler.compile(source, filename, target, optimize), target);

    /** As {@code python -m compileall}'s process compiles ({@link Compiler.Host#COMPILEALL}). */
    PycBackend COMPILEALL = (source, filename, target, optimize) ->
            Compiler.marshal(Compiler.compile(source, filename, target, optimize, Compiler.Host.COMPILEALL), target);

    /** As a worker process of {@code python -m compileall -j N} compiles ({@link Compiler.Host#COMPILEALL_WORKER}). */
    PycBackend COMPILEALL_WORKER = (source, filename, target, optimize) ->
            Compiler.marshal(Compiler.compile(source, filename, target, optimize, Compiler.Host.COMPILEALL_WORKER), target);
}
