package org.jpyc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.jpyc.compile.Compiler;
import org.jpyc.pyc.CacheWriter;
import org.jpyc.pyc.InvalidationMode;
import org.jpyc.pyc.PycHeader;
import org.jpyc.pyc.SourceHash;
import org.jpyc.pyc.Staleness;
import org.jpyc.source.PyCompileError;
import org.jpyc.util.FileBytes;
import org.jpyc.version.PyVersion;

/**
 * One precompilation, as rules_python's precompiler does it: for each triple in order,
 * {@code py_compile.compile(src, pyc, doraise=True, dfile=src_name, optimize=optimize,
 * invalidation_mode=mode)} of the target version, stopping at the first failure (the triples before it
 * are written). Steps of {@code py_compile.compile}, each mirrored: refuse a {@code cfile} that is a
 * symlink or exists and is not a regular file; read the source; compile it with {@code co_filename} =
 * {@code src_name}; a timestamp header from the source's mtime and size, or a hash-based one (checked
 * for {@code CHECKED_HASH}); create missing directories; write atomically with the source's mode
 * ({@link CacheWriter}).
 *
 * <p>Exit status: 0, 1 for a rejected source or a file that cannot be read or written, 2 for a command
 * line refused (see {@link PrecompilerOptions}), 3 for a failure of jpyc itself (rules_python's worker
 * answers 3 for its unhandled errors).
 */
final class Precompiler {
    private Precompiler() {}

    /** What became of a request: its exit status and the text for the response's {@code output} (or stderr). */
    record Outcome(int exitCode, String output) {}

    /** Asked before each file and, under its lock, around each write: a cancelled request writes nothing more. */
    interface Guard {
        /** Runs {@code write} unless cancelled; returns false (without running it) when cancelled. */
        boolean write(Runnable write);

        boolean cancelled();

        Guard NONE = new Guard() {
            @Override
            public boolean write(Runnable write) {
                write.run();
                return true;
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }

    /**
     * Runs a command line (paths relative to {@code base}); {@code verbose} lists each pyc written in the
     * output.
     */
    static Outcome run(PrecompilerOptions o, Path base, PycBackend backend, Guard guard, boolean verbose) {
        PyVersion v;
        InvalidationMode mode;
        try {
            o.checkForCompile();
            mode = o.mode();
            v = PyVersion.parse(o.pythonVersion());
        } catch (PrecompilerOptions.UsageError | IllegalArgumentException e) {
            return new Outcome(2, "jpyc precompiler: " + e.getMessage() + "\n");
        }
        if (!Compiler.targets(v)) {
            return new Outcome(2, "jpyc precompiler: --python_version " + o.pythonVersion() + ": the compiler does not target CPython "
                    + v + " yet (targets: " + Compiler.targets().stream().sorted().map(String::valueOf).toList() + ")\n");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < o.srcs().size(); i++) {
            if (guard.cancelled()) return new Outcome(1, out + "jpyc precompiler: cancelled\n");
            Outcome one = compileOne(base.resolve(o.srcs().get(i)), o.srcNames().get(i), base.resolve(o.pycs().get(i)), v,
                    o.effectiveOptimize(), mode, backend, guard);
            if (one.exitCode() != 0) return new Outcome(one.exitCode(), out + one.output());
            if (verbose) out.append(one.output());
        }
        return new Outcome(0, out.toString());
    }

    private static Outcome compileOne(Path src, String srcName, Path pyc, PyVersion v, int optimize, InvalidationMode mode,
            PycBackend backend, Guard guard) {
        if (Files.isSymbolicLink(pyc)) {
            return new Outcome(1, "FileExistsError: " + pyc + " is a symlink and will be changed into a regular file if "
                    + "import writes a byte-compiled file to it\n");
        }
        if (Files.exists(pyc, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(pyc, LinkOption.NOFOLLOW_LINKS)) {
            return new Outcome(1, "FileExistsError: " + pyc + " is a non-regular file and will be changed into a regular one "
                    + "if import writes a byte-compiled file to it\n");
        }
        byte[] source;
        BasicFileAttributes attrs;
        try {
            source = FileBytes.read(src);
            attrs = Files.readAttributes(src, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return new Outcome(1, "FileNotFoundError: [Errno 2] No such file or directory: '" + src + "'\n");
        } catch (IOException e) {
            return new Outcome(1, "jpyc precompiler: cannot read " + src + ": " + e + "\n");
        }
        byte[] body;
        try {
            body = backend.marshalledCode(source, srcName, v, optimize);
        } catch (PyCompileError e) {
            return new Outcome(1, PyCompileErrorText.of(e, source, srcName, v));
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome(3, "jpyc precompiler: " + srcName + ": jpyc failed: " + e + "\n");
        }
        PycHeader header = switch (mode) {
            case TIMESTAMP -> PycHeader.timestamp(v, Staleness.SourceStat.pythonMtime(attrs.lastModifiedTime().toInstant()), attrs.size());
            case CHECKED_HASH -> PycHeader.hashBased(v, SourceHash.of(v, source), true);
            case UNCHECKED_HASH -> PycHeader.hashBased(v, SourceHash.of(v, source), false);
        };
        byte[] head = header.toBytes();
        byte[] data = new byte[head.length + body.length];
        System.arraycopy(head, 0, data, 0, head.length);
        System.arraycopy(body, 0, data, head.length, body.length);
        CacheWriter.Result[] w = new CacheWriter.Result[1];
        if (!guard.write(() -> w[0] = new CacheWriter(false).cacheBytecode(src, pyc, data))) {
            return new Outcome(1, "jpyc precompiler: cancelled\n");
        }
        if (w[0].outcome() != CacheWriter.Outcome.WRITTEN) return new Outcome(1, "jpyc precompiler: " + w[0].detail() + "\n");
        return new Outcome(0, "jpyc precompiler: wrote " + pyc + " (" + data.length + " bytes)\n");
    }
}
