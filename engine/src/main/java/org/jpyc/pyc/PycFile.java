package org.jpyc.pyc;

import java.util.Objects;
import org.jpyc.marshal.Marshal;
import org.jpyc.object.PyObject;
import org.jpyc.version.PyVersion;

/**
 * A .pyc file: a {@link PycHeader} followed by one marshalled object, the module's code object.
 *
 * <pre>
 * offset 0                 header ({@link PycLayout}: 8, 12 or 16 bytes, chosen by the magic number)
 * offset header.length()   marshal data (format of the header's version) up to the end of the file
 * </pre>
 *
 * {@link #toBytes()} serializes again (header, then marshal dump of {@link #code()}); for a file
 * CPython wrote, that reproduces the input byte for byte. Bytes after the marshalled object are
 * ignored when reading (as {@code marshal.loads} does) and so are not written back.
 *
 * <p>Errors: a bad header is a {@link PycFormatException} (offset in the file); bad marshal data is
 * the marshal reader's own typed exception ({@code org.jpyc.marshal.MarshalFormatException}).
 */
public final class PycFile {
    private final PycHeader header;
    private final PyObject code;

    public PycFile(PycHeader header, PyObject code) {
        this.header = Objects.requireNonNull(header, "header");
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Reads a whole .pyc (header and marshal data); the version comes from the magic number. */
    public static PycFile read(byte[] data) {
        PycHeader header = PycHeader.read(data);
        PyObject code = Marshal.load(data, header.length(), data.length, header.version());
        return new PycFile(header, code);
    }

    /** A timestamp pyc as importlib writes it for {@code v} ({@code _code_to_timestamp_pyc}). */
    public static PycFile timestamp(PyVersion v, PyObject code, long sourceMtime, long sourceSize) {
        return new PycFile(PycHeader.timestamp(v, sourceMtime, sourceSize), code);
    }

    /** A hash-based pyc as importlib writes it for {@code v} ({@code _code_to_hash_pyc}). */
    public static PycFile hashBased(PyVersion v, PyObject code, byte[] source, boolean checkSource) {
        return new PycFile(PycHeader.hashBased(v, SourceHash.of(v, source), checkSource), code);
    }

    /** Writes this file: header bytes, then the marshalled code object. */
    public byte[] toBytes() {
        byte[] head = header.toBytes();
        byte[] body = Marshal.dump(code, header.version());
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    public PycHeader header() {
        return header;
    }

    /** The version the magic number names. */
    public PyVersion version() {
        return header.version();
    }

    /** The top-level code object. */
    public PyObject code() {
        return code;
    }
}
