package org.jpyc.pyc;

import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * The three header layouts a .pyc file has had. All integers are little-endian uint32.
 *
 * <pre>
 * MTIME_8 (Python 2.x, 3.0 - 3.2)          8 bytes
 *   0  magic    uint16 magic number + b'\r\n'
 *   4  mtime    source modification time, seconds (mod 2**32)
 *
 * SIZED_12 (3.3 - 3.6; magic 3210, bpo-13645)   12 bytes
 *   0  magic
 *   4  mtime
 *   8  size     source size in bytes (mod 2**32)
 *
 * FLAGS_16 (3.7+; magic 3392, PEP 552)    16 bytes
 *   0  magic
 *   4  flags    bit 0: hash-based; bit 1: check_source (only with bit 0); other bits must be 0
 *   8  if flags bit 0 is clear: mtime (uint32) then size (uint32)
 *      if flags bit 0 is set:   8-byte source hash (importlib.util.source_hash)
 * </pre>
 */
public enum PycLayout {
    MTIME_8(8, 0),
    SIZED_12(12, 3210),
    FLAGS_16(16, 3392);

    private final int length;
    /** First 3.x magic number (alpha releases included) that used this layout. */
    private final int sinceMagic;

    PycLayout(int length, int sinceMagic) {
        this.length = length;
        this.sinceMagic = sinceMagic;
    }

    /** Header size in bytes. */
    public int length() {
        return length;
    }

    /** The layout a release of {@code v} writes. */
    public static PycLayout forVersion(PyVersion v) {
        if (v.has(Feature.PYC_FLAGS_WORD)) return FLAGS_16;
        if (v.has(Feature.PYC_SOURCE_SIZE)) return SIZED_12;
        return MTIME_8;
    }

    /**
     * The layout a file with this magic number has. Decided by magic number rather than minor version
     * so pre-release files (3.3a1 before magic 3210, 3.7a1-a3 before 3392) read correctly. 1.x/2.x
     * magic numbers (all above 20000) always used the 8-byte header.
     */
    public static PycLayout forMagic(int magic) {
        if (magic >= 20000) return MTIME_8;
        PycLayout best = MTIME_8;
        for (PycLayout l : values()) {
            if (magic >= l.sinceMagic) best = l;
        }
        return best;
    }
}
