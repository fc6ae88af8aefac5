package org.jpyc.symtable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/**
 * 3.14's symbol table raises what the code generator raised before: {@code await}, {@code async with},
 * {@code async for} and async comprehensions outside an async function, misplaced {@code from __future__}
 * imports. Expected values are 3.14.3's {@code _symtable.symtable}.
 */
class SymtableErrors314Test {
    static final List<String> SOURCES = List.of(
            "await x\n",
            "def f():\n    await x\n",
            "def f():\n    [await x for y in z]\n",
            "[x async for x in y]\n",
            "def f():\n    return [x async for x in y]\n",
            "def f():\n    async with a: pass\n",
            "def f():\n    async for a in b: pass\n",
            "async def f():\n    yield from x\n",
            "x = 1\nfrom __future__ import annotations\n",
            "def f():\n    lambda: (await x)\n",
            "async def f():\n    def g(): [x async for x in y]\n",
            "async def f():\n    [[x async for x in y] for z in w]\n",
            "class C:\n    await x\n",
            "def f():\n    return (await x for y in z)\n",
            "async with a: pass\n",
            "async def f():\n    return [await x for y in z], {x async for x in y}\ndef g():\n    return (x async for x in y)\n",
            "from __future__ import annotations; from __future__ import division; import os\nfrom __future__ import nested_scopes\n");

    @Test
    void asyncAndFutureErrorsMatchCPython314() throws Exception {
        Path py = SymtableCompare.python(PyVersion.V3_14).orElse(null);
        assumeTrue(py != null, "no embedded CPython 3.14");
        List<CPythonSymtable.Result> want = CPythonSymtable.run(py, SOURCES);
        for (int i = 0; i < SOURCES.size(); i++) {
            assertEquals(want.get(i).dump(), SymtableCompare.dump(SOURCES.get(i), PyVersion.V3_14), SOURCES.get(i));
        }
    }
}
