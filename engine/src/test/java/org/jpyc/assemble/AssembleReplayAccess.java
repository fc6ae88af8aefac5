package org.jpyc.assemble;

import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.object.PyCode;

/** {@link AssembleReplay#metadata} for the replays of other packages. */
public final class AssembleReplayAccess {
    private AssembleReplayAccess() {}

    public static CodeUnitMetadata metadata(PyCode c) {
        return AssembleReplay.metadata(c);
    }
}
