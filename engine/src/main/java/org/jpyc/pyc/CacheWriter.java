package org.jpyc.pyc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes bytecode into the cache the way {@code SourceFileLoader} does (unchanged 3.9 - 3.15):
 * create missing parent directories one at a time, then {@code _write_atomic} -- write a temporary
 * file next to the target ({@code O_EXCL|O_CREAT|O_WRONLY}, mode {@code (source mode | 0o200) & 0o666},
 * minus the umask), then rename it over the target; on any failure remove the temporary file, so
 * the target is either the old file or the complete new one. As in importlib, failing to write is
 * not an error: the result says what happened.
 */
public final class CacheWriter {
    private static final AtomicLong COUNTER = new AtomicLong(System.nanoTime() & 0xFFFFFFFL);

    private final boolean dontWriteBytecode;

    /** @param dontWriteBytecode {@code sys.dont_write_bytecode}: when true nothing is written */
    public CacheWriter(boolean dontWriteBytecode) {
        this.dontWriteBytecode = dontWriteBytecode;
    }

    public enum Outcome { WRITTEN, SKIPPED_DONT_WRITE_BYTECODE, FAILED }

    /** @param detail why writing failed, or the written path */
    public record Result(Outcome outcome, String detail) {}

    /**
     * {@code _cache_bytecode(source_path, bytecode_path, data)}: mode from the source, then
     * {@code set_data}.
     */
    public Result cacheBytecode(Path source, Path bytecode, byte[] data) {
        if (dontWriteBytecode) return new Result(Outcome.SKIPPED_DONT_WRITE_BYTECODE, "sys.dont_write_bytecode is set");
        return setData(bytecode, data, calcMode(source));
    }

    /** {@code _calc_mode}: the source's st_mode with owner-write added; 0o666 if it cannot be stat'ed. */
    public static int calcMode(Path source) {
        int mode;
        try {
            Object m = Files.getAttribute(source, "unix:mode");
            mode = (Integer) m;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            mode = 0666; // octal
        }
        return mode | 0200; // octal: owner write
    }

    /** {@code set_data(path, data, _mode=mode)}: makes missing directories, then writes atomically. */
    public Result setData(Path path, byte[] data, int mode) {
        Path parent = path.toAbsolutePath().getParent();
        try {
            if (parent != null && !Files.isDirectory(parent)) {
                Files.createDirectories(parent);
            }
        } catch (FileAlreadyExistsException e) {
            // another process created it meanwhile (importlib continues); fall through to the write
        } catch (IOException | SecurityException e) {
            return new Result(Outcome.FAILED, "could not create " + parent + ": " + e);
        }
        try {
            writeAtomic(path, data, mode);
            return new Result(Outcome.WRITTEN, path.toString());
        } catch (IOException | SecurityException e) {
            return new Result(Outcome.FAILED, "could not create " + path + ": " + e);
        }
    }

    /**
     * {@code _write_atomic(path, data, mode)}: temporary file {@code path.N} in the same directory,
     * created exclusively with permissions {@code mode & 0o666} (the umask applies), written in full,
     * then renamed over {@code path}; on failure the temporary file is removed and the error rethrown.
     */
    public static void writeAtomic(Path path, byte[] data, int mode) throws IOException {
        Path tmp = path.resolveSibling(path.getFileName() + "." + COUNTER.incrementAndGet());
        FileAttribute<?>[] attrs = posix(path) ? new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(permissions(mode & 0666))} : new FileAttribute<?>[0];
        try (SeekableByteChannel ch = Files.newByteChannel(tmp,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs);
             OutputStream out = Channels.newOutputStream(ch)) {
            out.write(data);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                e.addSuppressed(ignored);
            }
            throw e;
        }
    }

    private static boolean posix(Path p) {
        Path dir = p.toAbsolutePath().getParent();
        return dir != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << i)) != 0) s.add(order[i]);
        }
        return s;
    }
}
