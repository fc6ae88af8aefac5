package org.jpyc.version;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * A value made once per target version and shared (a version's opcode table, its compiler facts), for
 * code that asks for it once per code unit: Python 3 versions are found by minor number in an array,
 * without hashing the version; any other in a map. Thread-safe; two threads asking at once may both make
 * the value, and one of them is kept.
 */
public final class PerVersion<T> {
    private final Function<PyVersion, T> make;
    private final Map<PyVersion, T> made = new ConcurrentHashMap<>();
    /** {@link #made}'s Python 3 values by minor version (volatile slots, so a value is seen whole). */
    private final AtomicReferenceArray<T> byMinor = new AtomicReferenceArray<>(32);

    public PerVersion(Function<PyVersion, T> make) {
        this.make = make;
    }

    public T get(PyVersion v) {
        int minor = v.minor();
        if (v.major() == 3 && minor < byMinor.length()) {
            T t = byMinor.get(minor);
            if (t == null) {
                t = made.computeIfAbsent(v, make);
                byMinor.set(minor, t);
            }
            return t;
        }
        return made.computeIfAbsent(v, make);
    }
}
