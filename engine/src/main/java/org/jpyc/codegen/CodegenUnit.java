package org.jpyc.codegen;

import java.util.ArrayList;
import java.util.List;
import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.Location;
import org.jpyc.symtable.Scope;

/** {@code struct compiler_unit} (Python/compile.c): one code object being compiled. */
public final class CodegenUnit {
    /** {@code u_ste}. */
    public Scope ste;
    /** {@code u_scope_type}. */
    public ScopeType scopeType;
    public final CodeUnitMetadata metadata = new CodeUnitMetadata();
    /** {@code u_instr_sequence} (3.14: replaced while a module's {@code __annotate__} is made, see {@code AnnotateFunctions}). */
    public InstrSequence instrs = new InstrSequence();
    /** {@code u_private}: the class name used for mangling, or null. */
    public String privateName;
    /** {@code u_nfblocks}/{@code u_fblock}. */
    public final List<FBlock> fblocks = new ArrayList<>();
    /**
     * {@link NameOps#nameOp}'s resolutions, by symbol entry of {@link #ste}: the name's index in its table
     * shifted left by four, a bit (8) for a load that takes the full path, and the kind in the low three
     * bits (1 fast, 2 global, 3 deref, 4 name; 0: not resolved yet). Null until the first.
     */
    int[] nameKinds;
    /** {@code u_in_inlined_comp}. */
    public int inInlinedComp;
    /** {@code u_static_attributes} (3.13): names assigned as {@code self.X} in methods; null outside classes. */
    public java.util.Set<String> staticAttributes;
    /** {@code u_deferred_annotations} (3.14): the simple annotated assignments of a module or class body, in order; null if none. */
    public List<org.jpyc.ast.AnnAssign> deferredAnnotations;
    /** {@code u_conditional_annotation_indices} (3.14): each deferred annotation's index in {@code __conditional_annotations__}, or -1. */
    public List<Integer> conditionalAnnotationIndices;
    /** {@code u_next_conditional_annotation_index} (3.14). */
    public int nextConditionalAnnotationIndex;
    /** {@code u_in_conditional_block} (3.14): how many if/for/while/try/with/match statements enclose the one being compiled. */
    public int inConditionalBlock;
    /** (3.15) Where the StopIteration handler's SETUP_CLEANUP is inserted: after the generator preamble, else 0. */
    public int stopIterationHandlerAt;
    /** 3.11's location in force between statements ({@code c->u->u_lineno}...): the statement being compiled, or
     *  what its test left set (a single comparison's), none after a {@code for} body; read where 3.11 emits an
     *  instruction at it that later versions leave without a location. */
    public Location locInForce = Location.NO_LOCATION;
    /** {@code u_stashed_instr_sequence} (3.14): the module's own sequence while its annotation setup is emitted elsewhere. */
    public InstrSequence stashedInstrs;
}
