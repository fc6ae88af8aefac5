package org.jpyc.conformance.oracle;

import java.util.List;

/**
 * One source for the oracle to compile.
 *
 * @param dfile    the display filename CPython puts into {@code co_filename}
 * @param source   the source bytes, exactly as on disk
 * @param mtime    the modification time the source file gets, so timestamp headers are deterministic
 * @param variants which pyc files to write
 * @param ast      whether to answer {@code ast.dump(ast.parse(...), include_attributes=True)}
 * @param dis      whether to answer {@code dis.dis} of the optimize-0 timestamp pyc
 * @param symtable whether to answer the dump of {@code _symtable.symtable(source, dfile, "exec")}
 * @param fresh    whether to answer from a fresh interpreter process (the driver's {@code compile_fresh})
 */
public record SourceRequest(String dfile, byte[] source, long mtime, List<PycVariant> variants,
                            boolean ast, boolean dis, boolean symtable, boolean fresh) {
    public SourceRequest {
        variants = List.copyOf(variants);
    }

    /** Without the symbol table. */
    public SourceRequest(String dfile, byte[] source, long mtime, List<PycVariant> variants, boolean ast, boolean dis) {
        this(dfile, source, mtime, variants, ast, dis, false, false);
    }

    /** In the interpreter's usual process. */
    public SourceRequest(String dfile, byte[] source, long mtime, List<PycVariant> variants, boolean ast, boolean dis,
                         boolean symtable) {
        this(dfile, source, mtime, variants, ast, dis, symtable, false);
    }
}
