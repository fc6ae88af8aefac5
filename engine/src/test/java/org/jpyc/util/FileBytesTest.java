package org.jpyc.util;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FileBytes#read} gives what {@link Files#readAllBytes} gives, bytes and errors. */
class FileBytesTest {
    @TempDir
    Path dir;

    @Test
    void sameBytesAsFilesReadAllBytesForEverySize() throws IOException {
        Random r = new Random(7);
        for (int size : new int[] {0, 1, 8191, 8192, 8193, 35_000, 1 << 20}) {
            byte[] data = new byte[size];
            r.nextBytes(data);
            Path p = Files.write(dir.resolve("f" + size), data);
            assertArrayEquals(data, FileBytes.read(p), "size " + size);
        }
    }

    @Test
    void fileWhoseLengthIsNotKnownIsReadToItsEnd() throws IOException {
        Path proc = Path.of("/proc/version"); // st_size 0, text behind it
        if (!Files.isReadable(proc)) return;
        byte[] expected = Files.readAllBytes(proc);
        assertTrue(expected.length > 0);
        assertArrayEquals(expected, FileBytes.read(proc));
    }

    @Test
    void missingFileThrowsWhatFilesThrows() {
        Path p = dir.resolve("missing.py");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> FileBytes.read(p));
        assertEquals(p.toString(), e.getFile());
    }

    @Test
    void directoryThrowsWhatFilesThrows() {
        IOException expected = assertThrows(IOException.class, () -> Files.readAllBytes(dir));
        IOException actual = assertThrows(IOException.class, () -> FileBytes.read(dir));
        assertEquals(expected.getClass(), actual.getClass());
        assertEquals(expected.getMessage(), actual.getMessage());
    }

    @Test
    void pathOfAnotherFileSystemIsReadThroughIt() throws IOException {
        Path zip = dir.resolve("a.zip");
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Path inside = Files.writeString(fs.getPath("/m.py"), "x = 1\n");
            assertArrayEquals("x = 1\n".getBytes(), FileBytes.read(inside));
        }
    }
}
