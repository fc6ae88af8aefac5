package org.jpyc.pyc;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesIntoMissingDirectoriesAndLeavesNoTemporaryFile() throws IOException {
        Path src = Files.writeString(dir.resolve("m.py"), "x = 1\n");
        Path pyc = dir.resolve("__pycache__/deeper/m.cpython-312.pyc");
        var r = new CacheWriter(false).cacheBytecode(src, pyc, new byte[] {1, 2, 3});
        assertEquals(CacheWriter.Outcome.WRITTEN, r.outcome(), r.detail());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(pyc));
        try (Stream<Path> s = Files.list(pyc.getParent())) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path pyc = dir.resolve("m.pyc");
        Files.write(pyc, new byte[] {9});
        CacheWriter.writeAtomic(pyc, new byte[] {7, 7}, 0666);
        assertArrayEquals(new byte[] {7, 7}, Files.readAllBytes(pyc));
    }

    @Test
    void dontWriteBytecodeWritesNothing() throws IOException {
        Path src = Files.writeString(dir.resolve("m.py"), "x = 1\n");
        Path pyc = dir.resolve("__pycache__/m.cpython-312.pyc");
        var r = new CacheWriter(true).cacheBytecode(src, pyc, new byte[] {1});
        assertEquals(CacheWriter.Outcome.SKIPPED_DONT_WRITE_BYTECODE, r.outcome());
        assertFalse(Files.exists(pyc.getParent()));
    }

    @Test
    void failedRenameLeavesTargetAndNoTemporaryFile() throws IOException {
        Path target = Files.createDirectory(dir.resolve("m.pyc"));
        Files.writeString(target.resolve("inside"), "keep");
        assertThrows(IOException.class, () -> CacheWriter.writeAtomic(target, new byte[] {1}, 0666));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "only the original entry remains");
        }
        var r = new CacheWriter(false).setData(target, new byte[] {1}, 0666);
        assertEquals(CacheWriter.Outcome.FAILED, r.outcome());
    }

    @Test
    void modeIsSourceModePlusOwnerWriteWithoutExecute() throws IOException {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        Path src = Files.writeString(dir.resolve("m.py"), "x = 1\n");
        Files.setPosixFilePermissions(src, PosixFilePermissions.fromString("r-xr--r--"));
        int mode = CacheWriter.calcMode(src);
        assertEquals(0200, mode & 0200);
        Path pyc = dir.resolve("m.pyc");
        new CacheWriter(false).cacheBytecode(src, pyc, new byte[] {1});
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(pyc);
        assertTrue(p.contains(PosixFilePermission.OWNER_WRITE));
        assertFalse(p.contains(PosixFilePermission.OWNER_EXECUTE));
        assertFalse(p.contains(PosixFilePermission.GROUP_WRITE) && !Files.getPosixFilePermissions(src).contains(PosixFilePermission.GROUP_WRITE));
    }

    @Test
    void missingSourceGivesDefaultMode() {
        assertEquals(0666 | 0200, CacheWriter.calcMode(dir.resolve("nope.py")));
    }
}
