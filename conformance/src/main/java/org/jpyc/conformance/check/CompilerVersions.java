package org.jpyc.conformance.check;

import java.util.HashSet;
import java.util.Set;
import org.jpyc.compile.Compiler;
import org.jpyc.version.PyVersion;

/** The versions the compiler checks ({@code compile}, {@code symtable}) run on. */
final class CompilerVersions {
    private CompilerVersions() {}

    /**
     * The compiler's complete targets and those in progress ({@link Compiler#inProgress()}): the ratchet
     * (conformance/src/test/resources/ratchet) holds what passes for each, so a version in progress is
     * measured from its first pass on and can never lose one.
     */
    static final Set<PyVersion> MEASURED;

    static {
        Set<PyVersion> s = new HashSet<>(Compiler.targets());
        s.addAll(Compiler.inProgress());
        MEASURED = Set.copyOf(s);
    }
}
