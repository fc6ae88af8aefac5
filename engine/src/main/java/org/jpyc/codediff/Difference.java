package org.jpyc.codediff;

import org.jpyc.object.PyCode;

/**
 * The first place two pycs differ.
 *
 * @param kind     what differs
 * @param path     the object path in {@link org.jpyc.marshal.MarshalTrace}'s syntax, e.g.
 *                 {@code <module>.co_consts[3] <code f>.co_linetable[12]}; {@code header} for the header
 * @param field    the code object field ({@code co_linetable}), or null when not inside a field
 * @param expected what the expected (CPython) side has there, shortened
 * @param actual   what the actual (jpyc) side has there, shortened
 * @param offset   the first differing byte offset in the files, or -1 if the bytes are not compared
 * @param expectedCode the innermost code object of the path on the expected side, or null
 * @param actualCode   the same on the actual side, or null
 */
public record Difference(DiffKind kind, String path, String field, String expected, String actual, int offset,
                         PyCode expectedCode, PyCode actualCode) {}
