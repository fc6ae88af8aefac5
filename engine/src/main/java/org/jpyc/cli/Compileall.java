package org.jpyc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jpyc.pyc.CacheWriter;
import org.jpyc.pyc.InvalidationMode;
import org.jpyc.pyc.Magic;
import org.jpyc.pyc.PycHeader;
import org.jpyc.pyc.PycachePathException;
import org.jpyc.pyc.PycacheRules;
import org.jpyc.pyc.PyText;
import org.jpyc.pyc.SourceHash;
import org.jpyc.pyc.Staleness;
import org.jpyc.source.PyCompileError;
import org.jpyc.util.FileBytes;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * {@code compileall.compile_dir} and {@code compile_file} of CPython 3.13 (3.14's are the same), with
 * {@code py_compile.compile(fullname, cfile, dfile, doraise=True, ...)} inside, on POSIX: which files are
 * visited and in what order, what is written where, what is printed to stdout and whether a file counts
 * as a failure. What compileall prints is appended to a {@link StringBuilder} per call, so that parallel
 * runs can print in a fixed order.
 *
 * <p>Paths are Python {@code str} paths handled as compileall handles them ({@code os.path.join},
 * {@code str.split('/')}); the file system is asked about them only as compileall asks
 * ({@code isfile}/{@code isdir} following links, {@code islink}).
 */
final class Compileall {
    /** A Python exception compileall does not catch: the interpreter prints a traceback and exits with 1. */
    static final class Uncaught extends RuntimeException {
        Uncaught(String pythonLine) {
            super(pythonLine, null, false, false);
        }
    }

    /** An {@code OSError} (or subclass) as {@code print(e.__class__.__name__ + ':', e)} shows it. */
    static final class PyOSError extends Exception {
        final String type;
        final String text;

        PyOSError(String type, String text) {
            super(type + ": " + text, null, false, false);
            this.type = type;
            this.text = text;
        }

        /**
         * The OSError CPython raises for the failed system call behind {@code e}, on {@code filename}
         * (and {@code filename2}, as {@code os.link} reports both).
         */
        static PyOSError of(IOException e, String filename, String filename2) {
            String type = "OSError";
            String errno = null;
            String reason = null;
            if (e instanceof NoSuchFileException) {
                type = "FileNotFoundError";
                errno = "2";
                reason = "No such file or directory";
            } else if (e instanceof AccessDeniedException) {
                type = "PermissionError";
                errno = "13";
                reason = "Permission denied";
            } else if (e instanceof FileAlreadyExistsException) {
                type = "FileExistsError";
                errno = "17";
                reason = "File exists";
            } else if (e instanceof NotDirectoryException) {
                type = "NotADirectoryError";
                errno = "20";
                reason = "Not a directory";
            } else if (e instanceof DirectoryNotEmptyException) {
                errno = "39";
                reason = "Directory not empty";
            } else {
                String r = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
                if (r == null) r = e.toString();
                reason = r;
                switch (r) {
                    case "Is a directory" -> { type = "IsADirectoryError"; errno = "21"; }
                    case "Not a directory" -> { type = "NotADirectoryError"; errno = "20"; }
                    case "No such file or directory" -> { type = "FileNotFoundError"; errno = "2"; }
                    case "Permission denied" -> { type = "PermissionError"; errno = "13"; }
                    case "File exists" -> { type = "FileExistsError"; errno = "17"; }
                    case "Operation not permitted" -> { type = "PermissionError"; errno = "1"; }
                    case "Read-only file system" -> errno = "30";
                    case "Too many levels of symbolic links" -> errno = "40";
                    case "Invalid cross-device link" -> errno = "18";
                    default -> { }
                }
            }
            StringBuilder sb = new StringBuilder();
            if (errno != null) sb.append("[Errno ").append(errno).append("] ");
            sb.append(reason);
            if (filename != null) {
                sb.append(": ").append(PyText.repr(filename));
                if (filename2 != null) sb.append(" -> ").append(PyText.repr(filename2));
            }
            return new PyOSError(type, sb.toString());
        }
    }

    /** {@code py_compile.PyCompileError}: its {@code msg}. */
    static final class CompileFailure extends Exception {
        final String msg;

        CompileFailure(String msg) {
            super(msg, null, false, false);
            this.msg = msg;
        }
    }

    /** jpyc itself failed on a source (not something CPython would print). */
    static final class JpycFailure extends RuntimeException {
        JpycFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    final PyVersion version;
    final PycBackend backend;
    /** {@code quiet}: 0 prints everything, 1 only errors, 2 nothing. */
    int quiet;
    boolean force;
    boolean legacy;
    boolean hardlinkDupes;
    /** {@code rx}: searched for in each full path; a match skips the file. */
    Pattern rx;
    /** {@code limit_sl_dest}: symlinks whose target is outside this directory are skipped. */
    String limitSlDest;
    /** py_compile's invalidation mode (already defaulted from {@code SOURCE_DATE_EPOCH}). */
    InvalidationMode mode = InvalidationMode.TIMESTAMP;
    /** {@code optimize}: the levels as given ({@code -1} is the interpreter's, 0 here). */
    List<Integer> optimize = List.of(-1);
    /** {@code os.getcwd()}: what relative paths are relative to (null: this JVM's working directory). */
    Path cwd;
    /** {@code sys.pycache_prefix} ({@code PYTHONPYCACHEPREFIX}), or null. */
    String pycachePrefix;

    Compileall(PyVersion version, PycBackend backend) {
        this.version = version;
        this.backend = backend;
    }

    /** The same settings with another compiler (compileall's worker processes compile in another state). */
    Compileall withBackend(PycBackend other) {
        Compileall c = new Compileall(version, other);
        c.quiet = quiet;
        c.force = force;
        c.legacy = legacy;
        c.hardlinkDupes = hardlinkDupes;
        c.rx = rx;
        c.limitSlDest = limitSlDest;
        c.mode = mode;
        c.optimize = optimize;
        c.cwd = cwd;
        c.pycachePrefix = pycachePrefix;
        return c;
    }

    // ---------------------------------------------------------------- walking

    /** One step of {@code _walk_dir}: a line it prints, or a file it yields. */
    record Step(String printed, String file) {}

    /**
     * {@code _walk_dir(dir, maxlevels, quiet)} run to the end: its prints and the files it yields, in
     * order. (Running it ahead of compiling is the same as compileall's lazy generator: compiling writes
     * only into {@code __pycache__}, which is skipped, or next to sources of directories already listed.)
     */
    List<Step> walkDir(String dir, int maxlevels) {
        List<Step> out = new ArrayList<>();
        walk(dir, maxlevels, out);
        return out;
    }

    private void walk(String dir, int maxlevels, List<Step> out) {
        if (quiet == 0) out.add(new Step("Listing " + PyText.repr(dir) + "...\n", null));
        List<String> names = new ArrayList<>();
        try {
            Path p = fs(dir);
            if (dir.endsWith("/") && !Files.isDirectory(p)) throw new NotDirectoryException(dir);
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                for (Path e : ds) names.add(e.getFileName().toString());
            }
        } catch (IOException | InvalidPathException | SecurityException e) {
            if (quiet < 2) out.add(new Step("Can't list " + PyText.repr(dir) + "\n", null));
            names.clear();
        }
        names.sort(Compileall::compareCodePoints);
        for (String name : names) {
            if (name.equals("__pycache__")) continue;
            String fullname = join(dir, name);
            if (!isdir(fullname)) {
                out.add(new Step(null, fullname));
            } else if (maxlevels > 0 && !name.equals(".") && !name.equals("..") && !islink(fullname)) {
                walk(fullname, maxlevels - 1, out);
            }
        }
    }

    // ---------------------------------------------------------------- one file

    /**
     * {@code compile_file(fullname, ddir, force, rx, quiet, legacy, optimize, invalidation_mode,
     * stripdir=, prependdir=, limit_sl_dest=, hardlink_dupes=)}: whether it succeeded.
     *
     * @throws Uncaught where compileall lets an exception through
     */
    boolean compileFile(String fullname, String ddir, String stripdir, String prependdir, StringBuilder out) {
        if (ddir != null && (stripdir != null || prependdir != null)) {
            throw new Uncaught("ValueError: Destination dir (ddir) cannot be used in combination with stripdir or prependdir");
        }
        boolean success = true;
        String name = basename(fullname);
        String dfile = null;
        if (ddir != null) dfile = join(ddir, name);
        if (stripdir != null && !version.has(Feature.COMPILEALL_STRIPDIR_PREFIX_ONLY)) {
            dfile = stripMatchingParts(fullname, stripdir);
        } else if (stripdir != null) {
            String[] fullnameParts = fullname.split("/", -1);
            String[] stripdirParts = stripdir.split("/", -1);
            boolean prefix = stripdirParts.length <= fullnameParts.length
                    && Arrays.equals(stripdirParts, Arrays.copyOf(fullnameParts, stripdirParts.length));
            if (!prefix) {
                if (quiet < 2) {
                    out.append("The stripdir path ").append(PyText.repr(stripdir)).append(" is not a valid prefix for source path ")
                            .append(PyText.repr(fullname)).append("; ignoring\n");
                }
            } else {
                String[] rest = Arrays.copyOfRange(fullnameParts, stripdirParts.length, fullnameParts.length);
                if (rest.length == 0) throw new Uncaught("TypeError: join() missing 1 required positional argument: 'a'");
                dfile = join(rest);
            }
        }
        if (prependdir != null) dfile = join(prependdir, dfile == null ? fullname : dfile);

        List<Integer> levels = new ArrayList<>(new TreeSet<>(optimize));
        if (hardlinkDupes && levels.size() < 2) {
            throw new Uncaught("ValueError: Hardlinking of duplicated bytecode makes sense only for more than one optimization level");
        }
        if (rx != null && rx.matcher(fullname).find()) return success;
        if (limitSlDest != null && islink(fullname)) {
            Path limit = pyResolve(limitSlDest);
            Path target = pyResolve(fullname);
            boolean inside = false;
            for (Path a = target.getParent(); a != null && !inside; a = a.getParent()) inside = a.equals(limit);
            if (!inside) return success;
        }
        if (!isfile(fullname)) return success;

        Map<Integer, String> cfiles = new LinkedHashMap<>();
        PycacheRules rules = PycacheRules.forVersion(version);
        for (int level : levels) {
            // cache_from_source(fullname, optimization=level or '') and, for a negative level, the
            // interpreter's own optimization level, which is 0 here
            String cfile;
            try {
                cfile = legacy ? fullname + "c" : rules.cacheFromSourceForLevel(fullname, Math.max(level, 0), pycachePrefix,
                        pycachePrefix == null ? null : (cwd != null ? cwd : Path.of("")).toAbsolutePath().toString());
            } catch (PycachePathException e) {
                throw new Uncaught(e.pythonText());
            }
            cfiles.put(level, cfile);
        }
        if (!name.endsWith(".py")) return success;
        if (!force && upToDate(fullname, cfiles.values())) return success;
        if (quiet == 0) out.append("Compiling ").append(PyText.repr(fullname)).append("...\n");
        try {
            for (int index = 0; index < levels.size(); index++) {
                int level = levels.get(index);
                String cfile = cfiles.get(level);
                pyCompile(fullname, cfile, dfile, level);
                if (index > 0 && hardlinkDupes) {
                    String previous = cfiles.get(levels.get(index - 1));
                    hardlinkIfSame(cfile, previous);
                }
            }
        } catch (CompileFailure e) {
            success = false;
            if (quiet >= 2) return success;
            if (quiet > 0) out.append("*** Error compiling ").append(PyText.repr(fullname)).append("...\n");
            else out.append("*** ");
            out.append(e.msg).append('\n');
        } catch (PyOSError e) {
            success = false;
            if (quiet >= 2) return success;
            if (quiet > 0) out.append("*** Error compiling ").append(PyText.repr(fullname)).append("...\n");
            else out.append("*** ");
            out.append(e.type).append(": ").append(e.text).append('\n');
        }
        return success;
    }

    /**
     * Without {@code -f}: every cfile starts with the 12 bytes magic, flags 0, the source's mtime (so a
     * hash-based pyc never counts as up to date). An OSError on the way means "compile".
     */
    private boolean upToDate(String fullname, Iterable<String> cfiles) {
        try {
            BasicFileAttributes a = Files.readAttributes(fs(fullname), BasicFileAttributes.class);
            long mtime = Staleness.SourceStat.pythonMtime(a.lastModifiedTime().toInstant());
            byte[] expect = new byte[12];
            System.arraycopy(Magic.forVersion(version).bytes(), 0, expect, 0, 4);
            putLe32(expect, 8, mtime);
            for (String cfile : cfiles) {
                byte[] actual;
                try (InputStream in = Files.newInputStream(fs(cfile))) {
                    actual = in.readNBytes(12);
                }
                if (!Arrays.equals(expect, actual)) return false;
            }
            return true;
        } catch (IOException | InvalidPathException | SecurityException e) {
            return false;
        }
    }

    /** {@code py_compile.compile(file, cfile, dfile, doraise=True, optimize=level, invalidation_mode=mode)}. */
    private void pyCompile(String file, String cfile, String dfile, int level) throws CompileFailure, PyOSError {
        if (islink(cfile)) {
            throw new PyOSError("FileExistsError", cfile
                    + " is a symlink and will be changed into a regular file if import writes a byte-compiled file to it");
        }
        if (exists(cfile) && !isfile(cfile)) {
            throw new PyOSError("FileExistsError", cfile
                    + " is a non-regular file and will be changed into a regular one if import writes a byte-compiled file to it");
        }
        byte[] source;
        try {
            source = FileBytes.read(fs(file));
        } catch (IOException e) {
            throw PyOSError.of(e, file, null);
        }
        String filename = dfile == null || dfile.isEmpty() ? file : dfile;
        if (level < -1 || level > 2) throw new CompileFailure("Sorry: ValueError: compile(): invalid optimize value");
        byte[] body;
        try {
            body = backend.marshalledCode(source, filename, version, Math.max(level, 0));
        } catch (PyCompileError e) {
            String text = PyCompileErrorText.of(e, source, filename, version, this::readOrNull);
            throw new CompileFailure(text.substring(0, text.length() - 1)); // of() adds the newline py_compile writes
        } catch (RuntimeException | StackOverflowError e) {
            throw new JpycFailure("jpyc failed on " + file + ": " + e, e);
        }
        String dirname = dirname(cfile);
        if (!dirname.isEmpty()) {
            try {
                Files.createDirectories(fs(dirname));
            } catch (FileAlreadyExistsException e) {
                // os.makedirs' FileExistsError is ignored; the write below fails instead
            } catch (IOException e) {
                throw PyOSError.of(e, e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : dirname, null);
            }
        }
        PycHeader header;
        if (mode == InvalidationMode.TIMESTAMP) {
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(fs(file), BasicFileAttributes.class);
            } catch (IOException e) {
                throw PyOSError.of(e, file, null);
            }
            header = PycHeader.timestamp(version, Staleness.SourceStat.pythonMtime(a.lastModifiedTime().toInstant()), a.size());
        } else {
            header = PycHeader.hashBased(version, SourceHash.of(version, source), mode == InvalidationMode.CHECKED_HASH);
        }
        byte[] head = header.toBytes();
        byte[] pyc = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, pyc, head.length, body.length);
        try {
            CacheWriter.writeAtomic(fs(cfile), pyc, CacheWriter.calcMode(fs(file)));
        } catch (IOException e) {
            throw PyOSError.of(e, e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : cfile, null);
        }
    }

    /** {@code if filecmp.cmp(cfile, previous, shallow=False): os.unlink(cfile); os.link(previous, cfile)}. */
    private void hardlinkIfSame(String cfile, String previous) throws PyOSError {
        boolean same;
        try {
            BasicFileAttributes a = Files.readAttributes(fs(cfile), BasicFileAttributes.class);
            BasicFileAttributes b;
            try {
                b = Files.readAttributes(fs(previous), BasicFileAttributes.class);
            } catch (IOException e) {
                throw PyOSError.of(e, previous, null);
            }
            same = a.isRegularFile() && b.isRegularFile() && a.size() == b.size()
                    && Arrays.equals(FileBytes.read(fs(cfile)), FileBytes.read(fs(previous)));
        } catch (IOException e) {
            throw PyOSError.of(e, cfile, null);
        }
        if (!same) return;
        try {
            Files.delete(fs(cfile));
        } catch (IOException e) {
            throw PyOSError.of(e, cfile, null);
        }
        try {
            Files.createLink(fs(cfile), fs(previous));
        } catch (IOException e) {
            throw PyOSError.of(e, previous, cfile);
        }
    }

    // ---------------------------------------------------------------- os.path

    /**
     * A Python str path as a {@link Path}, a relative one against {@link #cwd} ({@code ''} names no
     * file).
     */
    Path fs(String p) throws NoSuchFileException {
        if (p.isEmpty()) throw new NoSuchFileException(p);
        Path path = Path.of(p);
        return cwd == null ? path : cwd.resolve(path);
    }

    /** The bytes of the file {@code p} names, or null if it cannot be read. */
    private byte[] readOrNull(String p) {
        try {
            return FileBytes.read(fs(p));
        } catch (IOException | InvalidPathException | SecurityException e) {
            return null;
        }
    }

    /** {@code os.path.isfile}: a regular file, following links (a trailing slash needs a directory). */
    boolean isfile(String p) {
        try {
            return !p.endsWith("/") && Files.isRegularFile(fs(p));
        } catch (IOException | InvalidPathException e) {
            return false;
        }
    }

    /** {@code os.path.isdir}, following links. */
    boolean isdir(String p) {
        try {
            return Files.isDirectory(fs(p));
        } catch (IOException | InvalidPathException e) {
            return false;
        }
    }

    /** {@code os.path.islink}. */
    boolean islink(String p) {
        try {
            return Files.isSymbolicLink(fs(p));
        } catch (IOException | InvalidPathException e) {
            return false;
        }
    }

    /** {@code os.path.exists}, following links. */
    boolean exists(String p) {
        try {
            return Files.exists(fs(p));
        } catch (IOException | InvalidPathException e) {
            return false;
        }
    }

    /** {@code pathlib.Path(p).resolve()} (not strict): as much of the path resolved as exists, absolute. */
    Path pyResolve(String p) {
        Path abs;
        try {
            abs = fs(p.isEmpty() ? "." : p).toAbsolutePath().normalize();
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(e);
        }
        Path existing = abs;
        List<String> tail = new ArrayList<>();
        while (existing != null) {
            try {
                Path real = existing.toRealPath();
                for (int i = tail.size() - 1; i >= 0; i--) real = real.resolve(tail.get(i));
                return real.normalize();
            } catch (IOException e) {
                if (existing.getFileName() == null) break;
                tail.add(existing.getFileName().toString());
                existing = existing.getParent();
            }
        }
        return abs;
    }

    /**
     * {@code compile_file}'s {@code stripdir} before 3.13: for each place where {@code stripdir}'s part equals the
     * source path's, that value's first occurrence leaves the list of the path's parts ({@code list.remove}), and
     * the rest is joined ({@code os.path.join(*parts)}, a TypeError when nothing is left).
     */
    private static String stripMatchingParts(String fullname, String stripdir) {
        String[] fullnameParts = fullname.split("/", -1);
        String[] stripdirParts = stripdir.split("/", -1);
        List<String> parts = new ArrayList<>(Arrays.asList(fullnameParts));
        for (int i = 0; i < Math.min(stripdirParts.length, fullnameParts.length); i++) {
            if (stripdirParts[i].equals(fullnameParts[i])) parts.remove(stripdirParts[i]);
        }
        if (parts.isEmpty()) throw new Uncaught("TypeError: join() missing 1 required positional argument: 'a'");
        return join(parts.toArray(new String[parts.size()]));
    }

    /** {@code posixpath.join(a, *p)}. */
    static String join(String... parts) {
        String path = parts[0];
        for (int i = 1; i < parts.length; i++) {
            String b = parts[i];
            if (b.startsWith("/")) path = b;
            else if (path.isEmpty() || path.endsWith("/")) path = path + b;
            else path = path + "/" + b;
        }
        return path;
    }

    /** {@code os.path.basename}. */
    static String basename(String p) {
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** {@code os.path.dirname}: the head, trailing slashes removed unless it is all slashes. */
    static String dirname(String p) {
        String head = p.substring(0, p.lastIndexOf('/') + 1);
        if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) {
            int end = head.length();
            while (end > 0 && head.charAt(end - 1) == '/') end--;
            head = head.substring(0, end);
        }
        return head;
    }

    /** Python's str order: by code point. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static void putLe32(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) b[at + i] = (byte) (v >>> (8 * i));
    }
}
