package org.jpyc.assemble;

import java.util.List;
import org.jpyc.instrseq.CodeFlags;
import org.jpyc.instrseq.ConstCache;
import org.jpyc.instrseq.InternTable;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * {@code makecode} (Python/assemble.c, 3.13) and the parts of {@code _PyCode_New} that decide object
 * identity: the tables and tuples are merged through the module's const cache (so equal ones are one
 * object module-wide), then the strings are interned ({@link CodeInterning}).
 *
 * <p>{@code co_code} is a fresh bytes object of its own: marshal writes {@code _PyCode_GetCode(co)},
 * the code object's cached copy of its bytecode, never the merged bytecode.
 */
public final class CodeMaker {
    private CodeMaker() {}

    /**
     * {@code assemble_emit}'s tail and {@code makecode}: merge order as CPython's (exception table,
     * location table, bytecode; names, consts, localsplus names), then {@code _PyCode_New}'s interning.
     */
    public static PyCode make(ConstCache cache, CodeParts p) {
        InternTable interned = cache.interned();
        PyObject exceptiontable = cache.mergeOne(new PyBytes(p.exceptiontable()));
        PyObject linetable = cache.mergeOne(new PyBytes(p.linetable()));
        cache.mergeOne(new PyBytes(p.bytecode()));

        PyTuple namesMade = strTuple(interned, p.names());
        PyObject names = cache.mergeOne(namesMade);
        PyObject consts = cache.mergeOne(new PyTuple(p.consts()));
        PyTuple localsplusnamesMade = strTuple(interned, p.localsplusnames());
        PyObject localsplusnames = cache.mergeOne(localsplusnamesMade);

        // _PyCode_New: intern_code_constants. A names tuple made here holds interned strs already
        // (interning one gives itself back), so only a cached one met in the merge needs the pass.
        if (names != namesMade) CodeInterning.internStrings(interned, (PyTuple) names);
        PyVersion target = cache.target();
        CodeInterning.internConstants(interned, (PyTuple) consts, target);
        if (localsplusnames != localsplusnamesMade) CodeInterning.internStrings(interned, (PyTuple) localsplusnames);

        PyCode co = new PyCode();
        co.argcount = p.argcount();
        co.posonlyargcount = p.posonlyargcount();
        co.kwonlyargcount = p.kwonlyargcount();
        // init_code: a frame always has room for one value (3.13; 3.12 keeps a computed 0)
        co.stacksize = p.stacksize() == 0 && target.has(Feature.CODE_STACKSIZE_AT_LEAST_ONE) ? 1 : p.stacksize();
        co.flags = p.flags();
        co.firstlineno = p.firstlineno();
        co.code = new PyBytes(p.bytecode());
        co.consts = consts;
        co.names = names;
        co.localsplusnames = localsplusnames;
        co.localspluskinds = localspluskinds(cache, p.localspluskinds());
        if (target.has(Feature.CODE_NAMES_INTERNED)) {
            // init_code: filename, name and qualname interned
            co.filename = interned.intern(p.filename());
            co.name = interned.intern(p.name());
            co.qualname = p.qualnameObject() != null ? interned.intern(p.qualnameObject())
                    : qualname(interned, (PyTuple) consts, p.qualname() != null ? p.qualname() : p.name(), p.flags());
        } else {
            // init_code keeps the compiler's objects
            co.filename = cache.callerFilename(p.filename());
            co.name = unitName(cache, p.name());
            co.qualname = unitQualname(p, (PyStr) co.name);
        }
        co.linetable = linetable;
        co.exceptiontable = exceptiontable;
        return co;
    }

    /**
     * {@code init_code}'s {@code _PyUnicode_InternMortal(&co->co_qualname)} when the unit's
     * {@code u_qualname} object is not known ({@link CodeParts#qualnameObject()} null). A class body (a
     * unit that is not {@code CO_OPTIMIZED}) loads its {@code u_qualname} object as the
     * {@code __qualname__} constant, so when its own constants hold a str with the qualname's text,
     * that str is taken for the qualname object, and interning it here interns the constant too. (Wrong
     * when an equal str constant was cached before the class body: then the constant is that other
     * object and stays uninterned.) A function's constant with its qualname's text is another object.
     */
    private static PyStr qualname(InternTable interned, PyTuple consts, String text, int flags) {
        if ((flags & CodeFlags.CO_OPTIMIZED) == 0) {
            PyStr q = PyStr.of(text, false);
            for (PyObject k : consts.array()) {
                if (k instanceof PyStr s && s.sameText(q)) return interned.intern(s);
            }
            return interned.intern(text);
        }
        return interned.intern(text);
    }

    /** The names {@code compiler_enter_scope} gets as statically allocated strs ({@code &_Py_STR(anon_module)}, ...). */
    private static final java.util.Set<String> STATIC_UNIT_NAMES =
            java.util.Set.of("<module>", "<lambda>", "<genexpr>", "<listcomp>", "<setcomp>", "<dictcomp>");

    /**
     * {@code u_name} where {@code init_code} does not intern it: a static immortal str for the anonymous units, the
     * identifier the parser interned for a function or class, else a str made for the unit (3.12's
     * {@code <generic parameters of f>}, {@code PyUnicode_FromFormat}).
     */
    private static PyStr unitName(ConstCache cache, String name) {
        if (STATIC_UNIT_NAMES.contains(name)) return cache.staticName(name);
        if (!name.isEmpty() && name.charAt(0) == '<') return PyStr.of(name, false);
        return cache.interned().intern(name);
    }

    /**
     * {@code u_qualname} where {@code init_code} does not intern it ({@code compiler_set_qualname}): the name object
     * itself when the unit has no dotted base (its qualname's text is its name's), else a new str, unless the unit
     * loaded it as a constant (a class body's {@code __qualname__}, {@link CodeParts#qualnameObject()}).
     */
    private static PyStr unitQualname(CodeParts p, PyStr name) {
        String text = p.qualname() != null ? p.qualname() : p.name();
        if (text.equals(p.name())) return name;
        return p.qualnameObject() != null ? p.qualnameObject() : PyStr.of(text, false);
    }

    /**
     * {@code PyBytes_FromStringAndSize(NULL, nlocalsplus)}: a fresh bytes object, except that no
     * locals gives the runtime's one empty bytes ({@link ConstCache#emptyBytes()}; not merged through the
     * constant cache, which may hold a fresh empty bytes instead).
     */
    private static PyObject localspluskinds(ConstCache cache, byte[] kinds) {
        return kinds.length == 0 ? cache.emptyBytes() : new PyBytes(kinds);
    }

    /** A new tuple of strs: the unit's name-table keys, which are identifiers (interned by the parser). */
    private static PyTuple strTuple(InternTable interned, List<String> names) {
        PyObject[] items = new PyObject[names.size()];
        for (int i = 0; i < items.length; i++) items[i] = interned.intern(names.get(i));
        return PyTuple.ofFresh(items);
    }
}
