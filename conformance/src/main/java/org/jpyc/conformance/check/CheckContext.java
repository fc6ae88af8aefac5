package org.jpyc.conformance.check;

import org.jpyc.conformance.corpus.Case;
import org.jpyc.conformance.oracle.Oracle;
import org.jpyc.conformance.oracle.SourceAnswer;
import org.jpyc.version.PyVersion;

/**
 * Everything a check sees.
 *
 * @param kase    the case
 * @param version the version under test
 * @param answer  CPython's answers for the case (at least what the check's {@link Needs} asked for)
 * @param oracle  the live oracle, for explaining a mismatch (e.g. disassembling both sides)
 */
public record CheckContext(Case kase, PyVersion version, SourceAnswer answer, Oracle oracle) {}
