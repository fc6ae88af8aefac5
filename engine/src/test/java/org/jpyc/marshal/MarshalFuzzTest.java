package org.jpyc.marshal;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Random;
import org.jpyc.object.PyObject;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing with fixed seeds: flipped bytes, truncations, insertions and deletions of valid
 * blobs either load (and then dump to the same bytes) or throw MarshalFormatException.
 */
class MarshalFuzzTest {
    @Test
    void mutationsLoadOrFailTyped() {
        Object[][] seeds = {
                {Graphs.everyPy3Type(CodeLayout.PY311, 5), MarshalFormat.forVersion(PyVersion.V3_14)},
                {Graphs.everyPy3Type(CodeLayout.PY310, 4), MarshalFormat.forVersion(PyVersion.V3_10)},
                {Graphs.everyPy2Type(), MarshalFormat.forVersion(PyVersion.V2_7)},
        };
        Random rnd = new Random(20240601L);
        int loaded = 0, rejected = 0, inexact = 0;
        for (int round = 0; round < 20000; round++) {
            Object[] s = seeds[round % seeds.length];
            MarshalFormat f = (MarshalFormat) s[1];
            byte[] blob = Marshal.dump((PyObject) s[0], f, RefPolicy.PRESERVE_ELSE_CPYTHON);
            byte[] m = mutate(blob, rnd);
            try {
                MarshalReader r = new MarshalReader(m, 0, m.length, f);
                PyObject o = r.readObject();
                loaded++;
                // whatever loaded must dump and load again without surprises
                byte[] again = Marshal.dump(o, f, RefPolicy.PRESERVE_ELSE_CPYTHON);
                new MarshalReader(again, 0, again.length, f).readObject();
                // exact round trip, except for FLAG_REF on singletons and refs, which CPython ignores on
                // load and never writes
                byte[] consumed = Arrays.copyOf(m, r.position());
                int at = Arrays.mismatch(again, consumed);
                if (at >= 0) {
                    inexact++;
                    int orig = consumed[at] & 0xff;
                    assertTrue((orig & 0x80) != 0 && "NTF.S0r".indexOf(orig & 0x7f) >= 0
                            && (again[at] & 0xff) == (orig & 0x7f), "inexact round trip at " + at);
                }
            } catch (MarshalFormatException e) {
                rejected++;
                assertTrue(e.offset() >= 0 && e.offset() <= m.length, "offset in range: " + e.getMessage());
            }
        }
        assertTrue(rejected > 1000 && loaded > 100, "loaded " + loaded + ", rejected " + rejected);
        assertTrue(inexact < loaded / 10, "inexact " + inexact);
    }

    private static byte[] mutate(byte[] b, Random rnd) {
        byte[] m = b.clone();
        int kind = rnd.nextInt(5);
        switch (kind) {
            case 0 -> { // flip a few bytes
                int n = 1 + rnd.nextInt(3);
                for (int i = 0; i < n; i++) m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
            }
            case 1 -> m = Arrays.copyOf(m, rnd.nextInt(m.length));
            case 2 -> { // insert random bytes
                int at = rnd.nextInt(m.length + 1);
                int n = 1 + rnd.nextInt(4);
                byte[] out = new byte[m.length + n];
                System.arraycopy(m, 0, out, 0, at);
                for (int i = 0; i < n; i++) out[at + i] = (byte) rnd.nextInt(256);
                System.arraycopy(m, at, out, at + n, m.length - at);
                m = out;
            }
            case 3 -> { // delete a range
                int at = rnd.nextInt(m.length);
                int n = 1 + rnd.nextInt(Math.min(8, m.length - at));
                byte[] out = new byte[m.length - n];
                System.arraycopy(m, 0, out, 0, at);
                System.arraycopy(m, at + n, out, at, m.length - at - n);
                m = out;
            }
            default -> { // flip one bit of a type byte-ish position
                int at = rnd.nextInt(m.length);
                m[at] ^= (byte) (1 << rnd.nextInt(8));
            }
        }
        return m;
    }
}
