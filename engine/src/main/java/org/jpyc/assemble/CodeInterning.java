package org.jpyc.assemble;

import java.util.ArrayList;
import java.util.List;
import org.jpyc.instrseq.InternTable;
import org.jpyc.object.PyObject;
import org.jpyc.object.PySet;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.object.SetLayout;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * What {@code _PyCode_New} does to a new code object's strings (Objects/codeobject.c, 3.13,
 * default build): {@code intern_strings} on names and localsplus names, {@code intern_constants}
 * on the constants (identifier-like strs, recursively through tuples, in place, and through
 * frozensets, rebuilt when an item was replaced), and {@code init_code}'s interning of filename,
 * name and qualname. Works in place on the tuples, as CPython does.
 */
final class CodeInterning {
    private CodeInterning() {}

    /** {@code intern_strings}: every item interned (last to first). */
    static void internStrings(InternTable table, PyTuple tuple) {
        PyObject[] items = tuple.array();
        for (int i = items.length - 1; i >= 0; i--) {
            if (!(items[i] instanceof PyStr s)) throw new IllegalStateException("non-string found in code slot");
            items[i] = table.intern(s);
        }
    }

    /**
     * {@code intern_constants} (3.13; 3.12's {@code intern_string_constants}, whose {@code all_name_chars} is the
     * same test): true when an item of {@code tuple} was replaced. {@code singletons}: the runtime's
     * one-character Latin-1 strs are interned ones ({@link org.jpyc.version.Feature#LATIN1_SINGLETONS_INTERNED}).
     */
    static boolean internConstants(InternTable table, PyTuple tuple, PyVersion target) {
        return internConstants(table, tuple, target, target.has(Feature.LATIN1_SINGLETONS_INTERNED));
    }

    private static boolean internConstants(InternTable table, PyTuple tuple, PyVersion target, boolean singletons) {
        PyObject[] items = tuple.array();
        boolean modified = false;
        for (int i = items.length - 1; i >= 0; i--) {
            PyObject v = items[i];
            if (v instanceof PyStr s) {
                if (shouldInternString(s) || (singletons && InternTable.isRuntimeSingleton(s))) {
                    PyStr w = table.intern(s);
                    if (w != s) {
                        items[i] = w;
                        modified = true;
                    }
                }
            } else if (v instanceof PyTuple t) {
                internConstants(table, t, target, singletons);
            } else if (v instanceof PySet fs && fs.frozen()) {
                PyTuple tmp = new PyTuple(new ArrayList<>(fs.items()));
                if (internConstants(table, tmp, target, singletons)) {
                    items[i] = SetLayout.frozensetNew(List.of(tmp.array()), target);
                    modified = true;
                }
            }
        }
        return modified;
    }

    /** {@code should_intern_string} (3.13, default build): ASCII letters, digits and underscores only. */
    static boolean shouldInternString(PyStr s) {
        // an ASCII payload is the code points themselves, in either encoding
        for (byte cp : s.raw()) {
            boolean alnum = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
            if (!alnum && cp != '_') return false;
        }
        return true;
    }
}
