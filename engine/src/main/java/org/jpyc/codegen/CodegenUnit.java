package org.jpyc.codegen;

import java.util.ArrayList;
import java.util.List;
import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.symtable.Scope;

/** {@code struct compiler_unit} (Python/compile.c): one code object being compiled. */
public final class CodegenUnit {
    /** {@code u_ste}. */
    public Scope ste;
    /** {@code u_scope_type}. */
    public ScopeType scopeType;
    public final CodeUnitMetadata metadata = new CodeUnitMetadata();
    /** {@code u_instr_sequence}. */
    public final InstrSequence instrs = new InstrSequence();
    /** {@code u_private}: the class name used for mangling, or null. */
    public String privateName;
    /** {@code u_nfblocks}/{@code u_fblock}. */
    public final List<FBlock> fblocks = new ArrayList<>();
    /** {@code u_in_inlined_comp}. */
    public int inInlinedComp;
    /** {@code u_static_attributes} (3.13): names assigned as {@code self.X} in methods; null outside classes. */
    public java.util.Set<String> staticAttributes;
}
