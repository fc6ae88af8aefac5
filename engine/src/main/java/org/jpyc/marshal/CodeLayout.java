package org.jpyc.marshal;

import static org.jpyc.marshal.CodeField.*;

import java.util.List;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * The fields of a {@code 'c'} TYPE_CODE object in marshal order, for one family of CPython versions.
 * After the type byte, each field is either a raw int32 ({@link CodeField#isInt}) or a complete
 * marshal object; nothing else separates them. Verified against Python/marshal.c of each family
 * and, for 3.10-3.14, by round-tripping the embedded interpreters' own pyc files.
 *
 * <p>Reading is driven by {@link #fields()}: one loop, no per-version code. So is writing, except that
 * the writer unrolls that loop for {@link #PY310} and {@link #PY311}, the layouts jpyc compiles for
 * (see {@code MarshalWriter.code310}); a test holds the unrolled forms to this list.
 */
public final class CodeLayout {
    /**
     * Python 2.x (format 0-2; ints were int16 before 2.3, not supported): argcount, nlocals, stacksize,
     * flags, code, consts, names, varnames, freevars, cellvars, filename, name, firstlineno, lnotab.
     */
    public static final CodeLayout PY27 = new CodeLayout("2.7", List.of(
            ARGCOUNT, NLOCALS, STACKSIZE, FLAGS, CODE, CONSTS, NAMES, VARNAMES, FREEVARS, CELLVARS,
            FILENAME, NAME, FIRSTLINENO, LNOTAB));

    /** Python 3.0-3.7: 2.7's layout plus {@code co_kwonlyargcount} after {@code co_argcount}. */
    public static final CodeLayout PY30 = new CodeLayout("3.0-3.7", List.of(
            ARGCOUNT, KWONLYARGCOUNT, NLOCALS, STACKSIZE, FLAGS, CODE, CONSTS, NAMES, VARNAMES,
            FREEVARS, CELLVARS, FILENAME, NAME, FIRSTLINENO, LNOTAB));

    /** Python 3.8-3.9: plus {@code co_posonlyargcount} after {@code co_argcount}. */
    public static final CodeLayout PY38 = new CodeLayout("3.8-3.9", List.of(
            ARGCOUNT, POSONLYARGCOUNT, KWONLYARGCOUNT, NLOCALS, STACKSIZE, FLAGS, CODE, CONSTS, NAMES,
            VARNAMES, FREEVARS, CELLVARS, FILENAME, NAME, FIRSTLINENO, LNOTAB));

    /** Python 3.10: as 3.8, with {@code co_linetable} (PEP 626) where {@code co_lnotab} was. */
    public static final CodeLayout PY310 = new CodeLayout("3.10", List.of(
            ARGCOUNT, POSONLYARGCOUNT, KWONLYARGCOUNT, NLOCALS, STACKSIZE, FLAGS, CODE, CONSTS, NAMES,
            VARNAMES, FREEVARS, CELLVARS, FILENAME, NAME, FIRSTLINENO, LINETABLE));

    /**
     * Python 3.11+: no {@code co_nlocals}; varnames/freevars/cellvars replaced by
     * {@code co_localsplusnames} and {@code co_localspluskinds}; {@code co_qualname} after
     * {@code co_name}; {@code co_exceptiontable} last.
     */
    public static final CodeLayout PY311 = new CodeLayout("3.11+", List.of(
            ARGCOUNT, POSONLYARGCOUNT, KWONLYARGCOUNT, STACKSIZE, FLAGS, CODE, CONSTS, NAMES,
            LOCALSPLUSNAMES, LOCALSPLUSKINDS, FILENAME, NAME, QUALNAME, FIRSTLINENO, LINETABLE,
            EXCEPTIONTABLE));

    private final String name;
    private final CodeField[] fields;
    private final List<CodeField> fieldList;

    private CodeLayout(String name, List<CodeField> fields) {
        this.name = name;
        this.fieldList = fields;
        this.fields = fields.toArray(new CodeField[0]);
    }

    /** The layout CPython {@code v} writes. */
    public static CodeLayout forVersion(PyVersion v) {
        if (v.has(Feature.LOCALSPLUS)) return PY311;
        if (v.has(Feature.LINETABLE_310)) return PY310;
        if (v.has(Feature.POSONLY_ARGS)) return PY38;
        if (v.has(Feature.KWONLY_ARGS)) return PY30;
        return PY27;
    }

    /** The fields in marshal order. */
    public List<CodeField> fields() {
        return fieldList;
    }

    /** Same as {@link #fields()}, shared array for the reader and writer loops (do not modify). */
    CodeField[] fieldArray() {
        return fields;
    }

    @Override
    public String toString() {
        return "CodeLayout[" + name + "]";
    }
}
