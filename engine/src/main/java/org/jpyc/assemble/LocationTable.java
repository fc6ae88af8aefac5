package org.jpyc.assemble;

import java.util.Arrays;
import org.jpyc.instrseq.Instr;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.OpTable;
import org.jpyc.version.Feature;

/**
 * The 3.11+ location table ({@code co_linetable}; Objects/locations.md), as
 * {@code assemble_location_info} (Python/assemble.c) writes it: one entry per run of code units
 * with the same location, at most 8 units an entry, in the shortest form that holds it.
 */
final class LocationTable {
    private static final int SHORT0 = 0, ONE_LINE0 = 10, NO_COLUMNS = 13, LONG = 14, NONE = 15;

    /**
     * The table so far, in {@code buf[0..size)}. {@link #writeEntry} makes room for its longest entry first,
     * so {@link #put} writes a byte without a bounds test of its own.
     */
    private byte[] buf;
    private int size;
    /** {@code a_lineno}: the line of the last entry that had one. */
    private int lineno;

    private LocationTable(int firstlineno, int capacity) {
        this.lineno = firstlineno;
        this.buf = new byte[capacity];
    }

    /** The longest entry: its first byte and four varints of up to six bytes each (a 32-bit value, 6 bits a byte). */
    private static final int MAX_ENTRY = 1 + 4 * 6;

    private void put(int b) {
        buf[size++] = (byte) b;
    }

    private void grow() {
        buf = Arrays.copyOf(buf, buf.length * 2 + MAX_ENTRY);
    }

    /**
     * The start of {@code assemble_location_info} in 3.14: an instruction at {@code NEXT_LOCATION} takes the
     * location of the instruction after it (a jump or scope exit, none), from the end backwards.
     */
    static void resolveNextLocations(OpTable ops, Instr[] instrs) {
        for (int i = instrs.length - 1; i >= 0; i--) {
            Instr instr = instrs[i];
            if (Location.NEXT_LOCATION.equals(instr.loc)) {
                boolean terminator = ops.hasJump(instr.op) || instr.op == org.jpyc.instrseq.Op.RETURN_VALUE
                        || instr.op == org.jpyc.instrseq.Op.RAISE_VARARGS || instr.op == org.jpyc.instrseq.Op.RERAISE;
                instr.loc = terminator || i == instrs.length - 1 ? Location.NO_LOCATION : instrs[i + 1].loc;
            }
        }
    }

    /**
     * {@code assemble_location_info}. The size of a run of instructions is taken from the offsets
     * {@code resolve_jump_offsets} left on them ({@link Instr#offset}; {@code codeUnits} ends the last run).
     */
    static byte[] assemble(OpTable ops, Instr[] instrs, int codeUnits, int firstlineno) {
        if (ops.version().has(Feature.MATCH_POP_NEXT_LOCATION)) resolveNextLocations(ops, instrs);
        LocationTable t = new LocationTable(firstlineno, instrs.length * 3 + 16); // mostly 2-3 bytes an entry
        if (!ops.version().has(Feature.LOCATION_RUNS_MERGED)) {
            // 3.11: assemble_emit_location per instruction, its size read from the offsets
            for (int i = 0; i < instrs.length; i++) {
                Instr instr = instrs[i];
                int end = i + 1 < instrs.length ? instrs[i + 1].offset : codeUnits;
                t.emitLocation(instr.loc == null ? Location.NO_LOCATION : instr.loc, end - instr.offset);
            }
            return Arrays.copyOf(t.buf, t.size);
        }
        Location loc = Location.NO_LOCATION;
        int start = 0;
        for (Instr instr : instrs) {
            Location l = instr.loc == null ? Location.NO_LOCATION : instr.loc;
            if (l != loc && !loc.equals(l)) {
                t.emitLocation(loc, instr.offset - start);
                loc = l;
                start = instr.offset;
            }
        }
        t.emitLocation(loc, codeUnits - start);
        return Arrays.copyOf(t.buf, t.size);
    }

    /** {@code assemble_emit_location}. */
    private void emitLocation(Location loc, int isize) {
        if (isize == 0) return;
        while (isize > 8) {
            writeEntry(loc, 8);
            isize -= 8;
        }
        writeEntry(loc, isize);
    }

    /** {@code write_location_info_entry}: picks the form. */
    private void writeEntry(Location loc, int isize) {
        if (buf.length - size < MAX_ENTRY) grow();
        if (loc.lineno() == Location.NO_LOCATION.lineno()) {
            entryStart(NONE, isize);
            return;
        }
        int lineDelta = loc.lineno() - lineno;
        int column = loc.colOffset();
        int endColumn = loc.endColOffset();
        if (column < 0 || endColumn < 0) {
            if (loc.endLineno() == loc.lineno() || loc.endLineno() < 0) {
                entryStart(NO_COLUMNS, isize);
                signedVarint(lineDelta);
                lineno = loc.lineno();
                return;
            }
        } else if (loc.endLineno() == loc.lineno()) {
            if (lineDelta == 0 && column < 80 && endColumn - column < 16 && endColumn >= column) {
                // write_location_info_short_form
                entryStart(SHORT0 + (column >> 3), isize);
                put(((column & 7) << 4) | (endColumn - column));
                return;
            }
            if (lineDelta >= 0 && lineDelta < 3 && column < 128 && endColumn < 128) {
                // write_location_info_oneline_form
                entryStart(ONE_LINE0 + lineDelta, isize);
                put(column);
                put(endColumn);
                lineno = loc.lineno();
                return;
            }
        }
        // write_location_info_long_form
        entryStart(LONG, isize);
        signedVarint(loc.lineno() - lineno);
        varint(loc.endLineno() - loc.lineno());
        varint(loc.colOffset() + 1);
        varint(loc.endColOffset() + 1);
        lineno = loc.lineno();
    }

    /** {@code write_location_entry_start}. */
    private void entryStart(int code, int length) {
        put(0x80 | (code << 3) | (length - 1));
    }

    /** {@code write_varint}: 6 bits a byte, low first, bit 6 set on all but the last. */
    private void varint(int val) {
        while (Integer.compareUnsigned(val, 64) >= 0) {
            put(64 | (val & 63));
            val >>>= 6;
        }
        put(val);
    }

    /** {@code write_signed_varint}: the sign in bit 0. */
    private void signedVarint(int val) {
        varint(val < 0 ? ((-val) << 1) | 1 : val << 1);
    }
}
