package org.jpyc.pyc;

import java.util.Objects;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * Where a target version's importlib puts and finds bytecode ({@code PEP 3147}, {@code PEP 488},
 * {@code sys.pycache_prefix} of 3.8+): {@code importlib.util.cache_from_source} and
 * {@code source_from_cache} of that version on POSIX, computed without any interpreter.
 *
 * <p>Everything the host would supply is a parameter: the optimization level (importlib's default
 * comes from {@code sys.flags.optimize}), {@code sys.pycache_prefix}, and the working directory a
 * relative path is resolved against when a prefix is set.
 *
 * <p>Per-version deltas are data: the cache tag and magic number, the source-hash algorithm
 * ({@link SourceHash}), and how a prefix makes the source directory absolute ({@link PrefixHead}).
 */
public final class PycacheRules {
    static final String PYCACHE = "__pycache__";
    static final String OPT = "opt-";
    static final String BYTECODE_SUFFIX = ".pyc";
    static final String SOURCE_SUFFIX = ".py";

    private final PyVersion version;
    private final PrefixHead prefixHead;

    private PycacheRules(PyVersion version, PrefixHead prefixHead) {
        this.version = version;
        this.prefixHead = prefixHead;
    }

    /** The rules of {@code v}'s importlib (3.9 and later). */
    public static PycacheRules forVersion(PyVersion v) {
        Objects.requireNonNull(v, "version");
        if (!v.atLeast(3, 9)) {
            throw new IllegalArgumentException("__pycache__ rules are modelled for Python 3.9+, not " + v);
        }
        return new PycacheRules(v, PrefixHead.of(v));
    }

    public PyVersion version() {
        return version;
    }

    /** {@code sys.implementation.cache_tag}: {@code cpython-312}. */
    public String cacheTag() {
        return version.cacheTag();
    }

    /** {@code importlib.util.MAGIC_NUMBER}. */
    public Magic magic() {
        return Magic.forVersion(version);
    }

    /** {@code importlib.util.source_hash(source)}. */
    public byte[] sourceHash(byte[] source) {
        return SourceHash.of(version, source);
    }

    /** {@code cache_from_source(path, optimization='')} without a pycache prefix. */
    public String cacheFromSource(String path) {
        return cacheFromSource(path, "", null, null);
    }

    /**
     * {@code cache_from_source(path, optimization=optimization)} with {@code sys.pycache_prefix}
     * = {@code pycachePrefix}.
     *
     * @param optimization  {@code str(optimization)}: {@code ""} (or {@code null}) for none, else an
     *                      alphanumeric level such as {@code "1"} or {@code "2"}
     * @param pycachePrefix {@code sys.pycache_prefix}, or {@code null} for none
     * @param cwd           {@code os.getcwd()}, used only with a prefix and a relative path
     *                      ({@code null}: this JVM's working directory)
     * @throws PycachePathException where importlib raises (non-alphanumeric optimization;
     *                              {@code IndexError} before 3.14 for a prefix and a root-level head)
     */
    public String cacheFromSource(String path, String optimization, String pycachePrefix, String cwd) {
        Objects.requireNonNull(path, "path");
        String[] ht = PosixPaths.split(path);
        String head = ht[0];
        String tail = ht[1];
        // tail.rpartition('.'): with no dot, base is '' and the whole tail is the "rest"
        int dot = tail.lastIndexOf('.');
        String almost = dot < 0 ? tail + cacheTag()
                : (dot == 0 ? tail.substring(1) : tail.substring(0, dot)) + "." + cacheTag();
        String opt = optimization == null ? "" : optimization;
        if (!opt.isEmpty()) {
            if (!PyText.isAlnum(opt)) {
                throw new PycachePathException("ValueError", PyText.repr(opt) + " is not alphanumeric");
            }
            almost = almost + "." + OPT + opt;
        }
        String filename = almost + BYTECODE_SUFFIX;
        if (pycachePrefix == null) {
            return PosixPaths.join(head, PYCACHE, filename);
        }
        String dir = cwd != null ? cwd : System.getProperty("user.dir");
        head = prefixHead.rootRelative(head, dir);
        return PosixPaths.join(pycachePrefix, PosixPaths.lstripSep(head), filename);
    }

    /**
     * The cache path {@code py_compile}/{@code compileall} use for optimization level {@code level}:
     * level 0 means no {@code .opt-} part (note {@code cache_from_source(p, optimization=0)} itself
     * gives {@code .opt-0}).
     */
    public String cacheFromSourceForLevel(String path, int level, String pycachePrefix, String cwd) {
        return cacheFromSource(path, level >= 1 ? Integer.toString(level) : "", pycachePrefix, cwd);
    }

    /** {@code source_from_cache(path)} without a pycache prefix. */
    public String sourceFromCache(String path) {
        return sourceFromCache(path, null);
    }

    /**
     * {@code source_from_cache(path)} with {@code sys.pycache_prefix} = {@code pycachePrefix}.
     *
     * @throws PycachePathException with importlib's {@code ValueError} message when the path is not
     *                              a PEP 3147/488 cache path
     */
    public String sourceFromCache(String path, String pycachePrefix) {
        Objects.requireNonNull(path, "path");
        String[] hf = PosixPaths.split(path);
        String head = hf[0];
        String pycacheFilename = hf[1];
        boolean inPrefix = false;
        if (pycachePrefix != null) {
            String stripped = PosixPaths.rstripSep(pycachePrefix);
            if (head.startsWith(stripped + PosixPaths.SEP)) {
                head = head.substring(stripped.length());
                inPrefix = true;
            }
        }
        if (!inPrefix) {
            String[] hp = PosixPaths.split(head);
            head = hp[0];
            if (!hp[1].equals(PYCACHE)) {
                throw new PycachePathException("ValueError",
                        PYCACHE + " not bottom-level directory in " + PyText.repr(path));
            }
        }
        long dots = pycacheFilename.chars().filter(c -> c == '.').count();
        if (dots != 2 && dots != 3) {
            throw new PycachePathException("ValueError",
                    "expected only 2 or 3 dots in " + PyText.repr(pycacheFilename));
        }
        if (dots == 3) {
            // rsplit('.', 2)[-2]: the part between the second-to-last and the last dot
            int last = pycacheFilename.lastIndexOf('.');
            int before = pycacheFilename.lastIndexOf('.', last - 1);
            String optimization = pycacheFilename.substring(before + 1, last);
            if (!optimization.startsWith(OPT)) {
                throw new PycachePathException("ValueError",
                        "optimization portion of filename does not start with " + PyText.repr(OPT));
            }
            if (!PyText.isAlnum(optimization.substring(OPT.length()))) {
                throw new PycachePathException("ValueError", "optimization level " + PyText.repr(optimization)
                        + " is not an alphanumeric value");
            }
        }
        int firstDot = pycacheFilename.indexOf('.');
        String base = pycacheFilename.substring(0, firstDot);
        return PosixPaths.join(head, base + SOURCE_SUFFIX);
    }

    @Override
    public String toString() {
        return "PycacheRules[" + version + "]";
    }

    /**
     * How {@code cache_from_source} turns the source directory into a root-relative path under
     * {@code sys.pycache_prefix}: make it absolute, then drop a Windows drive ({@code C:}).
     */
    enum PrefixHead {
        /** 3.8 - 3.11: {@code if not _path_isabs(head): head = _path_join(_os.getcwd(), head)}; {@code head[1] == ':'}. */
        JOIN_CWD_INDEX(false, false),
        /** 3.12 - 3.13: {@code head = _path_abspath(head)}, which drops one leading {@code ./}; {@code head[1] == ':'}. */
        ABSPATH_INDEX(true, false),
        /** 3.14+: {@code _path_abspath}, and {@code head[1:2] == ':'} so a short head passes. */
        ABSPATH_SLICE(true, true);

        private final boolean abspath;
        private final boolean slice;

        PrefixHead(boolean abspath, boolean slice) {
            this.abspath = abspath;
            this.slice = slice;
        }

        static PrefixHead of(PyVersion v) {
            boolean abs = v.has(Feature.PYCACHE_PREFIX_ABSPATH);
            boolean slice = v.has(Feature.PYCACHE_PREFIX_DRIVE_SLICE);
            return slice ? ABSPATH_SLICE : abs ? ABSPATH_INDEX : JOIN_CWD_INDEX;
        }

        String rootRelative(String head, String cwd) {
            String h = head;
            if (!PosixPaths.isAbs(h)) {
                if (abspath && h.startsWith("./")) h = h.substring(2);
                h = PosixPaths.join(cwd, h);
            }
            if (!slice && h.length() < 2) {
                // head[1] on a string shorter than 2
                throw new PycachePathException("IndexError", "string index out of range");
            }
            // if head[1:2] == ':' and head[0:1] not in path_separators: head = head[2:]
            if (h.length() >= 2 && h.charAt(1) == ':' && h.charAt(0) != PosixPaths.SEP) h = h.substring(2);
            return h;
        }
    }
}
