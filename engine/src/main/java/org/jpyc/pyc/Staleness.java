package org.jpyc.pyc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import org.jpyc.util.FileBytes;

/**
 * The check {@code SourceLoader.get_code} makes (3.7+) before it trusts a cached .pyc:
 * {@code _classify_pyc}, then {@code _validate_hash_pyc} or {@code _validate_timestamp_pyc}. The
 * reasons are importlib's own messages; the logic is the same in 3.9 - 3.15.
 */
public final class Staleness {
    private Staleness() {}

    /** {@code --check-hash-based-pycs} ({@code _imp.check_hash_based_pycs}). */
    public enum CheckHashBasedPycs {
        /** Check checked-hash pycs only. */
        DEFAULT,
        /** Check every hash-based pyc. */
        ALWAYS,
        /** Never check hash-based pycs. */
        NEVER
    }

    /**
     * What importlib's {@code path_stats} reports for the source: {@code int(st_mtime)} and
     * {@code st_size}.
     */
    public record SourceStat(long mtime, long size) {
        /** Stat a file the way importlib does. */
        public static SourceStat of(Path source) throws IOException {
            BasicFileAttributes a = Files.readAttributes(source, BasicFileAttributes.class);
            return new SourceStat(pythonMtime(a.lastModifiedTime().toInstant()), a.size());
        }

        /**
         * {@code int(st.st_mtime)}: st_mtime is the double {@code sec + nsec * 1e-9} (so it may round up
         * to the next second) and {@code int()} truncates toward zero.
         */
        public static long pythonMtime(Instant t) {
            double d = t.getEpochSecond() + t.getNano() * 1e-9;
            return (long) d;
        }
    }

    /**
     * The outcome: whether the pyc would be used, and if not, why and how importlib would write its
     * replacement (a stale hash-based pyc is replaced by a hash-based one with the same check_source flag).
     *
     * @param fresh         whether importlib would load the cached code
     * @param reason        importlib's message when not fresh (the ImportError/EOFError text), else a note
     * @param rewriteMode   the invalidation mode of the pyc importlib writes after recompiling
     * @param sourceHashed  whether the check read and hashed the source
     */
    public record Verdict(boolean fresh, String reason, InvalidationMode rewriteMode, boolean sourceHashed) {}

    /**
     * Decides like {@code get_code} of {@code rules.version()}.
     *
     * @param pyc    the cached file's bytes (only the header is inspected)
     * @param name   the module name importlib puts in its messages
     * @param stat   the source's stat
     * @param source supplies the source bytes, read only when a hash must be checked
     */
    public static Verdict check(PycacheRules rules, byte[] pyc, String name, SourceStat stat,
                                Supplier<byte[]> source, CheckHashBasedPycs mode) {
        Objects.requireNonNull(pyc, "pyc");
        String n = PyText.repr(name);
        // _classify_pyc
        byte[] expected = rules.magic().bytes();
        byte[] magic = Arrays.copyOf(pyc, Math.min(4, pyc.length));
        if (!Arrays.equals(magic, expected)) {
            return stale("bad magic number in " + n + ": " + PyText.repr(magic), InvalidationMode.TIMESTAMP, false);
        }
        if (pyc.length < 16) {
            return stale("reached EOF while reading pyc header of " + n, InvalidationMode.TIMESTAMP, false);
        }
        long flags = PycHeader.u32(pyc, 4);
        if ((flags & ~PycHeader.KNOWN_FLAGS) != 0) {
            return stale("invalid flags " + flags + " in " + n, InvalidationMode.TIMESTAMP, false);
        }
        InvalidationMode kind = InvalidationMode.ofFlags((int) flags);
        if (kind != InvalidationMode.TIMESTAMP) {
            boolean checkSource = kind == InvalidationMode.CHECKED_HASH;
            if (mode != CheckHashBasedPycs.NEVER && (checkSource || mode == CheckHashBasedPycs.ALWAYS)) {
                byte[] hash = rules.sourceHash(source.get());
                if (!Arrays.equals(hash, 0, 8, pyc, 8, 16)) {
                    return stale("hash in bytecode doesn't match hash of source " + n, kind, true);
                }
                return new Verdict(true, "source hash matches", kind, true);
            }
            return new Verdict(true, "hash-based pyc not checked", kind, false);
        }
        // _validate_timestamp_pyc
        if (PycHeader.u32(pyc, 8) != (stat.mtime() & 0xFFFFFFFFL)
                || PycHeader.u32(pyc, 12) != (stat.size() & 0xFFFFFFFFL)) {
            return stale("bytecode is stale for " + n, InvalidationMode.TIMESTAMP, false);
        }
        return new Verdict(true, "mtime and size match", InvalidationMode.TIMESTAMP, false);
    }

    /** {@link #check} on files: reads the pyc and stats the source; source bytes read lazily. */
    public static Verdict check(PycacheRules rules, Path pyc, Path source, String name, CheckHashBasedPycs mode)
            throws IOException {
        byte[] data = FileBytes.read(pyc);
        SourceStat st = SourceStat.of(source);
        return check(rules, data, name, st, () -> {
            try {
                return FileBytes.read(source);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, mode);
    }

    private static Verdict stale(String reason, InvalidationMode rewrite, boolean hashed) {
        return new Verdict(false, reason, rewrite, hashed);
    }

}
