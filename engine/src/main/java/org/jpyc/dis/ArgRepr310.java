package org.jpyc.dis;

import org.jpyc.code.Instruction;

/** 3.10 dis: absolute jumps also show {@code to N} (the argument counts code units from 3.10). */
final class ArgRepr310 extends ArgRepr39 {
    @Override
    String absoluteJump(CodeContext c, Instruction in, Targets targets) {
        return "to " + jump(c, in, targets);
    }
}
