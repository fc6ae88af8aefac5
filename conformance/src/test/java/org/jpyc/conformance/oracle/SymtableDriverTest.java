package org.jpyc.conformance.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/** The driver's symbol table dump (3.13): its line grammar and nesting, and errors as data. */
class SymtableDriverTest {
    private static final Pattern SCOPE = Pattern.compile("( *)scope (\\d+) (\\S+) line (\\d+) nested ([01])");
    private static final Pattern SYM = Pattern.compile("( *)sym (\\S+) (\\d+)");

    @Test
    void dumpFollowsTheFormatAndErrorsAreData() {
        byte[] src = ("x = 1\ndef f(a):\n    global x\n    return [lambda: a + i for i in a]\nclass C:\n    def m(self):\n"
                + "        return __class__\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = "def f():\n    x = 1\n    global x\n".getBytes(StandardCharsets.UTF_8);
        try (Oracle o = Oracles.provider("embedded", OracleOptions.defaults()).open(PyVersion.V3_13)) {
            List<SourceAnswer> a = o.compile(List.of(
                    new SourceRequest("m.py", src, 0, List.of(), false, false, true),
                    new SourceRequest("bad.py", bad, 0, List.of(), false, false, true),
                    new SourceRequest("m.py", src, 0, List.of(), false, false)));
            String dump = a.get(0).symtable();
            assertNotNull(dump);
            assertNull(a.get(0).symtableError());
            String[] lines = dump.split("\n");
            assertTrue(lines[0].matches("scope \\d+ top line 0 nested 0"), lines[0]);
            int scopes = 0;
            int previousIndent = -2;
            for (int i = 0; i < lines.length; i++) {
                Matcher s = SCOPE.matcher(lines[i]);
                if (s.matches()) {
                    scopes++;
                    int indent = s.group(1).length();
                    assertTrue(indent <= previousIndent + 2 && indent % 2 == 0, "child blocks are indented by two: " + lines[i]);
                    previousIndent = indent;
                    assertTrue(lines[i + 1].startsWith(" ".repeat(indent + 2) + "varnames"), lines[i + 1]);
                    continue;
                }
                if (lines[i].strip().startsWith("varnames")) continue;
                Matcher m = SYM.matcher(lines[i]);
                assertTrue(m.matches(), lines[i]);
                assertEquals(previousIndent + 2, m.group(1).length(), lines[i]);
            }
            assertEquals(5, scopes, dump); // top, f, lambda (the inlined list comprehension gives its child to f), C, m
            assertTrue(dump.contains("\n  scope ") && dump.contains(" f line 2 nested 0\n"), dump);
            assertNull(a.get(1).symtable());
            PyError e = a.get(1).symtableError();
            assertEquals("SyntaxError", e.type());
            assertEquals(3, e.lineno());
            assertNull(a.get(2).symtable());
        }
    }
}
