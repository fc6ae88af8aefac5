package org.jpyc.conformance.oracle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An in-memory pipe between threads. Unlike {@link java.io.PipedInputStream} it does not care which
 * thread writes (docker-java hands frames over from pooled threads that come and go).
 */
final class BytePipe {
    private static final byte[] END = new byte[0];
    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();

    /** The writing end; never throws. */
    final class Sink extends OutputStream {
        @Override
        public void write(int b) {
            chunks.add(new byte[] {(byte) b});
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len > 0) chunks.add(java.util.Arrays.copyOfRange(b, off, off + len));
        }

        @Override
        public void close() {
            chunks.add(END);
        }
    }

    final Sink sink = new Sink();

    final InputStream source = new InputStream() {
        private byte[] current = new byte[0];
        private int pos;
        private boolean ended;

        private boolean fill() throws IOException {
            while (!ended && pos >= current.length) {
                try {
                    byte[] next = chunks.take();
                    if (next == END) {
                        ended = true;
                        chunks.add(END); // stay at EOF for later reads
                    } else {
                        current = next;
                        pos = 0;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            return pos < current.length;
        }

        @Override
        public int read() throws IOException {
            return fill() ? current[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            if (!fill()) return -1;
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    };
}
