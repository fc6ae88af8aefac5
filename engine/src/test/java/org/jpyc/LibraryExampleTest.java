package org.jpyc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import org.jpyc.compile.Compiler;
import org.jpyc.object.PyObject;
import org.jpyc.pyc.InvalidationMode;
import org.jpyc.pyc.PycFile;
import org.jpyc.pyc.PycacheRules;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/** The README's library example, so that it keeps compiling and doing what it says. */
class LibraryExampleTest {
    @Test
    void theReadmeExampleRuns() {
        PyVersion target = PyVersion.V3_14;
        byte[] source = "def f(x):\n    return x + 1\n".getBytes(StandardCharsets.UTF_8);
        byte[] pyc = Compiler.pyc(source, "pkg/mod.py", target, 0, InvalidationMode.CHECKED_HASH, 0);
        String cachePath = PycacheRules.forVersion(target).cacheFromSource("pkg/mod.py");
        assertEquals("pkg/__pycache__/mod.cpython-314.pyc", cachePath);
        PycFile read = PycFile.read(pyc);
        PyObject code = read.code();
        assertNotNull(code);
        assertEquals(target, read.version());
        assertArrayEquals(pyc, read.toBytes());
    }
}
