package org.jpyc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Trees a benchmark is done with, moved aside rather than deleted until no timed run is left.
 *
 * <p>Why: on ext4 without a journal (this VM's root file system, and the default of many cloud images),
 * creating a file skips every inode freed in the last minute or more ({@code find_inode_bit} calling
 * {@code recently_deleted}), reading each one's on-disk record. Deleting a tree of a few thousand files right
 * before a timed run therefore made every file that run created cost a scan over those inodes: a {@code -j 1}
 * {@code compileall} of the 3.13 stdlib took 7.2-8.6 s instead of 6.0 s, jpyc 3.8-4.0 s instead of 3.6 s (perf:
 * {@code recently_deleted} and {@code find_get_block_common} were 11% of all samples). The cost grows with
 * the files created, and fell on whichever process creates them on its critical path: more on CPython, whose
 * {@code -j 1} writes on its only thread, than on jpyc, whose writer thread runs beside its compile thread.
 * Renaming a tree frees no inode, so every timed run creates its files as a build on a quiet file system does.
 *
 * <p>{@link #discard} renames a directory to {@code .discarded/<n>} under its parent (the same file system);
 * {@link #deleteAll} deletes those directories, which the bench command does once its last timed run is
 * over, and at its start for those a stopped earlier run left (minutes before its first timed run).
 */
final class Discarded {
    private Discarded() {}

    static final String DIR = ".discarded";
    private static final AtomicLong NEXT = new AtomicLong();

    /** Moves {@code dir}, if it exists, to {@code <parent>/.discarded/<n>}, where {@link #deleteAll} finds it. */
    static void discard(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        Path bin = Files.createDirectories(dir.toAbsolutePath().getParent().resolve(DIR));
        Path to;
        do {
            to = bin.resolve(ProcessHandle.current().pid() + "-" + NEXT.getAndIncrement());
        } while (Files.exists(to));
        Files.move(dir, to, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes the {@code .discarded} directories in {@code root} and in its subdirectories (where the benchmarks work). */
    static void deleteAll(Path root) throws IOException {
        if (!Files.isDirectory(root)) return;
        java.util.List<Path> bins;
        try (java.util.stream.Stream<Path> s = Files.walk(root, 2)) {
            bins = s.filter(p -> p.getFileName() != null && p.getFileName().toString().equals(DIR) && Files.isDirectory(p)).toList();
        }
        for (Path b : bins) ProcessBench.delete(b);
    }
}
