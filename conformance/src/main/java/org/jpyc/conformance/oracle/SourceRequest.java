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
 */
public record SourceRequest(String dfile, byte[] source, long mtime, List<PycVariant> variants,
                            boolean ast, boolean dis) {
    public SourceRequest {
        variants = List.copyOf(variants);
    }
}
