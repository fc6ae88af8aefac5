package org.jpyc.conformance.check;

import java.time.Instant;

/**
 * A .pyc header in words. Layout (3.7+, PEP 552), all little-endian:
 * <pre>
 *  0  uint16 magic number, then b"\r\n"   -- changes with every bytecode change
 *  4  uint32 flags                        -- bit 0: hash-based; bit 1: check_source (hash-based only)
 *  8  uint32 source mtime                 -- timestamp pycs (flags == 0)
 * 12  uint32 source size (mod 2**32)      -- timestamp pycs
 *  8  8 bytes SipHash of the source       -- hash-based pycs (importlib.util.source_hash)
 * </pre>
 */
final class PycHeaderText {
    private PycHeaderText() {}

    static String describe(byte[] pyc) {
        if (pyc.length < 16) return "(only " + pyc.length + " bytes: no complete 16-byte header) " + Hex.of(pyc, 0, pyc.length);
        int magic = u16(pyc, 0);
        long flags = u32(pyc, 4);
        StringBuilder sb = new StringBuilder();
        sb.append("magic ").append(magic).append(" (").append(Hex.of(pyc, 0, 4)).append("), flags ").append(flags);
        if ((flags & 1) == 0) {
            long mtime = u32(pyc, 8);
            sb.append(" (timestamp), mtime ").append(mtime).append(" (").append(Instant.ofEpochSecond(mtime))
                    .append("), size ").append(u32(pyc, 12));
        } else {
            sb.append((flags & 2) != 0 ? " (checked-hash)" : " (unchecked-hash)").append(", source hash ").append(Hex.of(pyc, 8, 8));
        }
        return sb.toString();
    }

    private static int u16(byte[] b, int o) {
        return (b[o] & 0xff) | (b[o + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int o) {
        return (b[o] & 0xffL) | (b[o + 1] & 0xffL) << 8 | (b[o + 2] & 0xffL) << 16 | (b[o + 3] & 0xffL) << 24;
    }
}
