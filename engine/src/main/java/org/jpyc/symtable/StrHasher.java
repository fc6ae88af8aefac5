package org.jpyc.symtable;

import java.util.HashMap;
import java.util.Map;
import org.jpyc.object.PyHash;
import org.jpyc.object.PyStr;
import org.jpyc.version.PyVersion;

/** {@code hash(str)} under {@code PYTHONHASHSEED=0} for one version, cached per name (CPython caches it in the str). */
final class StrHasher {
    private final PyVersion version;
    private final Map<String, Long> cache = new HashMap<>();

    StrHasher(PyVersion version) {
        this.version = version;
    }

    long hash(String s) {
        Long h = cache.get(s);
        if (h == null) {
            h = PyHash.hashStr(PyStr.of(s, false), version);
            cache.put(s, h);
        }
        return h;
    }
}
