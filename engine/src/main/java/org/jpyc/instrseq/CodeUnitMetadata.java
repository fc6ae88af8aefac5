package org.jpyc.instrseq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyStr;
import org.jpyc.util.IdentityIntMap;

/**
 * What a code unit knows besides its instructions ({@code _PyCompile_CodeUnitMetadata},
 * Include/internal/pycore_compile.h): names and the index tables that opargs refer to. Codegen fills
 * it; flowgraph may add constants (folding); the assembler turns it into code object fields.
 *
 * <p>Constants are keyed as CPython's {@code u_consts} dict is, by {@code _PyCode_ConstantKey}
 * ({@link ConstCache#key}): they are the const cache's canonical objects, one per key, so the key
 * is their identity.
 */
public final class CodeUnitMetadata {
    public String name;
    /** Dot-separated qualified name ({@code compiler_set_qualname}). */
    public String qualname;
    /** The {@code u_qualname} str object, once asked for ({@link #qualnameObject()}). */
    private PyStr qualnameObject;
    /** {@code u_consts}: each constant's index plus one, by identity (see {@link #addConst}). */
    private final IdentityIntMap consts = new IdentityIntMap(16);
    private final List<PyObject> constList = new ArrayList<>();
    /** {@code u_names}: global/attribute/import names, in first-use order. */
    public final NameTable names = new NameTable();
    /** {@code u_varnames}: parameters first, then locals. */
    public final NameTable varnames = new NameTable();
    public final NameTable cellvars = new NameTable();
    public final NameTable freevars = new NameTable();
    /** {@code u_fasthidden}: names that are fast locals only inside an inlined comprehension (value: hidden now). */
    public final Map<String, Boolean> fasthidden = new HashMap<>();
    public int argcount;
    public int posonlyargcount;
    public int kwonlyargcount;
    public int firstlineno;

    /**
     * The {@code u_qualname} object: a class body loads this very str as its {@code __qualname__}
     * constant, and the code object's {@code co_qualname} is it too, interned by {@code init_code}
     * (which interns the constant as well, unless an equal constant was cached first). Codegen should
     * load this object rather than a new str; the assembler interns it.
     */
    public PyStr qualnameObject() {
        if (qualnameObject == null) qualnameObject = PyStr.of(qualname != null ? qualname : name, false);
        return qualnameObject;
    }

    /** {@link #qualnameObject()} if it was asked for, else null. */
    public PyStr qualnameObjectIfMade() {
        return qualnameObject;
    }

    /**
     * The index of a constant, adding it if new ({@code dict_add_o} on {@code u_consts}). {@code canonical}
     * must already be merged through the module's {@link ConstCache}: the cache gives one object per
     * {@code _PyCode_ConstantKey}, so the dict's lookup by key is a lookup by that object's identity here.
     */
    public int addConst(PyObject canonical) {
        int n = constList.size();
        int i = consts.putIfAbsent(canonical, n + 1); // one probe finds or enters it
        if (i > 0) return i - 1;
        constList.add(canonical);
        return n;
    }

    /** The index of an already added constant (a canonical object, as {@link #addConst} takes), or -1. */
    public int constIndex(PyObject canonical) {
        return consts.get(canonical) - 1;
    }

    /** The constants in index order ({@code consts_dict_keys_inorder}). */
    public List<PyObject> consts() {
        return constList;
    }
}
