package org.jpyc.dis;

import org.jpyc.code.Instruction;

/**
 * 3.15 dis: {@code IMPORT_NAME} packs the name index in bits 2 and up and the PEP 810 lazy
 * import flags in bits 0-1 ({@code name + lazy}, {@code name + eager}).
 */
final class ArgRepr315 extends ArgRepr314 {
    @Override
    String nameRepr(CodeContext c, Instruction in, int op, int arg) {
        if (is(c, op, "IMPORT_NAME")) {
            String n = c.name(in.offset(), arg >> 2);
            if ((arg & 1) != 0 && !n.isEmpty()) return n + " + lazy";
            if ((arg & 2) != 0 && !n.isEmpty()) return n + " + eager";
            return n;
        }
        return super.nameRepr(c, in, op, arg);
    }
}
