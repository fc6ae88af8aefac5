package org.jpyc.util;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of an array read as one little-endian long, at any offset: byte {@code k} of the eight is bits
 * {@code 8k..8k+7}. For the scans that test or compare eight bytes a step (the source decoder, the parser's
 * name table, {@link ByteHash}); the JIT compiles the read to one load.
 */
public final class LittleEndian {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {}

    /** The bytes {@code b[offset..offset+8)} as a little-endian long; throws if they are not all there. */
    public static long longAt(byte[] b, int offset) {
        return (long) LONG.get(b, offset);
    }
}
