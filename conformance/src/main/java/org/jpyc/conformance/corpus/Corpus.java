package org.jpyc.conformance.corpus;

import java.util.List;
import org.jpyc.conformance.oracle.Oracle;

/** A set of cases; it may depend on the interpreter (the stdlib sweep tests each version's own stdlib). */
public interface Corpus {
    /** For progress and reports. */
    String name();

    /** The cases to run on {@code oracle}'s version. */
    List<Case> cases(Oracle oracle);
}
