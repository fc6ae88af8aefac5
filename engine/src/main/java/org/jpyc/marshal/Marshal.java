package org.jpyc.marshal;

import org.jpyc.object.PyObject;
import org.jpyc.version.PyVersion;

/**
 * CPython's {@code marshal} module for a given target version: {@code load} is {@code marshal.loads},
 * {@code dump} is {@code marshal.dumps} at the format that version's {@code py_compile} writes
 * (2 for 2.7 and 3.0-3.3, 4 for 3.4-3.13, 5 from 3.14; see {@link MarshalFormat#forVersion}).
 *
 * <p>{@code dump(load(x))} is {@code x} for any marshal data CPython wrote (see {@link MarshalReader}
 * for what is kept). For a bare marshal stream the version only picks the code object layout and the
 * string semantics; the pyc header's magic number is what names it.
 */
public final class Marshal {
    private Marshal() {}

    /** Loads the object at the start of {@code data}. */
    public static PyObject load(byte[] data, PyVersion v) {
        return load(data, 0, data.length, v);
    }

    /** Loads one object from {@code data[offset, end)} (trailing bytes are ignored, as by {@code marshal.loads}). */
    public static PyObject load(byte[] data, int offset, int end, PyVersion v) {
        return new MarshalReader(data, offset, end, MarshalFormat.forVersion(v)).readObject();
    }

    /** Dumps {@code o} as CPython {@code v} would, keeping loaded forms and reference flags. */
    public static byte[] dump(PyObject o, PyVersion v) {
        return dump(o, MarshalFormat.forVersion(v), RefPolicy.PRESERVE_ELSE_CPYTHON);
    }

    /** Dumps {@code o} in an explicit format with an explicit reference policy. */
    public static byte[] dump(PyObject o, MarshalFormat format, RefPolicy policy) {
        return MarshalWriter.dumpOne(o, format, policy, NO_PREFIX);
    }

    /** No prefix: {@link #dump(PyObject, MarshalFormat, RefPolicy, byte[])} of the object alone. */
    public static final byte[] NO_PREFIX = new byte[0];

    /** {@link #dump(PyObject, MarshalFormat, RefPolicy)} after {@code prefix} (e.g. a pyc header): one array, no copy joining them. */
    public static byte[] dump(PyObject o, MarshalFormat format, RefPolicy policy, byte[] prefix) {
        return MarshalWriter.dumpOne(o, format, policy, prefix);
    }
}
