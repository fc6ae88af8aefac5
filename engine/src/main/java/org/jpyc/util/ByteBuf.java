package org.jpyc.util;

import java.util.Arrays;

/**
 * A growable byte array for writers on one thread: {@link java.io.ByteArrayOutputStream} without its
 * locking (every {@code write} of that class is {@code synchronized}, which costs an atomic operation
 * per byte on the JVMs jpyc runs on, where biased locking is gone).
 */
public final class ByteBuf {
    private byte[] buf;
    private int size;

    public ByteBuf() {
        this(64);
    }

    public ByteBuf(int capacity) {
        buf = new byte[Math.max(1, capacity)];
    }

    /** Appends the low 8 bits of {@code b}. */
    public void write(int b) {
        if (size == buf.length) buf = Arrays.copyOf(buf, size * 2);
        buf[size++] = (byte) b;
    }

    /** Appends {@code len} bytes of {@code b} from {@code off}. */
    public void write(byte[] b, int off, int len) {
        if (size + len > buf.length) buf = Arrays.copyOf(buf, Math.max(size * 2, size + len));
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    public int size() {
        return size;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
