package org.jpyc.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs of one benchmark, as real CPython produced them, passed from the runner to JMH's forked
 * JVMs through a file: a count, then (length, bytes) per payload.
 */
public record PayloadSet(String version, List<byte[]> payloads) {

    public long totalBytes() {
        long n = 0;
        for (byte[] p : payloads) n += p.length;
        return n;
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp); DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(os))) {
            out.writeUTF(version);
            out.writeInt(payloads.size());
            for (byte[] p : payloads) {
                out.writeInt(p.length);
                out.write(p);
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static PayloadSet read(Path file) throws IOException {
        try (InputStream is = Files.newInputStream(file); DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(is))) {
            String v = in.readUTF();
            int n = in.readInt();
            List<byte[]> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                out.add(b);
            }
            return new PayloadSet(v, out);
        }
    }

    /** Where the runner leaves the payloads of {@code kind} for {@code version}. */
    public static Path file(Path dir, String kind, String version) {
        return dir.resolve(kind + "-" + version + ".bin");
    }
}
