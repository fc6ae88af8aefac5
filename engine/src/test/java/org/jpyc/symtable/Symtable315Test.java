package org.jpyc.symtable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/**
 * The 3.15 symbol table deltas against 3.15.2's {@code _symtable.symtable} (the Docker image's interpreter; skipped
 * without it): {@code lazy} import errors, bracketed lambda and comprehension scope names, USE marks from inlined
 * comprehensions, class-body implicit cells, the "duplicate parameter" message.
 */
class Symtable315Test {
    static final List<String> SOURCES = List.of(
            "def f():\n    lazy import a\n",
            "class C:\n    lazy from a import b\n",
            "try:\n    pass\nexcept E:\n    if x:\n        lazy import a\n",
            "try:\n    pass\nelse:\n    lazy from . import b\n",
            "lazy from a import *\n",
            "with x:\n    lazy import a.b as c\nlazy from d import e\n",
            "f = lambda: 1\ng = (a for a in b)\nclass C:\n    x: [a for a in b]\n    y: {a: 1 for a in b}\n",
            "def f1(a):\n    return [a for _ in b]\ndef f2():\n    y = 1\n    return [y for y in b]\n"
                    + "def f5():\n    w = 1\n    return [[w for _ in c] for _ in b], [(w, lambda: w) for _ in b]\n"
                    + "def f():\n    a = 1\n    class C:\n        a = 2\n        r = [a for _ in b]\n",
            "class C:\n    res = [lambda: __class__ for _ in [1]]\n    d = [__classdict__ for x in y]\n"
                    + "    e = [lambda: __classdict__ for x in y]\n",
            "def f(a, a): pass\n");

    @Test
    void deltasMatchCPython315() throws Exception {
        Path py = SymtableCompare.python(PyVersion.V3_15).orElse(null);
        assumeTrue(py != null, "CPython 3.15 (Docker image) not available");
        List<CPythonSymtable.Result> want = CPythonSymtable.run(py, SOURCES);
        for (int i = 0; i < SOURCES.size(); i++) {
            assertEquals(want.get(i).dump(), SymtableCompare.dump(SOURCES.get(i), PyVersion.V3_15), SOURCES.get(i));
        }
    }
}
