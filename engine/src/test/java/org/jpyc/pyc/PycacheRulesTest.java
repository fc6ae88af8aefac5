package org.jpyc.pyc;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/** Structural properties only; equality with CPython is checked against the real interpreters elsewhere. */
class PycacheRulesTest {
    private static final List<String> SOURCES = List.of("a.py", "a/b.py", "/a/b.py", "/x.py", "../up/m.py",
            "a/b/c/d.py", "pkg/__init__.py", "a/ü.py", "/srv/app/m.py", "a//b.py", "a/b.c.py");
    private static final List<String> OPTS = List.of("", "1", "2", "opt");

    @Test
    void sourceFromCacheInvertsCacheFromSource() {
        for (PyVersion v : PyVersion.TARGETS) {
            PycacheRules r = PycacheRules.forVersion(v);
            for (String src : SOURCES) {
                for (String opt : OPTS) {
                    String cache = r.cacheFromSource(src, opt, null, null);
                    assertTrue(cache.contains("/__pycache__/") || cache.startsWith("__pycache__/"), cache);
                    assertTrue(cache.endsWith(opt.isEmpty() ? "." + v.cacheTag() + ".pyc"
                            : "." + v.cacheTag() + ".opt-" + opt + ".pyc"), cache);
                    // not inverted exactly: "//" collapses, extra dots are cut or rejected, and a root-level
                    // source loses its root (its head is '', which _path_join drops)
                    if (!src.contains("//") && src.indexOf('.') == src.lastIndexOf('.') && src.lastIndexOf('/') != 0) {
                        assertEquals(src, r.sourceFromCache(cache), v + " " + cache);
                    }
                }
            }
        }
    }

    @Test
    void prefixedPathsLeadBackToTheAbsoluteSource() {
        String cwd = "/home/u/proj";
        for (PyVersion v : PyVersion.TARGETS) {
            PycacheRules r = PycacheRules.forVersion(v);
            for (String prefix : List.of("/tmp/pfx", "/tmp/pfx/", "/var/cache/py")) {
                for (String src : List.of("a.py", "a/b.py", "/srv/app/m.py")) {
                    String cache = r.cacheFromSource(src, "", prefix, cwd);
                    assertTrue(cache.startsWith(PosixPaths.rstripSep(prefix) + "/"), cache);
                    assertFalse(cache.contains("__pycache__"), cache);
                    String abs = src.startsWith("/") ? src : cwd + "/" + src;
                    assertEquals(abs, r.sourceFromCache(cache, prefix), v + " " + cache);
                }
            }
        }
    }

    @Test
    void dotSlashIsDroppedUnderAPrefixFrom312() {
        String cwd = "/w";
        // the head of "./a/b.py" is "./a"; that of "./a.py" is "." and keeps its dot
        assertEquals("/p/w/./a/b.cpython-311.pyc", PycacheRules.forVersion(PyVersion.V3_11).cacheFromSource("./a/b.py", "", "/p", cwd));
        assertEquals("/p/w/a/b.cpython-312.pyc", PycacheRules.forVersion(PyVersion.V3_12).cacheFromSource("./a/b.py", "", "/p", cwd));
        assertEquals("/p/w/./a.cpython-312.pyc", PycacheRules.forVersion(PyVersion.V3_12).cacheFromSource("./a.py", "", "/p", cwd));
    }

    @Test
    void shortHeadRaisesIndexErrorBefore314() {
        for (PyVersion v : PyVersion.TARGETS) {
            PycacheRules r = PycacheRules.forVersion(v);
            if (v.atLeast(3, 14)) {
                assertDoesNotThrow(() -> r.cacheFromSource("a.py", "", "/p", "/"));
            } else {
                PycachePathException e = assertThrows(PycachePathException.class, () -> r.cacheFromSource("a.py", "", "/p", "/"));
                assertEquals("IndexError", e.pythonType());
            }
        }
    }

    @Test
    void nonAlphanumericOptimizationIsAValueError() {
        PycacheRules r = PycacheRules.forVersion(PyVersion.V3_13);
        for (String bad : List.of("-1", "a b", "1.5", "x_y")) {
            PycachePathException e = assertThrows(PycachePathException.class, () -> r.cacheFromSource("a.py", bad, null, null));
            assertEquals("ValueError", e.pythonType());
            assertTrue(e.getMessage().endsWith(" is not alphanumeric"), e.getMessage());
        }
    }

    @Test
    void malformedCachePathsAreValueErrors() {
        PycacheRules r = PycacheRules.forVersion(PyVersion.V3_12);
        for (String bad : List.of("a/b.cpython-312.pyc", "__pycache__/a.pyc", "__pycache__/a.b.c.d.e",
                "__pycache__/a.cpython-312.opt.pyc", "__pycache__/a.cpython-312.opt-.pyc")) {
            PycachePathException e = assertThrows(PycachePathException.class, () -> r.sourceFromCache(bad));
            assertEquals("ValueError", e.pythonType(), bad);
        }
    }

    @Test
    void levelZeroHasNoOptPartButOptimizationZeroHas() {
        PycacheRules r = PycacheRules.forVersion(PyVersion.V3_10);
        assertEquals(r.cacheFromSource("m.py"), r.cacheFromSourceForLevel("m.py", 0, null, null));
        assertTrue(r.cacheFromSource("m.py", "0", null, null).contains(".opt-0."));
    }

    @Test
    void versionsBefore39AreNotModelled() {
        assertThrows(IllegalArgumentException.class, () -> PycacheRules.forVersion(PyVersion.of(3, 8)));
    }

    @Test
    void reprQuotesLikePython() {
        assertEquals("'a'", PyText.repr("a"));
        assertEquals("\"it's\"", PyText.repr("it's"));
        assertEquals("'both \\' \"'", PyText.repr("both ' \""));
        assertEquals("'tab\\there'", PyText.repr("tab\there"));
        assertEquals("b'\\x00\\r\\n'", PyText.repr(new byte[] {0, '\r', '\n'}));
    }
}
