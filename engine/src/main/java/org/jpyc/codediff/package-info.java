/**
 * Comparing two pyc files (CPython's and jpyc's) code object by code object, and explaining the first
 * difference.
 *
 * <ul>
 *   <li>{@link org.jpyc.codediff.PycDiff#compare}: both headers, both loaded with {@code org.jpyc.marshal},
 *       then the code object trees walked in parallel in marshal order ({@link org.jpyc.codediff.CodeWalk}).
 *       The first difference ({@link org.jpyc.codediff.Difference}) is named by its object path and field in
 *       {@link org.jpyc.marshal.MarshalTrace}'s syntax ({@code <module>.co_consts[3] <code f>.co_linetable[12]}),
 *       with its {@link org.jpyc.codediff.DiffKind}: values differ, or only the marshal encoding does
 *       ({@code FLAG_REF} bits, back-references, type-code forms).</li>
 *   <li>Per field group ({@link org.jpyc.codediff.FieldGroup}: co_code, co_consts, ..., references) whether the
 *       two trees agree, so progress shows before whole files match.</li>
 *   <li>{@link org.jpyc.codediff.PycDiff#explain}: the text shown to a person, with the first differing code
 *       object disassembled side by side by {@code org.jpyc.dis} ({@link org.jpyc.codediff.SideBySide}).</li>
 * </ul>
 *
 * Pure Java over two byte arrays: used by the conformance {@code compile} check and by {@code jpyc diff}.
 */
package org.jpyc.codediff;
