package org.jpyc.marshal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jpyc.object.PyObject;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Development check against pyc files CPython wrote: {@code -Djpyc.marshal.pycdir=DIR}, where DIR has
 * one subdirectory per version ({@code DIR/3.12/...pyc}). Every file's marshal data (after the 16-byte
 * header) must load and dump to identical bytes. Likewise {@code -Djpyc.marshal.dumpdir=DIR} for
 * {@code DIR/3.12/NAME.vK.marshal} files holding {@code marshal.dumps(obj, K)} output. Skipped when the
 * properties are absent.
 */
class CPythonPycDirTest {
    @Test
    void roundTripsEveryPyc() throws IOException {
        String dir = System.getProperty("jpyc.marshal.pycdir");
        Assumptions.assumeTrue(dir != null, "set -Djpyc.marshal.pycdir to run");
        List<String> failures = new ArrayList<>();
        try (Stream<Path> versions = Files.list(Path.of(dir))) {
            for (Path vdir : versions.sorted().toList()) {
                PyVersion v = PyVersion.parse(vdir.getFileName().toString());
                int header = v.atLeast(3, 7) ? 16 : v.atLeast(3, 3) ? 12 : 8;
                int files = 0, ok = 0;
                long bytes = 0;
                List<Path> pycs;
                try (Stream<Path> s = Files.walk(vdir)) {
                    pycs = s.filter(p -> p.toString().endsWith(".pyc")).sorted().toList();
                }
                for (Path p : pycs) {
                    files++;
                    byte[] data = Files.readAllBytes(p);
                    bytes += data.length;
                    try {
                        MarshalReader r = new MarshalReader(data, header, data.length, MarshalFormat.forVersion(v));
                        PyObject o = r.readObject();
                        byte[] again = Marshal.dump(o, v);
                        byte[] orig = Arrays.copyOfRange(data, header, data.length);
                        if (r.position() != data.length) {
                            failures.add(v + " " + p + ": trailing bytes at " + r.position());
                        } else if (!Arrays.equals(orig, again)) {
                            int at = Arrays.mismatch(orig, again);
                            failures.add(v + " " + p + ": differs at " + at + " "
                                    + MarshalTrace.pathAt(orig, 0, orig.length, v, at));
                        } else {
                            ok++;
                        }
                    } catch (RuntimeException e) {
                        failures.add(v + " " + p + ": " + e);
                    }
                }
                System.out.printf("marshal round trip %s: %d/%d files identical (%d bytes)%n", v, ok, files, bytes);
            }
        }
        failures.stream().limit(20).forEach(System.out::println);
        assertTrue(failures.isEmpty(), failures.size() + " failures");
    }

    @Test
    void roundTripsEveryMarshalDumpAtEveryFormat() throws IOException {
        String dir = System.getProperty("jpyc.marshal.dumpdir");
        Assumptions.assumeTrue(dir != null, "set -Djpyc.marshal.dumpdir to run");
        List<String> failures = new ArrayList<>();
        try (Stream<Path> versions = Files.list(Path.of(dir))) {
            for (Path vdir : versions.sorted().toList()) {
                PyVersion v = PyVersion.parse(vdir.getFileName().toString());
                int files = 0, ok = 0;
                List<Path> dumps;
                try (Stream<Path> s = Files.list(vdir)) {
                    dumps = s.filter(p -> p.toString().endsWith(".marshal")).sorted().toList();
                }
                for (Path p : dumps) {
                    files++;
                    String name = p.getFileName().toString();
                    int k = name.charAt(name.length() - ".marshal".length() - 1) - '0';
                    MarshalFormat f = MarshalFormat.forVersion(v).withVersion(k);
                    byte[] data = Files.readAllBytes(p);
                    try {
                        MarshalReader r = new MarshalReader(data, 0, data.length, MarshalFormat.forVersion(v));
                        PyObject o = r.readObject();
                        byte[] again = Marshal.dump(o, f, RefPolicy.PRESERVE_ELSE_CPYTHON);
                        if (r.position() == data.length && Arrays.equals(data, again)) ok++;
                        else failures.add(v + " " + name + ": differs at " + Arrays.mismatch(data, again));
                    } catch (RuntimeException e) {
                        failures.add(v + " " + name + ": " + e);
                    }
                }
                System.out.printf("marshal.dumps round trip %s: %d/%d identical%n", v, ok, files);
            }
        }
        failures.forEach(System.out::println);
        assertTrue(failures.isEmpty(), failures.size() + " failures");
    }
}
