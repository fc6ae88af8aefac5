package org.jpyc.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

class BytecodeTest {
    private static byte[] units(int... opArgPairs) {
        byte[] b = new byte[opArgPairs.length];
        for (int i = 0; i < b.length; i++) b[i] = (byte) opArgPairs[i];
        return b;
    }

    @Test
    void extendedArgFoldsIntoTheNextArgument() {
        for (PyVersion v : List.of(PyVersion.V3_10, PyVersion.V3_12, PyVersion.V3_14)) {
            OpcodeTable t = OpcodeTable.forVersion(v);
            int ext = t.extendedArg();
            int load = t.opcode("LOAD_FAST");
            List<Instruction> ins = Bytecode.decode(units(ext, 1, ext, 2, load, 3), v).instructions();
            assertEquals(3, ins.size());
            Instruction last = ins.get(2);
            assertEquals((1 << 16) | (2 << 8) | 3, last.arg());
            assertEquals(4, last.offset());
            assertEquals(0, last.startOffset());
            assertEquals(2, ins.get(1).startOffset(), "an EXTENDED_ARG starts at itself");
        }
    }

    @Test
    void opargWrapsAsACIntFrom311() {
        PyVersion v = PyVersion.V3_12;
        OpcodeTable t = OpcodeTable.forVersion(v);
        int ext = t.extendedArg();
        int load = t.opcode("LOAD_FAST");
        List<Instruction> ins = Bytecode.decode(units(ext, 0xff, ext, 0xff, ext, 0xff, load, 0xff), v).instructions();
        assertEquals(-1, ins.get(3).arg());
    }

    @Test
    void inlineCachesAreSkipped() {
        PyVersion v = PyVersion.V3_12;
        OpcodeTable t = OpcodeTable.forVersion(v);
        int binop = t.opcode("BINARY_OP");
        int caches = t.cacheEntries(binop);
        assertTrue(caches > 0);
        byte[] code = new byte[2 + 2 * caches + 2];
        code[0] = (byte) binop;
        code[code.length - 2] = (byte) t.opcode("RETURN_VALUE");
        List<Instruction> ins = Bytecode.decode(code, v).instructions();
        assertEquals(2, ins.size());
        assertEquals(caches, ins.get(0).cacheUnits());
        assertEquals(ins.get(0).endOffset(), ins.get(1).offset());
        assertFalse(ins.get(1).hasArg());
    }

    @Test
    void jumpTargetsPerVersion() {
        // 3.10: forward relative jump in code units from the next instruction.
        OpcodeTable t10 = OpcodeTable.forVersion(PyVersion.V3_10);
        Instruction fwd = Bytecode.decode(units(t10.opcode("JUMP_FORWARD"), 3), PyVersion.V3_10).instructions().get(0);
        assertEquals(2 + 3 * 2, Bytecode.jumpTarget(fwd, t10, PyVersion.V3_10));
        // 3.12: JUMP_BACKWARD counts backwards from after its caches.
        OpcodeTable t12 = OpcodeTable.forVersion(PyVersion.V3_12);
        int jb = t12.opcode("JUMP_BACKWARD");
        byte[] code = new byte[12];
        code[10] = (byte) jb;
        code[11] = 6;
        Instruction back = Bytecode.decode(code, PyVersion.V3_12).instructions().get(5);
        assertEquals(10 + 2 + 2 * t12.cacheEntries(jb) - 12, Bytecode.jumpTarget(back, t12, PyVersion.V3_12));
        // not a jump
        Instruction nop = Bytecode.decode(units(t12.opcode("NOP"), 0), PyVersion.V3_12).instructions().get(0);
        assertEquals(-1, Bytecode.jumpTarget(nop, t12, PyVersion.V3_12));
    }

    @Test
    void missingArgumentByteIsATypedError() {
        OpcodeTable t = OpcodeTable.forVersion(PyVersion.V3_12);
        CodeFormatException e = assertThrows(CodeFormatException.class,
                () -> Bytecode.decode(units(t.opcode("NOP"), 0, t.opcode("LOAD_FAST")), PyVersion.V3_12));
        assertEquals(2, e.offset());
    }
}
