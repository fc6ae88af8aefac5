package org.jpyc.pyc;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.jpyc.version.PyVersion;

/**
 * The header in front of the marshalled code object of a .pyc file; see {@link PycLayout} for the
 * three layouts. Immutable; {@link #toBytes()} writes exactly the bytes {@link #read} consumed.
 */
public final class PycHeader {
    /** Flag bits defined by PEP 552; importlib rejects any other bit. */
    static final int KNOWN_FLAGS = 0b11;
    static final int FLAG_HASH_BASED = 0b01;
    static final int FLAG_CHECK_SOURCE = 0b10;

    private final Magic magic;
    private final PycLayout layout;
    private final int flags;
    private final long mtime;
    private final long sourceSize;
    private final byte[] sourceHash;

    private PycHeader(Magic magic, PycLayout layout, int flags, long mtime, long sourceSize, byte[] sourceHash) {
        this.magic = magic;
        this.layout = layout;
        this.flags = flags;
        this.mtime = mtime;
        this.sourceSize = sourceSize;
        this.sourceHash = sourceHash;
    }

    /**
     * A timestamp-based header as {@code _code_to_timestamp_pyc} writes it for {@code v}: mtime and
     * size are stored modulo 2**32 (the size only from 3.3 on).
     */
    public static PycHeader timestamp(PyVersion v, long mtime, long sourceSize) {
        PycLayout layout = PycLayout.forVersion(v);
        return new PycHeader(Magic.forVersion(v), layout, 0, mtime & 0xFFFFFFFFL,
                layout == PycLayout.MTIME_8 ? -1 : sourceSize & 0xFFFFFFFFL, null);
    }

    /** A hash-based header as {@code _code_to_hash_pyc} writes it (3.7+): flags 0b01 or 0b11. */
    public static PycHeader hashBased(PyVersion v, byte[] sourceHash, boolean checkSource) {
        if (PycLayout.forVersion(v) != PycLayout.FLAGS_16) {
            throw new IllegalArgumentException("hash-based pycs need Python 3.7+, not " + v);
        }
        if (sourceHash.length != 8) throw new IllegalArgumentException("source hash must be 8 bytes");
        int flags = FLAG_HASH_BASED | (checkSource ? FLAG_CHECK_SOURCE : 0);
        return new PycHeader(Magic.forVersion(v), PycLayout.FLAGS_16, flags, -1, -1, sourceHash.clone());
    }

    /** Reads the header at the start of {@code data}. */
    public static PycHeader read(byte[] data) {
        return read(data, 0);
    }

    /**
     * Reads the header at {@code offset}. The magic number decides the layout and must belong to a
     * known version (2.7, 3.x).
     *
     * @throws PycFormatException on truncation, bad or unknown magic, or flag bits other than 0-1
     */
    public static PycHeader read(byte[] data, int offset) {
        Objects.requireNonNull(data, "data");
        Magic magic = Magic.read(data, offset);
        if (magic.version().isEmpty()) {
            throw new PycFormatException("unknown magic number " + magic, offset);
        }
        PycLayout layout = PycLayout.forMagic(magic.number());
        if (data.length - offset < layout.length()) {
            throw new PycFormatException("truncated pyc header: " + layout + " needs " + layout.length()
                    + " bytes, only " + (data.length - offset) + " present", data.length);
        }
        int at = offset + 4;
        int flags = 0;
        if (layout == PycLayout.FLAGS_16) {
            long f = u32(data, at);
            if ((f & ~KNOWN_FLAGS) != 0) {
                throw new PycFormatException("invalid pyc flags 0x" + Long.toHexString(f), at);
            }
            flags = (int) f;
            at += 4;
        }
        if ((flags & FLAG_HASH_BASED) != 0) {
            return new PycHeader(magic, layout, flags, -1, -1, Arrays.copyOfRange(data, at, at + 8));
        }
        long mtime = u32(data, at);
        long size = layout == PycLayout.MTIME_8 ? -1 : u32(data, at + 4);
        return new PycHeader(magic, layout, flags, mtime, size, null);
    }

    /** The header bytes: {@link #length()} of them. */
    public byte[] toBytes() {
        byte[] out = new byte[layout.length()];
        System.arraycopy(magic.bytes(), 0, out, 0, 4);
        int at = 4;
        if (layout == PycLayout.FLAGS_16) {
            putU32(out, at, flags);
            at += 4;
        }
        if (isHashBased()) {
            System.arraycopy(sourceHash, 0, out, at, 8);
        } else {
            putU32(out, at, mtime);
            if (layout != PycLayout.MTIME_8) putU32(out, at + 4, sourceSize);
        }
        return out;
    }

    public Magic magic() {
        return magic;
    }

    /** The version the magic number belongs to. */
    public PyVersion version() {
        return magic.version().orElseThrow();
    }

    public PycLayout layout() {
        return layout;
    }

    /** Header size in bytes; the marshal data starts here. */
    public int length() {
        return layout.length();
    }

    /** The PEP 552 flags word (0 before 3.7). */
    public int flags() {
        return flags;
    }

    public boolean isHashBased() {
        return (flags & FLAG_HASH_BASED) != 0;
    }

    /** For hash-based pycs: whether importlib checks the hash against the source by default. */
    public boolean checkSource() {
        return (flags & FLAG_CHECK_SOURCE) != 0;
    }

    public InvalidationMode invalidationMode() {
        return InvalidationMode.ofFlags(flags);
    }

    /** Source mtime (uint32 seconds) of a timestamp pyc; -1 for a hash-based one. */
    public long mtime() {
        return mtime;
    }

    /** Source size (uint32) of a timestamp pyc from 3.3 on; -1 otherwise. */
    public long sourceSize() {
        return sourceSize;
    }

    /** The 8-byte source hash of a hash-based pyc; {@code null} otherwise. */
    public byte[] sourceHash() {
        return sourceHash == null ? null : sourceHash.clone();
    }

    static long u32(byte[] d, int at) {
        return (d[at] & 0xFFL) | (d[at + 1] & 0xFFL) << 8 | (d[at + 2] & 0xFFL) << 16 | (d[at + 3] & 0xFFL) << 24;
    }

    static void putU32(byte[] d, int at, long v) {
        d[at] = (byte) v;
        d[at + 1] = (byte) (v >>> 8);
        d[at + 2] = (byte) (v >>> 16);
        d[at + 3] = (byte) (v >>> 24);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PycHeader h && h.magic.equals(magic) && h.layout == layout && h.flags == flags
                && h.mtime == mtime && h.sourceSize == sourceSize && Arrays.equals(h.sourceHash, sourceHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(magic, layout, flags, mtime, sourceSize) * 31 + Arrays.hashCode(sourceHash);
    }

    @Override
    public String toString() {
        String tail = isHashBased() ? " hash=" + HexFormat.of().formatHex(sourceHash)
                : " mtime=" + mtime + (sourceSize >= 0 ? " size=" + sourceSize : "");
        return "PycHeader[magic=" + magic + " " + layout + " flags=" + flags + tail + "]";
    }
}
