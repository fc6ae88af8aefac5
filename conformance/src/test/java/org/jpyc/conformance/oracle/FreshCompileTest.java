package org.jpyc.conformance.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/**
 * The driver's fresh-process compile ({@code "fresh": true}): after the same interpreter has compiled
 * other cases, a fresh answer is what a new interpreter answers for the case alone. Run on 3.10, where
 * batching changes FLAG_REF bits of interned strings (see the README).
 */
class FreshCompileTest {
    @Test
    void aFreshAnswerIsTheAnswerOfANewProcess() throws IOException {
        Path root = Path.of(System.getProperty("jpyc.root", "..")).toAbsolutePath().normalize().resolve("corpus/cases");
        Path target = root.resolve("fstrings/format_spec_literals.py");
        List<SourceRequest> before = new ArrayList<>();
        try (Stream<Path> s = Files.list(root.resolve("fstrings"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".py")).sorted().toList()) {
                before.add(new SourceRequest(root.relativize(p).toString(), Files.readAllBytes(p), 0, PycVariant.all(), true, true));
            }
        }
        byte[] src = Files.readAllBytes(target);
        OracleOptions noCache = OracleOptions.defaults().withCache(false);
        OracleProvider p = Oracles.provider("embedded", noCache);
        SourceAnswer fresh;
        try (Oracle busy = p.open(PyVersion.V3_10)) {
            busy.compile(before);
            fresh = busy.compile(List.of(new SourceRequest("fstrings/format_spec_literals.py", src, 0, PycVariant.all(), true, true,
                    false, true))).get(0);
        }
        SourceAnswer alone;
        try (Oracle newOne = p.open(PyVersion.V3_10)) {
            alone = newOne.compile(List.of(new SourceRequest("fstrings/format_spec_literals.py", src, 0, PycVariant.all(), true,
                    true))).get(0);
        }
        assertEquals(9, alone.pycs().size());
        for (PycVariant v : PycVariant.all()) assertArrayEquals(alone.pycs().get(v), fresh.pycs().get(v), v.toString());
        assertEquals(alone.dis(), fresh.dis());
        assertEquals(alone.ast(), fresh.ast());
    }
}
