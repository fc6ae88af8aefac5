package org.jpyc.version;

/**
 * Everything that differs between CPython versions, each with the first version that has it and,
 * where it was later removed, the first version that no longer has it. This is the only table
 * mapping behaviour to version numbers; the rest of jpyc asks {@link PyVersion#has(Feature)}.
 */
public enum Feature {
    // ---- code object layout (marshal order of fields) ----
    /** {@code co_kwonlyargcount} (PEP 3102). */
    KWONLY_ARGS(3, 0),
    /** {@code co_posonlyargcount} (PEP 570). */
    POSONLY_ARGS(3, 8),
    /** {@code co_nlocals}, {@code co_varnames}, {@code co_cellvars} as separate fields; replaced by localsplus in 3.11. */
    SEPARATE_LOCALS_FIELDS(2, 0, 3, 11),
    /** {@code co_localsplusnames} and {@code co_localspluskinds}. */
    LOCALSPLUS(3, 11),
    /** {@code co_qualname}. */
    CODE_QUALNAME(3, 11),
    /** {@code co_lnotab}: (bytecode delta, line delta) pairs. */
    LNOTAB(2, 0, 3, 10),
    /** The 3.10 {@code co_linetable} (PEP 626): (bytecode delta, signed line delta) pairs. */
    LINETABLE_310(3, 10, 3, 11),
    /** The 3.11+ location table (PEP 657): lines and columns per code unit. */
    LOCATION_TABLE(3, 11),
    /** {@code co_exceptiontable}: zero-cost exceptions. */
    EXCEPTION_TABLE(3, 11),

    // ---- bytecode ----
    /** Two-byte code units (opcode, oparg) for every instruction. */
    WORDCODE(3, 6),
    /** Inline cache entries after specializable instructions (PEP 659). */
    INLINE_CACHES(3, 11),
    /** Jump arguments count code units rather than bytes. */
    JUMP_ARGS_IN_UNITS(3, 10),
    /** Relative jumps count from the end of the jump's inline cache entries. */
    JUMP_AFTER_CACHES(3, 12),
    /** dis folds EXTENDED_ARG prefixes as a C int: a prefix value reaching 2^31 wraps negative. */
    OPARG_INT32_WRAP(3, 11),
    /** {@code co_lines()} merges consecutive location entries with the same line. */
    CO_LINES_MERGED(3, 12),

    // ---- marshal ----
    /** {@code str} is Unicode: marshal {@code 's'} is {@code bytes}, {@code 't'} an interned {@code str}, and
     *  Python 2's {@code 'R'} string back-references are gone. */
    UNICODE_STR(3, 0),
    /** Marshal format 3: {@code FLAG_REF} (0x80) on a type byte and {@code 'r'} TYPE_REF back-references. */
    MARSHAL_REFS(3, 4),
    /** Marshal format 4: {@code 'a' 'A' 'z' 'Z'} ASCII strings and {@code ')'} small tuples. */
    MARSHAL_SHORT_FORMS(3, 4),
    /** Marshal format 5: {@code TYPE_SLICE}. */
    MARSHAL_SLICE(3, 14),
    /** Marshal format 6: {@code TYPE_FROZENDICT} (the {@code frozendict} type is new in 3.15). */
    MARSHAL_FROZENDICT(3, 15),
    /** marshal sorts the items of a frozenset when writing. */
    MARSHAL_SORTS_FROZENSET(3, 11),

    // ---- pyc ----
    /** The pyc header stores the source size (mod 2**32) after the mtime: 12 bytes (magic 3210). */
    PYC_SOURCE_SIZE(3, 3),
    /** The 16-byte header with a flags word (PEP 552). */
    PYC_FLAGS_WORD(3, 7),
    /** {@code importlib.util.source_hash} is keyed SipHash-1-3 rather than SipHash-2-4 (Python/pyhash.c). */
    SOURCE_HASH_SIPHASH13(3, 11),
    /** {@code cache_from_source} with a pycache prefix makes the head absolute with {@code _path_abspath}
     *  (which drops one leading {@code ./}) instead of joining it to the cwd as is. */
    PYCACHE_PREFIX_ABSPATH(3, 12),
    /** {@code cache_from_source} with a pycache prefix tests for a drive by slicing the head
     *  ({@code head[1:2]}), so a head shorter than 2 no longer raises IndexError. */
    PYCACHE_PREFIX_DRIVE_SLICE(3, 14),
    /** {@code str} hashing is SipHash-1-3 rather than SipHash-2-4. */
    SIPHASH13_STR_HASH(3, 11),
    /** Lib/compileall.py {@code compile_file}: a {@code stripdir} that is not a prefix of the source path (by
     *  {@code os.sep}-separated parts) is reported ("... is not a valid prefix ...; ignoring") and the path kept;
     *  before 3.13 each part of {@code stripdir} equal to the source path's part at the same place is removed
     *  from the path by value ({@code list.remove}: its first occurrence), with no message. */
    COMPILEALL_STRIPDIR_PREFIX_ONLY(3, 13),
    /** Lib/traceback.py {@code TracebackException._format_syntax_error}: the caret range is clamped to the shown
     *  line (an offset past the text's length moves to its end), an error spanning lines is marked to the line's
     *  end, and an end before the start marks one column; before 3.13 the offsets are used as they are (an end
     *  equal to the start or -1 marks one column, an end before the start none). */
    SYNTAX_ERROR_CARETS_CLAMPED(3, 13),

    // ---- object semantics: hash() and repr() of constants ----
    /** {@code hash(nan)} is derived from the float object's address (bpo-43475), no longer 0. */
    NAN_HASH_BY_IDENTITY(3, 10),
    /** {@code hash(None)} is a constant ({@code 0xFCA86420}) rather than derived from its address. */
    NONE_HASH_CONSTANT(3, 12),
    /** {@code slice} objects are hashable (xxHash of start, stop, step, like a tuple minus its length). */
    SLICE_HASHABLE(3, 12),

    // ---- frontend: source, tokens, ast ----
    /** {@code ast.dump} leaves out empty list fields by default ({@code show_empty=False}). */
    AST_DUMP_OMITS_EMPTY_SEQUENCES(3, 13),
    /** {@code ast.dump} also leaves out {@code ctx=Load()} (an expr_context field holding Load). */
    AST_DUMP_OMITS_LOAD_CONTEXT(3, 15),
    /** A NUL byte in source is a SyntaxError (without position), no longer a ValueError. */
    NULL_BYTES_SYNTAX_ERROR(3, 12),
    /** Source without a coding cookie is checked to be UTF-8 before tokenizing ("Non-UTF-8 code starting
     *  with ..."); earlier versions find bad bytes only inside tokens, and accept them in comments. */
    SOURCE_UTF8_CHECKED_UPFRONT(3, 14),
    /** f-strings are tokenized: FSTRING_START, FSTRING_MIDDLE, FSTRING_END, and EXCLAMATION (PEP 701). */
    FSTRING_TOKENS(3, 12),
    /** A newline inside the format spec of a single-quoted f-string is "f-string: newlines are not allowed in format
     *  specifiers for single quoted f-strings"; in 3.12 (checked on 3.12.1) it ends the format spec, as in a
     *  triple-quoted one. */
    FSTRING_FORMAT_SPEC_NEWLINE_ERROR(3, 13),
    /** Template strings: {@code t''} prefixes, TSTRING_START/MIDDLE/END tokens (PEP 750). */
    TSTRING_TOKENS(3, 14),
    /** The f-string conversion errors name the enclosing string's kind, f or t ("t-string: invalid conversion
     *  character ..." for a field nested in a t-string's format spec), and "conversion type must come right
     *  after the exclamation mark" is spelt so (before: always "f-string", "exclamanation"). */
    CONVERSION_ERROR_STRING_KIND(3, 14),
    /** {@code ast.parse} checks the leading {@code from __future__ import} names ("not a chance", "future
     *  feature X is not defined"): compile's AST preprocessing, which reads the future flags, runs for
     *  PyCF_ONLY_AST too. Before, only the compiler raised these. */
    AST_PARSE_CHECKS_FUTURE(3, 14),
    /** The literal text of a format spec inside a raw f-/t-string stays raw ({@code rf"{x:\xFF}"} keeps the
     *  backslash); before, format-spec text was always unescaped. */
    FORMAT_SPEC_KEEPS_RAW(3, 14),
    /** The text of an f-string debug expression ({@code f"{x = }"}) is decoded with the f-string's literal parts
     *  ({@code "\\"} in it becomes one backslash); from 3.13 it is the source text as it stands. */
    FSTRING_DEBUG_TEXT_DECODED(3, 12, 3, 13),
    /** Comments dropped from the expression text of an f-string debug field or a t-string interpolation are found
     *  outside string quotes, and only in a text spanning lines (checked on 3.14.3); before, every '#' starts one,
     *  even inside quotes and on one line ({@code f'{"#" = }'} keeps {@code "}). */
    EXPRESSION_TEXT_COMMENTS_OUTSIDE_QUOTES(3, 14),
    /** ... and a backslash inside quotes escapes the next character, so {@code "\"#"} holds its '#' (3.15.2);
     *  in 3.14 the escaped quote ends the string and the '#' starts a comment. */
    EXPRESSION_TEXT_COMMENTS_ESCAPE_AWARE(3, 15),
    /** A t-string Interpolation's {@code str} is the source text after '{' as it stands (whitespace kept), up
     *  to the debug '=' token if there is one. Before, trailing whitespace and '=' were stripped. */
    INTERPOLATION_STR_KEEPS_SPACE(3, 15),
    /** An f-string format spec keeps its parts as the tokens give them: the empty text after a last
     *  replacement field ({@code f"{x:{y}}"}) stays as {@code Constant('')}; only a spec that is one empty
     *  text becomes an empty JoinedStr. From 3.13 empty texts are dropped and neighbouring texts joined. */
    FORMAT_SPEC_KEEPS_EMPTY_TEXT(3, 12, 3, 13),
    /** A SyntaxError the parser places on a line that is not valid UTF-8 (e.g. "(unicode error) 'utf-8'
     *  codec can't decode ..." in a string literal) counts its columns in characters of the line decoded
     *  with replacement characters; before (checked on 3.12.1), the columns stay byte offsets. */
    INVALID_LINE_COLUMNS_IN_CHARS(3, 13),
    /** A SyntaxError the parser raises ({@code _PyPegen_raise_error_known_location}) always counts its
     *  columns in characters of the error line. Before, pegen converted its byte columns only when the
     *  tokenizer knew an encoding ({@code tok->encoding}: a BOM or a coding cookie in bytes input), so
     *  {@code ast.parse} / {@code compile} of UTF-8 bytes with neither report byte columns (checked on
     *  3.10.8, 3.11.3 and 3.12.1), and so does the f-string expression sub-parser of 3.10 and 3.11,
     *  which reads a NUL-terminated copy of the expression. The same holds for the errors pegen raises for the
     *  tokenizer's states (unindent mismatch, a bracket never closed, a character after a line continuation;
     *  {@code Tokenizer.errorColumnsInChars}). The tokenizer's own errors count characters in every version. */
    PARSER_ERROR_COLUMNS_ALWAYS_IN_CHARS(3, 13),
    /** pegen's rule depth past MAXSTACK raises {@code MemoryError("Parser stack overflowed - Python source too
     *  complex to parse")} ({@code _Pypegen_stack_overflow}). Before, {@code PyErr_NoMemory()}: a MemoryError
     *  without a message, which py_compile prints as {@code Sorry: MemoryError: } (checked on 3.10.8 and 3.11.3
     *  against 3.12.1). */
    PARSER_STACK_OVERFLOW_MESSAGE(3, 12),
    /** pegen's error line, when it is taken from the tokenizer (a source that is not a readable file, as for
     *  {@code compile()} of bytes), is the error's line alone. Before, it is the tokenizer's buffer from
     *  {@code tok->buf} to {@code tok->inp}, and {@code tok->buf} moves to a new line only when no token is in
     *  progress there: after a triple-quoted string that spans lines, or a line continued with a backslash, it
     *  still starts on the first of those lines, and both columns of an error on the last are counted from
     *  there (checked on 3.10.8, 3.11.3 and 3.12.1 against 3.13.5 and 3.14.3). */
    ERROR_LINE_IS_ONE_LINE(3, 13),
    /** An error's line, when pegen reads it from {@code tok->str} (the tokenizer has left it, and the source is
     *  no readable file), is the source's bytes before a declared encoding other than UTF-8 was re-encoded,
     *  decoded as UTF-8 with replacement characters: a latin-1 letter there is one U+FFFD, three bytes where the
     *  columns are counted (checked on 3.12.1, 3.13.5 and 3.14.3; 3.15.2 counts them on the decoded line). 3.10 and
     *  3.11 walk {@code tok->str} to the line with a bound taken from the other, re-encoded buffer, so the line they
     *  take depends on where the allocator put the two, which varies between processes (the same latin-1 source
     *  got columns 43-44 in one oracle run and 26-26, line 1's length plus one, in the next): not modelled there,
     *  they keep the decoded line. */
    ERROR_LINE_BEFORE_REENCODING(3, 12, 3, 15),
    /** {@code \N{...}} matches the algorithmic names (HANGUL SYLLABLE ..., CJK UNIFIED IDEOGRAPH-XXXX) in
     *  any case, and a CJK name's hex digits must be the code point as {@code "%X"} spells it; before, both
     *  prefixes were case-sensitive and any four or five uppercase hex digits were read (checked on 3.15.2
     *  against 3.14.3). */
    UNICODE_NAMES_ALGORITHMIC_ANY_CASE(3, 15),
    /** Token columns come from the tokenizer's own column count ({@code tok->col_offset}, with PEP 701);
     *  before, a token's columns were its start/end pointers minus the line start, so NEWLINE (whose end
     *  pointer excludes the '\n') was zero-width and, after a comment, started at the '#'. */
    TOKEN_COLUMNS_TRACKED(3, 12),
    /** "unterminated string literal ...; perhaps you escaped the end quote?" */
    ESCAPED_QUOTE_HINT(3, 13),
    /** The names {@code async} and {@code await} are ASYNC/AWAIT tokens rather than NAME (the grammar's
     *  async rules use them until 3.13). */
    ASYNC_AWAIT_TOKENS(3, 5, 3, 13),
    /** An ASCII control character outside strings is "invalid non-printable character U+00XX" from the
     *  tokenizer (before, it reached the parser as an OP token: "invalid syntax"). */
    NONPRINTABLE_CHAR_ERROR(3, 11),
    /** A number directly followed by a non-ASCII character is no longer "invalid ... literal" (the
     *  character then starts an identifier). */
    NUMBER_END_CHECK_ASCII_ONLY(3, 12),
    /** The columns of {@code _PyTokenizer_syntaxerror_known_range} (leading zeros, string prefixes) are counted in
     *  characters of the line ({@code é = 007}: offset 5 on 3.15.2); before, its byte columns are reported as they
     *  are (6 on 3.14.3). */
    TOKENIZER_KNOWN_RANGE_IN_CHARS(3, 15),
    /** {@code _PyPegen_soft_keyword_token} matches a NAME only when it is the whole soft keyword
     *  (python/cpython#130077); before, a name that only starts one ({@code c} of {@code case}) matched too. */
    SOFT_KEYWORD_WHOLE_WORD(3, 14),
    /** A 3.10-style f-string ({@code fstring_compile_expr}) with nothing before {@code !}, {@code :} or {@code =}
     *  says "f-string: expression required before '!'"; in 3.10 always "f-string: empty expression not allowed". */
    FSTRING_EXPRESSION_REQUIRED_MESSAGE(3, 11),
    /** {@code _PyPegen_tokenize_full_source_to_check_for_errors} lets a tokenizer error the rest of the source
     *  raises stand before it looks at open brackets; in 3.10 an open bracket on a line before the parser's
     *  last token comes first ("'{' was never closed" where the tokenizer said "closing parenthesis '}' does
     *  not match opening parenthesis '('"). */
    TOKENIZER_ERROR_BEFORE_UNCLOSED_BRACKET(3, 11),
    /** {@code err_programtext} (the error line read from the file a SyntaxError names) keeps the first 999-byte
     *  piece of a long line, drops a BOM on line 1 and decodes as the file declares with errors replaced; before,
     *  it kept the last piece, the BOM, and decoded strict UTF-8. */
    PROGRAM_TEXT_FIRST_PIECE(3, 13),

    // ---- dis ----
    /** {@code dis} prints jump targets as labels ({@code L1:}) and hides offsets by default. */
    DIS_LABELS(3, 13),
    /** {@code dis} prints source positions as (line, column) data hidden by default; CACHE entries hidden. */
    DIS_HIDES_CACHES(3, 11),
    /** The int/str conversion limit of 4300 digits (CVE-2020-10735) in the reference interpreters: 3.10.7+ and
     *  later; the 3.9 reference (Debian bullseye's 3.9.2) predates its 3.9.14 backport and has none. */
    INT_MAX_STR_DIGITS(3, 10),
    /** The integer string conversion limit's message says "(4300 digits)"; the 3.10 backport (3.10.7+) says "(4300)". */
    INT_DIGIT_LIMIT_SAYS_DIGITS(3, 11),

    // ---- compiler: symbol table (Python/symtable.c, Python/future.c) ----
    /** The AST optimizer's and the symbol table's recursion limit is {@code COMPILER_STACK_FRAME_SCALE} (3) times
     *  {@code sys.getrecursionlimit()}, counted from 3 times the Python recursion depth of the compile() call
     *  (see {@link CompilerLimits}). */
    COMPILER_RECURSION_FROM_PYTHON_LIMIT(3, 0, 3, 12),
    /** That limit is the C recursion limit instead, scaled by 2 in 3.12 ({@code C_RECURSION_LIMIT} 1500) and
     *  not from 3.13 ({@code Py_C_RECURSION_LIMIT} 10000): see {@link CompilerLimits}. */
    COMPILER_RECURSION_UNSCALED(3, 13),
    /** The compiler's recursion is bounded by the C stack ({@code _Py_ReachedRecursionLimitWithMargin}: "Stack
     *  overflow (used N kB) during compilation"), a bound its build's frame sizes set; jpyc keeps 3.13's count
     *  ({@link CompilerLimits}). */
    COMPILER_STACK_CHECK(3, 14),
    /** The symbol table visits a function's or class's decorators before its annotations and bases (before: after them). */
    SYMTABLE_DECORATORS_FIRST(3, 12),
    /**
     * The symbol table raises "cannot assign to __debug__" / "cannot delete __debug__" ({@code check_name}, at the
     * binding node: the name, attribute, alias, argument, keyword or pattern); before, only the compiler did
     * ({@code forbidden_name}), after the whole symbol table, at its own locations.
     */
    SYMTABLE_CHECKS_DEBUG_NAME(3, 14),
    /** The symbol table visits a try statement's handlers before its else block (before: else first). */
    SYMTABLE_TRY_HANDLERS_BEFORE_ELSE(3, 13),
    /** Symbol flags keep the scope at bit 12 ({@code SCOPE_OFFSET}); before, at bit 11. */
    SYMTABLE_SCOPE_OFFSET_12(3, 12),
    /** {@code _Py_block_ty} orders the type-parameter kinds TypeAlias 4, TypeParameters 5, TypeVariable 6
     *  (3.12: TypeVarBound 4, TypeAlias 5, TypeParam 6). */
    SYMTABLE_BLOCK_NUMBERING_313(3, 13),
    /** PEP 709: list, set and dict comprehensions are inlined into the enclosing function. */
    INLINED_COMPREHENSIONS(3, 12),
    /** future.c places "future feature X is not defined" at the alias (before: at the import statement). */
    FUTURE_ERROR_AT_ALIAS(3, 13),
    /** PEP 649: annotations are compiled into {@code __annotate__} functions (annotation scopes are function-like). */
    ANNOTATION_SCOPES(3, 14),

    // ---- compiler 3.14 deltas: astopt, symtable, codegen (helper cg14 adds here) ----
    /** Python/codegen.c 3.14: a function's co_consts[0] is its docstring only when it has one (no None placeholder,
     *  none for lambdas); {@code ste_has_docstring} gives CO_HAS_DOCSTRING, {@code ste_method} CO_METHOD. */
    DOCSTRING_CONST_ONLY(3, 14),
    /** Python/codegen.c 3.14: a loop's iterator is popped with POP_ITER after END_FOR (before: POP_TOP). */
    POP_ITER(3, 14),
    /** Python/codegen.c 3.14: a comprehension loop applies GET_ITER once (3.13 applied it again at the loop head). */
    COMPREHENSION_SINGLE_GET_ITER(3, 14),
    /** Python/codegen.c 3.14: LOAD_COMMON_CONSTANT (AssertionError, ...) replaces LOAD_ASSERTION_ERROR. */
    LOAD_COMMON_CONSTANT(3, 14),
    /** Python/codegen.c 3.14: {@code and}/{@code or} use the JUMP_IF_FALSE/JUMP_IF_TRUE pseudo jumps (before:
     *  COPY 1, TO_BOOL, POP_JUMP_IF_*). */
    BOOLOP_PSEUDO_JUMPS(3, 14),
    /** Python/codegen.c 3.14: CALL_FUNCTION_EX takes no oparg and always finds a kwargs slot (PUSH_NULL without one). */
    CALL_FUNCTION_EX_KWARGS_SLOT(3, 14),
    /** Python/codegen.c 3.14: subscripts load with BINARY_OP NB_SUBSCR (BINARY_SUBSCR is gone). */
    BINARY_OP_SUBSCR(3, 14),
    /** Python/codegen.c 3.14: dict displays always BUILD_MAP their pairs (BUILD_CONST_KEY_MAP is gone). */
    NO_CONST_KEY_MAP(3, 14),
    /** Python/codegen.c 3.14: with/async with load {@code __exit__}/{@code __enter__} with LOAD_SPECIAL (BEFORE_WITH,
     *  BEFORE_ASYNC_WITH are gone). */
    WITH_LOAD_SPECIAL(3, 14),
    /** Python/codegen.c 3.14: {@code async for} ends in END_ASYNC_FOR jumping back to its SEND, with NOT_TAKEN after
     *  the {@code __anext__} guard. */
    END_ASYNC_FOR_JUMPS(3, 14),
    /** Python/codegen.c 3.14: a slice whose bounds are all constants (or absent) is one slice constant
     *  ({@code is_constant_slice}; marshal format 5), never BINARY_SLICE/BUILD_SLICE. */
    CONSTANT_SLICES(3, 14),
    /** Python/compile.c 3.14 ({@code compute_code_flags}): CO_METHOD on a function block directly in a class body
     *  ({@code ste_method}: def, lambda, generator expression). */
    CO_METHOD_FLAG(3, 14),
    /** Python/ast_preprocess.c 3.14: the AST keeps only {@code %}-format to f-string, {@code __debug__}, match-pattern
     *  constants ({@code fold_const_match_patterns}) and -OO docstring removal; constant folding, list-to-tuple and
     *  {@code not is} rewrites moved to the CFG. */
    AST_PREPROCESS_ONLY(3, 14),
    /** Python/codegen.c 3.14 ({@code codegen_match_inner}): the POP_TOP of the subject after a matched case has
     *  NEXT_LOCATION (flowgraph gives it the following instruction's). */
    MATCH_POP_NEXT_LOCATION(3, 14),
    /** Python/codegen.c 3.14 ({@code starunpack_helper}): displays of more than two constants are built item by
     *  item; the flowgraph folds them ({@code fold_tuple_of_constants}, {@code optimize_lists_and_sets}). */
    NO_CODEGEN_CONST_SEQUENCES(3, 14),
    /** Python/codegen.c 3.14 ({@code codegen_while}): the loop test is compiled once, at the top, and the body
     *  jumps back to it (before: the test was repeated at the bottom). */
    WHILE_TEST_ONCE(3, 14),
    /** Python/codegen.c 3.14: an inlined comprehension in a class body saves only the names bound in it
     *  ({@code codegen_push_inlined_comprehension_locals} tests "in a class block" after the scope tweak counted the
     *  comprehension), though every name is still fast-hidden. */
    INLINED_CLASS_COMP_SAVES_BOUND_ONLY(3, 14),
    /** Python/codegen.c 3.14 ({@code maybe_optimize_function_call}): {@code all}, {@code any} and {@code tuple} of a
     *  generator expression get an inline loop guarded by LOAD_COMMON_CONSTANT identity checks. */
    BUILTIN_GENEXP_CALLS(3, 14),
    /** Objects/complexobject.c 3.14: complex and real operands mix by C99 Annex G ({@code 0 - 0j} is {@code -0j}),
     *  no longer by promoting the real to a complex; what constant folding computes. */
    COMPLEX_MIXED_MODE(3, 14),
    /** Python/symtable.c 3.14: {@code await} / {@code async with} / {@code async for} / async comprehensions outside
     *  an async function and misplaced {@code from __future__} imports are the symbol table's errors (before:
     *  the code generator's), so {@code symtable.symtable()} raises them too. */
    SYMTABLE_ASYNC_AND_FUTURE_ERRORS(3, 14),

    // ---- compiler 3.14 deltas: PEP 649 annotations, PEP 750 template strings (helper ann14 adds here) ----
    /** PEP 649/749 (Python/codegen.c 3.14): annotations compile into {@code __annotate__} functions taking a format
     *  ({@code codegen_setup_annotations_scope}): deferred module/class annotations with {@code __conditional_annotations__},
     *  MAKE_FUNCTION's annotate attribute for functions, the format check in type-parameter and type-alias
     *  evaluators, the module's ANNOTATIONS_PLACEHOLDER; SETUP_ANNOTATIONS only under {@code from __future__ import annotations}. */
    ANNOTATE_FUNCTIONS(3, 14),
    /** PEP 750 (Python/codegen.c 3.14): template strings compile to BUILD_INTERPOLATION and BUILD_TEMPLATE. */
    TEMPLATE_STRINGS(3, 14),

    // ---- compiler 3.14 deltas: flowgraph, assemble, code objects (helper fg14 adds here) ----
    /** Constant folding happens in the CFG (flowgraph.c {@code fold_tuple_of_constants}, {@code fold_const_binop},
     *  {@code fold_const_unaryop}, {@code optimize_lists_and_sets}, {@code fold_constant_intrinsic_list_to_tuple}). */
    CFG_CONST_FOLDING(3, 14),
    /** {@code LOAD_SMALL_INT} replaces LOAD_CONST of ints in [0, 255] ({@code maybe_instr_make_load_smallint});
     *  {@code RETURN_CONST} is gone. */
    LOAD_SMALL_INT(3, 14),
    /** {@code optimize_load_fast}: LOAD_FAST whose reference provably dies on the stack becomes LOAD_FAST_BORROW. */
    LOAD_FAST_BORROW(3, 14),
    /** The pseudo jumps JUMP_IF_FALSE / JUMP_IF_TRUE (COPY 1, TO_BOOL, POP_JUMP_IF_x: {@code convert_pseudo_conditional_jumps}). */
    PSEUDO_CONDITIONAL_JUMPS(3, 14),
    /** CALL_KW itself has no eval-breaker check ({@code OPCODE_HAS_EVAL_BREAK}; its specializations keep one). */
    CALL_KW_NO_EVAL_BREAK(3, 14),
    /** {@code normalize_jumps_in_block} puts NOT_TAKEN at a conditional jump's fall-through (and its backward
     *  form's JUMP keeps the jump's location). */
    NOT_TAKEN(3, 14),
    /** {@code co_localspluskinds} marks the arguments: CO_FAST_ARG_POS / _KW / _VAR ({@code compute_localsplus_info}). */
    LOCALS_ARG_KINDS(3, 14),

    // ---- compiler 3.15 deltas: flowgraph, assemble, code objects (helper fg15 adds here) ----
    /** Python/flowgraph.c 3.15 (magic 3651, "Simplify LOAD_CONST"): None, '', True, False and -1 load with
     *  LOAD_COMMON_CONSTANT where LOAD_CONST loaded them, wherever the optimizer makes a constant load. */
    COMMON_CONSTANT_LOADS(3, 15),
    /** Python/codegen.c 3.15 (magic 3660, "Change generator preamble code"): codegen emits RETURN_GENERATOR, POP_TOP
     *  itself; {@code insert_prefix_instructions} no longer adds them. */
    GENERATOR_PREAMBLE_IN_CODEGEN(3, 15),
    /** Include/internal/pycore_opcode_utils.h 3.15: {@code RESUME_OPARG_DEPTH1_MASK} is 0x8 (was 0x4; the location
     *  part of RESUME's oparg grew to three bits for RESUME_AT_GEN_EXPR_START). */
    RESUME_DEPTH1_MASK_8(3, 15),
    /** Python/flowgraph.c 3.15 (magic 3652/3653, virtual iterators): {@code optimize_load_fast} treats GET_ITER as leaving
     *  its input on the stack (the iterable may stay as its own iterator), like FORMAT_SIMPLE, and the references such
     *  opcodes push name the instruction itself (3.14: the loop counter). */
    GET_ITER_LEAVES_ITERABLE(3, 15),
    /** Python/flowgraph.c 3.15: {@code remove_redundant_nops_and_pairs} also drops LOAD_COMMON_CONSTANT followed by POP_TOP. */
    COMMON_CONSTANT_POP_PAIRS(3, 15),
    /** Python/flowgraph.c 3.15: {@code optimize_load_fast} passes an empty block's fall-through on (3.14 needed a last
     *  instruction). */
    LOAD_FAST_EMPTY_BLOCK_FALLTHROUGH(3, 15),
    /** Python/flowgraph.c 3.15 (magic 3654, "Fix missing exception handlers in logical expression"): the instructions
     *  {@code jump_thread} and {@code normalize_jumps_in_block} add (the threaded jump, NOT_TAKEN, the backward JUMP)
     *  get the handler of the jump they come from (3.14: whatever their array slot held). */
    ADDED_JUMPS_KEEP_HANDLER(3, 15),
    /** 3.15 (magic 3663, GET_YIELD_FROM_ITER merged into GET_ITER): a {@code yield from} GET_ITER's oparg becomes
     *  CORO_CHECK in a generator, NO_CHECK in a coroutine, when the unit is converted to its final sequence. */
    GET_ITER_YIELD_FROM_CHECKS(3, 15),
    /** 3.15: {@code marshal.dumps(code)} in py_compile sees the module's code object with one reference (the caller's
     *  is a borrowed stack reference), so it is written without FLAG_REF. */
    ROOT_CODE_UNFLAGGED(3, 15),
    /** Include/internal/pycore_runtime_structs.h 3.15: the runtime's cached small ints are -5..1024
     *  ({@code _PY_NSMALLPOSINTS} 1025; before: -5..256), one object each, so always FLAG_REF in marshal. */
    SMALL_INTS_TO_1024(3, 15),
    /** Python/flowgraph.c 3.15 ({@code optimize_basic_block}): a constant list turned tuple before GET_ITER is folded
     *  into one tuple constant ({@code fold_constant_intrinsic_list_to_tuple}); 3.14 only dropped the intrinsic there. */
    LIST_TO_TUPLE_FOLD_BEFORE_ITER(3, 15),
    /** Python/flowgraph.c 3.15: a long constant list display built with LIST_APPEND right before GET_ITER or
     *  CONTAINS_OP is folded into one tuple constant. */
    APPENDED_LIST_FOLD_BEFORE_ITER(3, 15),

    // ---- compiler 3.15 deltas: astopt, symtable, codegen (helper cg15 adds here) ----
    /** Python/codegen.c 3.15 (magic 3652, virtual iterators): GET_ITER pushes the iterator and a second item, so a
     *  running for loop holds two stack items (unwinding pops both, LIST_APPEND/SET_ADD/MAP_ADD reach one deeper), an
     *  inlined comprehension applies GET_ITER inside its protected region, and a generator expression applies GET_ITER
     *  to its argument itself, after RESUME_AT_GEN_EXPR_START and before RETURN_GENERATOR. */
    VIRTUAL_ITERATORS(3, 15),
    /** Python/codegen.c 3.15 (magic 3663): GET_YIELD_FROM_ITER is GET_ITER 1 (pushing the NULL slot itself), and SEND
     *  finds a NULL under its value: await, async for and async with push one after the awaitable. */
    SEND_NULL_SLOT(3, 15),
    /** Python/codegen.c 3.15 (magic 3658): {@code list(genexp)} and {@code set(genexp)} get the inline loop of
     *  {@code maybe_optimize_function_call} too. */
    LIST_SET_GENEXP_CALLS(3, 15),
    /** PEP 810 (Python/codegen.c 3.15, magic 3661): IMPORT_NAME's oparg is the name index shifted left by two, with
     *  bit 0 for {@code lazy} and bit 1 for an import that must stay eager (outside the module scope, in a try or a
     *  handler, {@code *}). */
    LAZY_IMPORT_FLAGS(3, 15),
    /** Python/codegen.c 3.15 ({@code codegen_annotations_in_scope}): a function's {@code __annotate__} lists the
     *  positional-only parameters first (3.14: after the other positional ones). */
    POSONLY_ANNOTATIONS_FIRST(3, 15),
    /** Python/symtable.c 3.15: "duplicate parameter 'x' in function definition" (before: "duplicate argument"). */
    DUPLICATE_PARAMETER_MESSAGE(3, 15),
    /** Python/codegen.c 3.15 ({@code maybe_optimize_function_call}): a builtin called on an asynchronous generator
     *  expression is an ordinary call (3.14 inlined the loop for it too). */
    BUILTIN_CALLS_SKIP_ASYNC_GENEXP(3, 15),
    /** Python/ast_preprocess.c 3.15 ({@code fold_const_match_patterns}): a match value {@code +constant} folds as
     *  {@code -constant} does (the 3.15 grammar accepts unary plus in patterns). */
    MATCH_UNARY_PLUS(3, 15),
    /** Python/symtable.c 3.15 ({@code inline_comprehension}, gh-145701 and gh-150700): in a class body, an inlined
     *  comprehension's free {@code __classdict__} and {@code __conditional_annotations__} become implicit globals as
     *  {@code __class__} does, and any of the three stays free when a scope nested in the comprehension uses it. */
    CLASS_COMP_IMPLICIT_CELLS(3, 15),
    /** Python/symtable.c 3.15 ({@code inline_comprehension}): a name of the enclosing function that an inlined
     *  comprehension reads gets the USE flag there too. */
    INLINED_COMP_USE_MARKS_PARENT(3, 15),
    /** Python/symtable.c 3.15: lambda and comprehension scopes are named {@code <lambda>}, {@code <genexpr>},
     *  {@code <listcomp>}, {@code <setcomp>}, {@code <dictcomp>} (before: without the brackets). */
    SYMTABLE_BRACKETED_NAMES(3, 15),
    /** Python/codegen.c 3.15 (magic 3664): a function's {@code __annotate__} has the qualname
     *  {@code <function's qualname>.__annotate__} (3.14: the enclosing scope's). */
    ANNOTATE_QUALNAME_NAMES_FUNCTION(3, 15),
    /** PEP 798 (Python/codegen.c 3.15): a comprehension's {@code *elt} (a dict comprehension's {@code **elt}) extends the
     *  result with LIST_EXTEND / SET_UPDATE / DICT_UPDATE; a generator expression's yields the items in a loop. */
    COMPREHENSION_UNPACKING(3, 15),

    // ---- compiler 3.12 deltas: astopt, symtable, codegen (helper cg12 adds here) ----
    /** {@code compiler_function_body} (3.13) binds a {@code start} label after RESUME and, for a generator or
     *  coroutine, pushes a STOP_ITERATION frame block on it; 3.12's {@code compiler_function} has neither, so the
     *  body's first instructions share RESUME's block ({@code def f(): pass}: the NOP goes as RESUME's line, and the
     *  implicit return gets RESUME's location). */
    FUNCTION_BODY_START_LABEL(3, 13),
    /** {@code future_parse} (Python/future.c) and {@code compiler_from_import} take a {@code from __future__ import}
     *  only at level 0 (3.13); 3.12 also takes {@code from .__future__ import x} as one (its features are set, an
     *  unknown one is an error, and after other statements it "must occur at the beginning of the file"). */
    FUTURE_IMPORT_LEVEL_CHECKED(3, 13),
    /** {@code compiler_visit_expr} (3.13): {@code yield from} outside a function is "'yield from' outside function";
     *  3.12 says "'yield' outside function" for it too. */
    YIELD_FROM_OUTSIDE_FUNCTION_MESSAGE(3, 13),
    /** {@code symtable_visit_type_param} (3.13): a tuple bound is "a TypeVar constraint" in the messages of names,
     *  yields and awaits it may not hold; 3.12 says "a TypeVar bound" for both. */
    TYPEVAR_CONSTRAINT_MESSAGE(3, 13),
    /** Python/compile.c 3.13 ({@code compiler_jump_if}, {@code compiler_boolop}, UNARY_NOT, pattern guards,
     *  {@code with}'s exit test): TO_BOOL converts the value before a conditional jump or {@code not}; 3.12 has no
     *  TO_BOOL (POP_JUMP_IF_* and UNARY_NOT convert for themselves). */
    TO_BOOL(3, 13),
    /** Python/compile.c 3.13 ({@code compiler_call}, {@code compiler_class}, the generic-function and type-alias
     *  calls): the callable is pushed first, then NULL (LOAD_BUILD_CLASS, PUSH_NULL); 3.12 pushes NULL before the
     *  callable (PUSH_NULL, LOAD_BUILD_CLASS), and a generic function's PUSH_NULL comes before its defaults. */
    PUSH_NULL_AFTER_CALLABLE(3, 13),
    /** Python/compile.c 3.13 ({@code compiler_call_simple_kw_helper}): keyword names are a LOAD_CONST tuple read by
     *  CALL_KW; 3.12 emits KW_NAMES (the tuple's constant index) right before CALL. */
    CALL_KW(3, 13),
    /** Python/compile.c 3.13 ({@code compiler_make_closure}): MAKE_FUNCTION takes only the code, each extra
     *  attribute is a SET_FUNCTION_ATTRIBUTE; 3.12's MAKE_FUNCTION takes them all, its oparg the flag bits. */
    SET_FUNCTION_ATTRIBUTE(3, 13),
    /** Python/compile.c 3.13 ({@code compiler_formatted_value}): CONVERT_VALUE, then FORMAT_SIMPLE or
     *  FORMAT_WITH_SPEC; 3.12 has one FORMAT_VALUE whose oparg is the conversion (FVC_*) plus 4 with a spec. */
    FORMAT_SIMPLE_AND_WITH_SPEC(3, 13),
    /** Python/compile.c 3.13 ({@code compiler_class_body}): a class body stores {@code __firstlineno__} after
     *  {@code __qualname__} and {@code __static_attributes__} at its end; 3.12 stores neither. */
    CLASS_FIRSTLINENO_STATIC_ATTRIBUTES(3, 13),
    /** Python/compile.c 3.13 ({@code _PyCompile_CleanDoc}, from {@code compiler_body} and
     *  {@code compiler_function_body}): docstrings are dedented at compile time; 3.12 keeps them as written. */
    DOCSTRING_CLEANED(3, 13),
    /** Python/compile.c 3.13 ({@code compiler_addcompare}): COMPARE_OP's oparg is the comparison shifted left by 5,
     *  leaving bit 4 for the optimizer's bool conversion; 3.12 shifts it by 4 (no such bit). */
    COMPARE_OP_BOOL_BIT(3, 13),
    /** Python/compile.c 3.13 ({@code compiler_joined_str}): an f-string (or format spec) with no parts loads the
     *  constant {@code ''}; 3.12 emits BUILD_STRING 0. */
    JOINED_STR_EMPTY_CONST(3, 13),
    /** Python/compile.c 3.13 ({@code compiler_for}, {@code compiler_async_for}, {@code compiler_comprehension},
     *  {@code compiler_sync_comprehension_generator}): GET_ITER, GET_AITER and FOR_ITER have the iterable's location, and a
     *  {@code for} statement puts a NOP at its target's; 3.12 gives them the statement's (comprehension's) location
     *  and has no NOP. */
    ITER_AT_ITERABLE_LOCATION(3, 13),
    /** Python/compile.c 3.13 ({@code compiler_sync_comprehension_generator}): a loop whose iterator is already on the
     *  stack applies GET_ITER to it again at its head; neither 3.12 nor 3.14 does. */
    COMPREHENSION_REPEATED_GET_ITER(3, 13, 3, 14),
    /** Python/compile.c 3.13 ({@code compiler_for}, comprehensions): END_FOR pops only the last value and the iterator
     *  is popped after it (POP_TOP; 3.14 POP_ITER); in 3.12 END_FOR pops both, nothing follows it. */
    END_FOR_POP_ITERATOR(3, 13),
    /** Python/compile.c 3.13 ({@code compiler_if}, {@code compiler_ifexp}, {@code compiler_jump_if}'s chained
     *  comparisons, try/except/finally, with, inlined comprehensions): the forward jumps over an else branch or a
     *  handler are JUMP_NO_INTERRUPT; 3.12 emits JUMP there (its only JUMP_NO_INTERRUPT is the yield-from loop's). */
    JUMP_NO_INTERRUPT_FORWARD(3, 13),
    /** Python/compile.c 3.13 ({@code compiler_with}, {@code compiler_async_with}): BEFORE_(ASYNC_)WITH, SETUP_WITH, the
     *  exit call and the cleanup have the with item's context expression's location; in 3.12 the statement's. */
    WITH_ITEM_LOCATION(3, 13),
    /** Python/compile.c 3.13 ({@code compiler_assert}): RAISE_VARARGS has the test's location; in 3.12 the assert
     *  statement's. */
    ASSERT_RAISE_AT_TEST(3, 13),
    /** Include/cpython/code.h 3.13: {@code CO_MAXBLOCKS} is 21, so {@code compiler_push_fblock} refuses a 22nd nested
     *  block; 3.12's is 20 ("too many statically nested blocks" at the 21st). */
    CO_MAXBLOCKS_21(3, 13),
    /** Python/compile.c 3.13 ({@code compiler_body}, {@code compiler_function_body}): under -OO the docstring
     *  statement is skipped; 3.12 looks for a docstring only below -OO, so there it is compiled as an expression
     *  statement (a NOP at its location). */
    OO_DOCSTRING_SKIPPED(3, 13),
    /** Python/compile.c 3.13 ({@code push_inlined_comprehension_state}): every name whose scope differs inside an
     *  inlined comprehension (and is not free there) takes the inner symbol flags while it is compiled; 3.12.1 does
     *  this only for the names the comprehension binds (all of them in a class body), so e.g. a module-level import
     *  used inside keeps DEF_IMPORT for {@code is_import_originated}. */
    INLINED_COMP_SWAPS_UNBOUND_NAMES(3, 13),
    /** Python/compile.c 3.13 ({@code compiler_lambda}): a lambda's RETURN_VALUE has its body's location; in 3.12 the
     *  lambda's line with columns 0, 0. */
    LAMBDA_RETURN_AT_BODY(3, 13),
    /** Python/compile.c 3.13 ({@code compiler_type_param_bound_or_default}): a type parameter's bound evaluator
     *  returns, and is made, at the bound's location; in 3.12 ({@code compiler_type_params}) at the type
     *  parameter's. */
    TYPE_PARAM_BOUND_AT_EXPR(3, 13),
    /** Python/compile.c 3.13 ({@code compiler_add_yield_from}): the yield-from loop's YIELD_VALUE has oparg 1; 3.12's
     *  codegen gives it 0 (its {@code label_exception_targets} then sets every YIELD_VALUE's oparg to the exception
     *  stack depth). */
    YIELD_FROM_OPARG(3, 13),
    /** Python/symtable.c and Python/compile.c 3.12.1 ({@code symtable_visit_stmt}'s ClassDef, {@code compiler_class}):
     *  a generic class leaks its name as the private (mangling) name of what follows it: the symbol table saves
     *  {@code st_private} only after setting it for the type parameters, and the compiler sets it on the enclosing
     *  unit ({@code class C[T]: pass} then {@code __x = 1} stores {@code _C__x}); 3.13 keeps it inside the class. */
    GENERIC_CLASS_PRIVATE_NAME_LEAK(3, 12, 3, 13),

    // ---- compiler 3.12 deltas: flowgraph (helper fg12 adds here) ----
    /** Python/flowgraph.c 3.12's {@code optimize_cfg} ({@code Optimizer312}): {@code eliminate_empty_basic_blocks},
     *  {@code inline_small_exit_blocks} (before and after the peepholes), {@code optimize_basic_block} holding the
     *  LOAD_CONST rules (constant jump, {@code is None} jump, RETURN_CONST), {@code mark_reachable} and
     *  {@code remove_redundant_jumps} once; line numbers only at the end of {@code _PyCfg_OptimizeCodeUnit}.
     *  3.13: {@code inline_small_or_no_lineno_blocks}, {@code remove_unreachable}, {@code resolve_line_numbers},
     *  {@code optimize_load_const} as passes, {@code remove_redundant_nops_and_jumps} to a fixpoint. */
    OPTIMIZE_CFG_312(3, 12, 3, 13),
    /** Python/flowgraph.c 3.13 {@code insert_superinstructions}: LOAD_FAST_LOAD_FAST, STORE_FAST_LOAD_FAST,
     *  STORE_FAST_STORE_FAST (3.12.1 has none of them). */
    SUPERINSTRUCTIONS(3, 13),
    /** Python/compile.c 3.12 {@code instr_sequence_to_cfg}: every label codegen bound starts a block (and labels
     *  it); 3.13's {@code _PyCfg_FromInstructionSequence} starts blocks at jump targets only. */
    CFG_BLOCK_AT_EVERY_LABEL(3, 10, 3, 13),
    /** Python/flowgraph.c 3.12 {@code label_exception_targets}: a YIELD_VALUE's oparg becomes the exception stack
     *  depth, and POP_BLOCK stays until {@code _PyCfg_ConvertPseudoOps}; 3.13 NOPs POP_BLOCK there and marks the
     *  RESUME after a yield at depth 1 ({@code RESUME_OPARG_DEPTH1_MASK}) instead. */
    YIELD_VALUE_EXCEPT_DEPTH(3, 12, 3, 13),
    /** Python/flowgraph.c 3.12 {@code resolve_line_numbers}: {@code duplicate_exits_without_lineno} copies exit
     *  blocks only (3.13: also eval-break blocks, {@code is_exit_or_eval_check_without_lineno}) and
     *  {@code guarantee_lineno_for_exits} gives a RETURN_VALUE block without a line the last line seen. */
    GUARANTEE_LINENO_FOR_EXITS(3, 11, 3, 13),
    /** Python/flowgraph.c 3.12 {@code push_cold_blocks_to_end}: the explicit jump out of a cold block is JUMP
     *  (with no predecessor count) and only {@code remove_redundant_jumps} follows; 3.13: JUMP_NO_INTERRUPT,
     *  then {@code remove_redundant_nops_and_jumps}. */
    COLD_BLOCK_PLAIN_JUMP(3, 12, 3, 13),
    /** Python/compile.c 3.12 {@code optimize_and_assemble_code_unit}: {@code _PyCfg_Stackdepth} runs after
     *  {@code prepare_localsplus}, entering a generator at depth 1; 3.13's {@code calculate_stackdepth} runs before
     *  it, from depth 0. */
    STACKDEPTH_AFTER_PREFIX(3, 11, 3, 13),
    /** Python/flowgraph.c 3.12 {@code normalize_jumps_in_block} (in {@code _PyCfg_ResolveJumps}) gives JUMP and
     *  JUMP_NO_INTERRUPT their direction (JUMP_FORWARD, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT); 3.13 leaves
     *  that to the assembler's {@code resolve_unconditional_jumps}. */
    JUMP_DIRECTION_IN_FLOWGRAPH(3, 11, 3, 13),
    /** Python/flowgraph.c 3.13 {@code convert_pseudo_ops}: LOAD_CLOSURE is a pseudo op that becomes LOAD_FAST
     *  (3.12: a real op, its oparg a cell offset like LOAD_DEREF's). */
    LOAD_CLOSURE_PSEUDO(3, 13),
    /** Python/flowgraph.c 3.13 {@code insert_prefix_instructions}: the POP_TOP after a generator's RETURN_GENERATOR
     *  has the function's first line, as RETURN_GENERATOR has (3.12's compile.c: no location). */
    GENERATOR_PREFIX_POP_TOP_LOCATED(3, 13),
    /** Python/flowgraph.c 3.12 {@code resolve_jump_offsets} (run by {@code _PyCfg_ResolveJumps}) starts its
     *  EXTENDED_ARG fixpoint from the sizes of the opargs the jumps still hold, label ids (the codegen label of the
     *  target block, or the one a pass gave it); 3.13's assembler starts from the target instruction indices. The
     *  flowgraph hands each jump's label id to the assembler in {@code Instr.offset}. */
    JUMP_SIZES_FROM_LABEL_IDS(3, 12, 3, 13),

    // ---- compiler 3.12 deltas: assemble, code objects, marshal identity (helper as12 adds here) ----
    /**
     * {@code init_code} (Objects/codeobject.c) interns a new code object's {@code co_filename}, {@code co_name} and
     * {@code co_qualname} ({@code _PyUnicode_InternMortal}, 3.13). 3.12 keeps the compiler's objects: the str the
     * caller passed to {@code compile()}, the unit's name (an identifier the parser interned, or a statically
     * allocated immortal str such as {@code <module>}, written {@code z} and flagged) and its qualname (at the top
     * level the name object itself, else a new str from {@code compiler_set_qualname}).
     */
    CODE_NAMES_INTERNED(3, 13),
    /**
     * The runtime's empty and one-character Latin-1 strs are interned from the start (3.13 interns its static
     * strings at startup): a constant {@code '.'} or {@code 'é'} is written {@code Z} / {@code t}. In 3.12 they are
     * plain singletons ({@code z} / {@code u}, always flagged) unless {@code intern_string_constants} interns one
     * (name characters only: {@code 'x'}, {@code ''}), which interns the singleton itself.
     */
    LATIN1_SINGLETONS_INTERNED(3, 13),
    /**
     * marshal's {@code w_complex_object} holds a new reference to each set item while it dumps the item's sort key
     * ({@code _PySet_NextEntryRef}, 3.13), so every key's type byte carries {@code FLAG_REF}; 3.11 and 3.12 borrow the
     * item ({@code _PySet_NextEntry}): a key is flagged only if the item is shared, interned or a cached singleton.
     * {@code {"c", 1000, "a b", 2.5}} is written 2.5, 1000, 'a b', 'c' by 3.12 and 'c', 2.5, 1000, 'a b' by 3.13.
     */
    MARSHAL_SET_KEY_ITEM_HELD(3, 13),
    /**
     * A code object has room for at least one stack value: a unit whose computed depth is 0 (a body of
     * {@code RESUME; RETURN_CONST}) gets {@code co_stacksize} 1 (3.13, {@link org.jpyc.assemble.CodeMaker}). 3.12 keeps the
     * computed 0 ({@code def f(): pass}: 3.11 1, 3.12.1 0, 3.13.5 1).
     */
    CODE_STACKSIZE_AT_LEAST_ONE(3, 13),

    // ---- compiler 3.10 deltas: marshal identity (the lead adds here) ----
    /**
     * marshal's {@code w_ref} (Python/marshal.c) flags an object whose reference count is above one. From 3.11 every
     * interned str a compiled code object holds is flagged, however often it occurs. 3.10's interned strs are mortal
     * ({@code PyUnicode_InternInPlace} takes back the two references of the interned dict), so once {@code compile()}
     * has freed its parser arena and caches an interned str is flagged only when something else holds it: a second
     * place in the code object graph, or the interpreter itself (the strings it had interned before compiling, which
     * live only while held: {@code startup-interned-3.10.txt}). {@code "path"} is flagged, {@code "zzqq_unique"} not.
     */
    INTERNED_STRS_ALWAYS_FLAGGED(3, 11),
    /**
     * {@code _PyCode_GetCode} (Objects/codeobject.c, 3.11+) gives marshal a bytes copy of the instructions that the code
     * object also caches: reference count 2, so every {@code co_code} is flagged. 3.10's {@code co_code} is the
     * assembler's own bytes object, flagged only when shared (the constant cache merges equal ones).
     */
    CODE_BYTES_CACHED_COPY(3, 11),
    /**
     * Python/ast_unparse.c 3.10 ({@code maybe_init_static_strings}): the first {@code _PyAST_ExprAsUnicode} of the
     * process, a PEP 563 annotation's text, interns {@code "{"}, {@code "{{"}, {@code "}"} and {@code "}}"} and keeps
     * them. The one-character ones are the runtime's Latin-1 singletons, so from then on every {@code '{'} or
     * {@code '}'} constant is written in its interned form ({@code Z}). 3.11 unparses with the runtime's static
     * strings ({@code &_Py_STR(open_br)}), which interns nothing.
     */
    UNPARSE_INTERNS_BRACES(3, 0, 3, 11),

    // ---- compiler 3.11 deltas: astopt, symtable, codegen (helper cg11 adds here) ----
    /** {@code analyze_block} (Python/symtable.c 3.12): each child is analyzed from a copy of {@code newfree}, which
     *  holds the free names of the children before it, and its free names are merged into {@code newfree}; 3.11
     *  gives every child a copy of the still empty {@code newfree} and collects theirs in {@code allfree}, merged
     *  into {@code newfree} after the last child. The sets' slot order differs, and with it the order in which
     *  implicitly free names enter a scope's symbols ({@code update_symbols}). */
    SYMTABLE_CHILD_FREE_SHARED(3, 12),
    /** {@code future_parse} (Python/future.c) up to 3.11 reads on past the first statement that is not a future
     *  import while the statements share its line, and a future import among them is "from __future__ imports must
     *  occur at the beginning of the file" ({@code import x; from __future__ import y}); 3.12 stops at that statement
     *  and leaves the error to the compiler. */
    FUTURE_SAME_LINE_SCAN(3, 0, 3, 12),
    /** Python/compile.c 3.11 ({@code compiler_call_helper}, {@code maybe_optimize_method_call}, {@code compiler_class},
     *  decorators, {@code compiler_call_exit_with_nones}, comprehension calls): every CALL n follows a PRECALL n;
     *  3.12 has no PRECALL. */
    PRECALL(3, 11, 3, 12),
    /** Python/compile.c 3.12 ({@code compiler_addop_name}): a method load is LOAD_ATTR with the name index shifted
     *  left and the low bit set (a plain attribute load: the low bit clear); 3.11.3 emits LOAD_METHOD, a real opcode,
     *  and LOAD_ATTR, both with the bare name index. */
    LOAD_ATTR_METHOD_BIT(3, 12),
    /** Python/compile.c 3.12 ({@code can_optimize_super_call}, {@code load_args_for_super}): {@code super().x} and
     *  {@code super(a, b).x} load with LOAD_SUPER_ATTR; 3.11.3 has no such opcode and calls {@code super} as any
     *  function (PRECALL, CALL), then LOAD_ATTR / LOAD_METHOD. */
    LOAD_SUPER_ATTR(3, 12),
    /** Python/compile.c 3.12: CALL_INTRINSIC_1 / CALL_INTRINSIC_2 (print of an interactive expression, import *,
     *  list to tuple, unary plus, the async generator wrap, the except* reraise preparation); 3.11.3 has an opcode
     *  for each: PRINT_EXPR, IMPORT_STAR, LIST_TO_TUPLE, UNARY_POSITIVE, ASYNC_GEN_WRAP, PREP_RERAISE_STAR. */
    CALL_INTRINSICS(3, 12),
    /** Python/compile.c 3.12 ({@code compiler_subscript}, {@code is_two_element_slice}): {@code a[x:y]} is
     *  BINARY_SLICE / STORE_SLICE; 3.11.3 builds the slice (BUILD_SLICE 2) and subscripts with it. */
    BINARY_SLICE(3, 12),
    /** Python/compile.c 3.11 ({@code compiler_boolop}, {@code compiler_compare}'s chain): the test that keeps the
     *  value is one JUMP_IF_FALSE_OR_POP / JUMP_IF_TRUE_OR_POP; 3.12 copies the value, pops on a conditional jump and
     *  pops the copy on the fall-through (COPY 1, POP_JUMP_IF_x, POP_TOP). */
    JUMP_IF_OR_POP(3, 10, 3, 12),
    /** Python/compile.c 3.12 ({@code compiler_addcompare}): COMPARE_OP's oparg is the comparison shifted left by 4
     *  with its outcome mask in the low bits; in 3.11.3 it is the bare comparison ({@code Py_LT} ...). */
    COMPARE_OP_MASK_BITS(3, 12),
    /** Python/compile.c 3.12 ({@code compiler_for}, comprehensions): an exhausted FOR_ITER jumps to END_FOR, which
     *  pops the iterator; 3.11.3's FOR_ITER pops it itself and jumps past the loop, so no END_FOR is emitted. */
    END_FOR(3, 12),
    /** Python/compile.c 3.12 ({@code wrap_in_stopiteration_handler}, from {@code compiler_function} and
     *  {@code compiler_comprehension}): a generator's body is guarded by a handler turning StopIteration into
     *  RuntimeError (CALL_INTRINSIC_1 INTRINSIC_STOPITERATION_ERROR); 3.11.3 leaves that to the interpreter. */
    STOPITERATION_HANDLER(3, 12),
    /** Python/compile.c 3.12 ({@code compiler_add_yield_from}, {@code addop_yield}): YIELD_VALUE takes an oparg
     *  and a {@code yield from} / {@code await} loop is guarded by a SETUP_FINALLY to CLEANUP_THROW and ends in
     *  END_SEND; 3.11.3's loop is SEND, YIELD_VALUE (no oparg), RESUME, JUMP_BACKWARD_NO_INTERRUPT, with no handler
     *  and the value left by SEND. */
    YIELD_FROM_CLEANUP_THROW(3, 12),
    /** Python/compile.c 3.12 ({@code compiler_nameop}): a class body loads a free name with LOAD_LOCALS then
     *  LOAD_FROM_DICT_OR_DEREF; 3.11.3 with LOAD_CLASSDEREF. */
    LOAD_FROM_DICT_OR_DEREF(3, 12),
    /** Python/compile.c 3.12 ({@code compiler_jump_if} with an explicit location): the conditional jump of the general
     *  case has the test's location. 3.11.3 emits it at the location in force ({@code c->u->u_lineno}...): the
     *  enclosing statement's, conditional expression's or comprehension's, except after a single comparison, whose
     *  case does {@code SET_LOC(c, e)} and leaves it set, so the comparison's jump and what follows it in the same
     *  construct (the next tests of an {@code and}/{@code or}, a comprehension's element and back jump) take the
     *  comparison's location. */
    JUMP_IF_AT_TEST(3, 12),
    /** Python/compile.c 3.12 ({@code compiler_sync_comprehension_generator}, {@code compiler_async_comprehension_generator},
     *  {@code compiler_comprehension}): LIST_APPEND / SET_ADD / MAP_ADD / the yield have the element's location (a
     *  dict comprehension's: key to value), as has the loop's back jump; 3.11.3 emits them, and the comprehension's
     *  RETURN_VALUE, at the location in force (the comprehension's, or that of the last single comparison of an
     *  {@code if}: {@link #JUMP_IF_AT_TEST}). */
    COMPREHENSION_ELEMENT_LOCATION(3, 12),
    /** Python/compile.c 3.12 ({@code check_ann_expr}, {@code compiler_visit_annexpr}): the POP_TOP of an evaluated
     *  annotation or complex target's part, and a PEP 563 annotation string's LOAD_CONST, have that expression's
     *  location; in 3.11.3 the location in force (the annotated assignment's, the function definition's). */
    ANN_EXPR_POP_AT_EXPR(3, 12),
    /** Python/compile.c 3.12 ({@code compiler_try_star_except}): the first {@code except*} handler pushes the result
     *  list, then a copy of the group under it (BUILD_LIST 0, COPY 2); 3.11.3 copies the group first (COPY 1,
     *  BUILD_LIST 0, SWAP 2), the same stack. */
    EXCEPT_STAR_LIST_FIRST(3, 12),
    /** Python/compile.c 3.12 ({@code add_return_at_end}): every unit gets the implicit return at its end (its None
     *  constant removed later if unreachable); 3.11.3's {@code assemble()} adds it only when the current block does not
     *  already end with RETURN_VALUE ({@code b_return}), so a list/set/dict comprehension has no None constant. */
    RETURN_AT_END_ALWAYS(3, 12),
    /** Python/compile.c 3.12 ({@code compiler_with_except_finish}): the path where {@code __exit__} suppressed the
     *  exception pops and jumps to the statement's end, the cleanup handler (COPY 3, POP_EXCEPT, RERAISE 1) comes after
     *  it; 3.11.3 puts the cleanup handler right after RERAISE 2 and lets the suppressing path fall through. */
    WITH_CLEANUP_AFTER_SUPPRESS(3, 12),
    /** Python/compile.c 3.12 (the {@code compiler_pattern_*} functions take {@code LOC(p)}): a pattern's instructions
     *  have that pattern's location. 3.11.3's {@code compiler_pattern} does {@code SET_LOC(c, p)} and never restores it,
     *  so what a pattern emits after a sub-pattern (a mapping's or subscripted sequence's POP_TOPs, an {@code as}
     *  capture's rotation, an or-pattern's jump and rotations, the case's stores and subject pop) has the location of
     *  the last (sub-)pattern compiled. */
    MATCH_PATTERN_OWN_LOCATION(3, 12),
    /** Python/compile.c 3.12 ({@code compiler_match_inner}): the jump from a case's body to the statement's end has no
     *  location; in 3.11.3 it has the location in force after the body (its last simple statement's, e.g.
     *  {@code result = "one"}'s whole span, not the STORE_FAST's). */
    MATCH_CASE_JUMP_UNLOCATED(3, 12),
    /** Python/compile.c 3.12 ({@code compiler_try_finally}, {@code compiler_try_star_finally}): the exceptional path's
     *  RERAISE 0 and its cleanup (COPY 3, POP_EXCEPT, RERAISE 1) have no location; in 3.11.3 the location the finally
     *  body left in force: its last simple statement's whole span ({@code z = 2}: 6:4-6:9, where propagation gives the
     *  STORE's 6:4-6:5), none after an expression statement (whose POP_TOP follows UNSET_LOC), a for loop, a
     *  try/except or a with. */
    FINALLY_RERAISE_UNLOCATED(3, 12),
    /** Python/compile.c 3.11.3 ({@code compiler_try_star_except}): a handler whose CHECK_EG_MATCH found nothing pops the
     *  None at the test (POP_JUMP_IF_NOT_NONE to the match, POP_TOP, JUMP to the next handler), and the handler's
     *  normal end, its raised-exception path (LIST_APPEND 3, POP_TOP) and the no-match jump all meet at the next
     *  handler; 3.12 jumps with POP_JUMP_IF_NONE to a POP_TOP at the handler's end and joins the paths through a
     *  NOP block. */
    EXCEPT_STAR_NO_MATCH_POPPED_AT_TEST(3, 11, 3, 12),

    // ---- compiler 3.11 deltas: flowgraph, assemble, code objects (helper fg11 adds here) ----
    // (3.12 features this section extends to 3.11: CFG_BLOCK_AT_EVERY_LABEL, where 3.11's codegen made a block at
    // every compiler_use_next_block; GUARANTEE_LINENO_FOR_EXITS and STACKDEPTH_AFTER_PREFIX, which 3.11's assemble()
    // runs as 3.12 does; JUMP_DIRECTION_IN_FLOWGRAPH, whose normalize_jumps 3.11 runs in assemble() for every jump.)
    /** Python/compile.c 3.11 {@code assemble()} ({@code Optimizer311}): one pass list from the codegen's blocks to the
     *  code: {@code extend_block}, {@code insert_prefix_instructions} and {@code fix_cell_offsets} before
     *  {@code optimize_cfg} ({@code optimize_basic_block} and {@code clean_basic_block} per block, {@code extend_block},
     *  {@code mark_reachable}, {@code eliminate_empty_basic_blocks}, redundant jumps to NOPs), then
     *  {@code duplicate_exits_without_lineno}, {@code trim_unused_consts}, {@code propagate_line_numbers},
     *  {@code guarantee_lineno_for_exits}, {@code stackdepth}, {@code label_exception_targets},
     *  {@code convert_exception_handlers_to_nops}, {@code clean_basic_block}, {@code normalize_jumps} (POP_JUMP_FORWARD_IF_*
     *  and POP_JUMP_BACKWARD_IF_* too). 3.12 split this into flowgraph.c's passes (no cold blocks in 3.11: handlers
     *  stay where codegen put them; unused constants are only trimmed at the end of the list). */
    ASSEMBLE_311(3, 11, 3, 12),
    /** Python/compile.c 3.11 {@code compiler_check_if_end_of_block}: the codegen starts a new block after every jump
     *  (conditional ones, FOR_ITER, SEND and JUMP_IF_*_OR_POP included), not only after a scope exit or an
     *  unconditional jump as 3.12's {@code instr_sequence_to_cfg} does. */
    BLOCK_AFTER_EVERY_JUMP(3, 10, 3, 12),
    /** Python/flowgraph.c 3.12 {@code label_exception_targets} records the exception depth at a yield (3.12 in
     *  YIELD_VALUE's oparg, {@link #YIELD_VALUE_EXCEPT_DEPTH}; 3.13 in the RESUME after it); 3.11's records nothing
     *  (its YIELD_VALUE and RESUME opargs stay codegen's). */
    EXCEPT_DEPTH_AT_YIELD(3, 12),
    /** Python/compile.c 3.11 {@code assemble_jump_offsets} starts its EXTENDED_ARG fixpoint from the opargs the jumps
     *  hold, which are 0 ({@code add_jump_to_block} never sets one; the blocks are zeroed): every jump is one code unit
     *  at first. 3.12 starts from label ids ({@link #JUMP_SIZES_FROM_LABEL_IDS}), 3.13 from target indices. */
    JUMP_SIZES_FROM_ZERO(3, 10, 3, 12),
    /** Python/assemble.c 3.12 {@code assemble_location_info} writes one location entry per run of instructions with
     *  the same location; 3.11's {@code assemble()} calls {@code assemble_emit_location} for each instruction, so
     *  {@code self.x = x; return None} on one line is three entries (STORE_ATTR with its caches, LOAD_CONST,
     *  RETURN_VALUE), not one. */
    LOCATION_RUNS_MERGED(3, 12),
    /** Python/compile.c 3.11 {@code instr_size} and {@code write_instr} read an instruction's oparg only when its opcode
     *  takes one ({@code HAS_ARG}, opcode >= HAVE_ARGUMENT), and the passes change an opcode without clearing its oparg
     *  (a LOAD_CONST made a NOP keeps its constant index): such an instruction is written with oparg 0. 3.12's passes
     *  clear the oparg ({@code INSTR_SET_OP0}) and the assembler writes it as it is. */
    OPARG_ONLY_WITH_ARG(3, 11, 3, 12),

    // ---- compiler 3.10 deltas: astopt, symtable, codegen (helper cg10 adds here) ----
    /** Python/compile.c 3.11 ({@code addop_binary}, {@code compiler_augassign}): one BINARY_OP whose oparg is the
     *  NB_* operator (in-place forms included); 3.10.8 has an opcode per operator, BINARY_ADD ... and INPLACE_ADD .... */
    BINARY_OP(3, 11),
    /** Python/compile.c 3.11 ({@code compiler_enter_scope}, {@code addop_yield}, {@code compiler_add_yield_from}): RESUME
     *  at a unit's start and after every yield and await; 3.10.8 has no RESUME. */
    RESUME(3, 11),
    /** Python/compile.c 3.11: SWAP n and COPY n; 3.10.8 rotates and duplicates with ROT_TWO, ROT_THREE, ROT_FOUR, ROT_N,
     *  DUP_TOP and DUP_TOP_TWO, and some constructs keep their values in another stack order (the comparison chain,
     *  augmented assignments to subscripts, the match patterns). */
    SWAP_COPY(3, 11),
    /** Python/compile.c 3.11: unconditional jumps are the pseudo ops JUMP / JUMP_NO_INTERRUPT, given their direction by
     *  the assembler; 3.10.8's codegen emits JUMP_FORWARD, or JUMP_ABSOLUTE to a block already placed (a loop head). */
    JUMP_PSEUDO_OPS(3, 11),
    /** Python/compile.c 3.11 ({@code compiler_call}, {@code compiler_call_helper}, {@code maybe_optimize_method_call}): CALL
     *  with PUSH_NULL (or LOAD_METHOD's NULL), PRECALL and KW_NAMES; 3.10.8 calls with CALL_FUNCTION n, CALL_FUNCTION_KW n
     *  (the keyword names a constant tuple on the stack) or, after LOAD_METHOD, CALL_METHOD n. */
    CALL_OPCODE(3, 11),
    /** Python/compile.c 3.11 (zero-cost exceptions): try/except/finally, with and async with push their handlers as
     *  SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH pseudo ops into an exception table, handlers get one exception
     *  (PUSH_EXC_INFO, CHECK_EXC_MATCH). 3.10.8 ({@code TryCodegen310}, {@code WithCodegen310}): the real SETUP_FINALLY,
     *  SETUP_WITH, SETUP_ASYNC_WITH push a block at run time, a handler finds three values (type, value, traceback),
     *  tested with DUP_TOP and JUMP_IF_NOT_EXC_MATCH, left with POP_EXCEPT; with's exit runs WITH_EXCEPT_START. */
    ZERO_COST_EXCEPTIONS(3, 11),
    /** Python/compile.c 3.10.8 ({@code compiler_make_closure}): MAKE_FUNCTION pops the qualified name (a str constant
     *  pushed after the code object); 3.11 takes it from the code object's {@code co_qualname}. */
    MAKE_FUNCTION_QUALNAME_ARG(3, 0, 3, 11),
    /** Python/compile.c 3.10.8 ({@code compiler_add_yield_from}'s predecessors): {@code yield from} and {@code await}
     *  are GET_YIELD_FROM_ITER / GET_AWAITABLE, LOAD_CONST None, YIELD_FROM; 3.11 loops with SEND. */
    YIELD_FROM_OPCODE(3, 0, 3, 11),
    /** Python/compile.c 3.11 ({@code compiler_apply_decorators}): each decorator's call has the decorator's location;
     *  3.10.8 calls them (CALL_FUNCTION 1) at the location in force, the definition statement's. */
    DECORATOR_CALL_AT_DECORATOR(3, 11),
    /** Python/compile.c 3.11 ({@code compiler_nameop}): LOAD_GLOBAL's oparg is the name index shifted left by one, the low
     *  bit asking for a NULL; 3.10.8's is the bare index. */
    LOAD_GLOBAL_NULL_BIT(3, 11),
    /** Python/compile.c 3.10.8 ({@code compiler_pattern_mapping}, {@code compiler_pattern_class}): MATCH_KEYS and
     *  MATCH_CLASS push a success bool over their tuple, and each sub-pattern takes its value from the tuple by index
     *  (DUP_TOP, LOAD_CONST i, BINARY_SUBSCR; wildcards skipped); a mapping's rest is COPY_DICT_WITHOUT_KEYS. 3.11 pushes
     *  the tuple or None, tests it with IS_OP and unpacks it (UNPACK_SEQUENCE), building the rest with DICT_UPDATE and
     *  DELETE_SUBSCR. */
    MATCH_OPS_PUSH_BOOL(3, 10, 3, 11),
    /** Python/ast_opt.c 3.11 ({@code optimize_format}, from {@code fold_binop}): {@code "..." % (a, b)} with only
     *  {@code %s}, {@code %r}, {@code %a} becomes an f-string; 3.10.8's {@code fold_binop} has no such rewrite. */
    OPTIMIZE_FORMAT(3, 11),
    /** Python/compile.c 3.10.8 ({@code compiler_return}): a return statement ends with NEXT_BLOCK, so a unit whose last
     *  statement is a return still gets {@code assemble()}'s implicit {@code return None} (unreachable, removed, but its
     *  None constant stays when the optimizer appends constants after it: {@code def f(**k): "d"; return g(**k)} has
     *  co_consts {@code ('d', None, ())}); 3.11's {@code compiler_return} leaves the block current. */
    RETURN_STMT_NEXT_BLOCK(3, 0, 3, 11),
    /** Python/compile.c ({@code compiler_break}, {@code compiler_continue}): "'break' outside loop" and "'continue' not
     *  properly in loop" are placed at the statement. 3.10.8 raises them after {@code compiler_unwind_fblock_stack}
     *  has unwound every frame block, at the location its compiler is at by then: line -1 once a finally body was
     *  compiled inline or a with's exit emitted, the columns and end of the last statement compiled
     *  ({@code codegen.LoopExitError310}). */
    LOOP_EXIT_ERROR_AT_STATEMENT(3, 11),
    /** Python/flowgraph.c 3.12 ({@code apply_static_swaps}): a SWAP stays when the two stores it would reorder, or a store
     *  between them, write the same local ({@code STORES_TO}), since reordering them changes which value the local keeps.
     *  3.11.3 reorders them anyway: {@code _, _ = a(), b()} compiles to two STORE_FASTs and no SWAP. */
    STATIC_SWAPS_KEEP_STORE_ORDER(3, 12),
    /** Python/compile.c 3.10.8 ({@code compiler_enter_scope}, {@code compiler_lambda}): a lambda's RETURN_VALUE is
     *  emitted at the scope's initial line, 0: a line for the optimizer (no propagation, no duplicated exit), which
     *  the line table never notes ({@code lambda x:\n x} returns on line 2, the previous instruction's); 3.11 gives
     *  it the lambda's line. */
    LAMBDA_RETURN_LINE_ZERO(3, 0, 3, 11),

    // ---- compiler 3.10 deltas: flowgraph, assemble, code objects (helper fg10 adds here) ----
    // (3.11 features this section extends to 3.10: CFG_BLOCK_AT_EVERY_LABEL and BLOCK_AFTER_EVERY_JUMP, where 3.10's
    // codegen starts a block at every compiler_use_next_block and must end one at every jump (normalize_basic_block
    // raises "malformed control flow graph" otherwise); JUMP_SIZES_FROM_ZERO, as 3.10's assemble_jump_offsets also
    // starts from the zeroed opargs. Not OPARG_ONLY_WITH_ARG: 3.10 sizes and writes every oparg, so a BUILD_TUPLE 3 +
    // UNPACK_SEQUENCE 3 made ROT_THREE, ROT_TWO is written ROT_THREE 3, ROT_TWO 3.)
    /** Python/compile.c 3.10 {@code assemble()} ({@code Optimizer310}, {@code Assembler310}): no exception table and no
     *  pseudo ops (SETUP_FINALLY, SETUP_WITH, SETUP_ASYNC_WITH and POP_BLOCK are real, the block pushes jumps that
     *  {@code stackdepth} follows with their taken effect); {@code normalize_basic_block}, {@code extend_block},
     *  {@code insert_generator_prefix} (GEN_START), {@code optimize_cfg} ({@code optimize_basic_block} with
     *  {@code eliminate_jump_to_jump}, {@code clean_basic_block} with the previous block's line), then
     *  {@code duplicate_exits_without_lineno}, {@code trim_unused_consts}, {@code propagate_line_numbers},
     *  {@code guarantee_lineno_for_exits}; jumps keep the opcodes codegen chose (JUMP_ABSOLUTE, JUMP_FORWARD: no
     *  direction pass) and {@code assemble_jump_offsets} writes instruction offsets (absolute for {@code hasjabs},
     *  relative for {@code hasjrel}); the PEP 626 line table of (bytecode delta, line delta) pairs; {@code makecode}
     *  with co_varnames, co_cellvars, co_freevars, co_nlocals and CO_NOFREE (3.11 has localsplus, an exception table,
     *  inline caches and prefix instructions instead). */
    ASSEMBLE_310(3, 10, 3, 11),

    // ---- compiler 3.11 deltas: remaining codegen and assemble differences (helper fix11 adds here) ----
    /** Python/compile.c 3.12 ({@code compiler_async_with}): the POP_BLOCK ending an {@code async with} body has the
     *  statement's location. 3.11.3 emits it before its {@code SET_LOC(c, s)}, at the location the body left in force
     *  (none after a {@code for} loop's UNSET_LOC, whose exit then gives it the FOR_ITER's line, so a NOP of that line
     *  stays before the {@code __aexit__} call). */
    ASYNC_WITH_POP_BLOCK_AT_STATEMENT(3, 12),
    /** Python/compile.c 3.12 ({@code compiler_check_debug_one_arg}, {@code validate_keywords}): "cannot assign to
     *  __debug__" for a parameter or keyword argument so named is at that parameter's or keyword's location. 3.11.3's
     *  {@code forbidden_name} reports at the location in force: the whole {@code def} statement, lambda, call or
     *  {@code class} statement ({@code f(__debug__=1)}: 1:1-1:15, not 1:3-1:14). */
    FORBIDDEN_ARG_AT_OWN_LOCATION(3, 12),
    /** Parser/tokenizer.c {@code translate_newlines} up to 3.11: on a source ending in {@code \r\n} the loop stops at
     *  the {@code \n} it skips with its last character still NUL, so it adds a newline to a text that already ends in
     *  one: an empty last line, which moves an error at the end of input to it ({@code def f():\r\n}: "expected an
     *  indented block" at 2:1, not 1:9; an unterminated triple-quoted string "detected at line 2"). 3.12 adds none. */
    CRLF_AT_END_ADDS_LINE(3, 0, 3, 12),

    /** Sentinel that ends the list (never a real feature; keeps every entry above ending in a comma). */
    END_OF_FEATURES(99, 99);

    private final int fromMajor;
    private final int fromMinor;
    /** The first version with the feature and the first without it, as {@link PyVersion#number}s. */
    private final int from;
    private final int until;

    Feature(int fromMajor, int fromMinor) {
        this(fromMajor, fromMinor, 99, 99);
    }

    Feature(int fromMajor, int fromMinor, int untilMajor, int untilMinor) {
        this.fromMajor = fromMajor;
        this.fromMinor = fromMinor;
        this.from = fromMajor * 100 + fromMinor;
        this.until = untilMajor * 100 + untilMinor;
    }

    /**
     * Whether {@code v} has this feature: {@code from <= v < until}, on {@link PyVersion#number}. Code generation
     * and the symbol table ask per node, so this stays small enough for C1 to inline ({@link PyVersion#has}).
     */
    boolean in(PyVersion v) {
        int n = v.number;
        return n >= from && n < until;
    }

    /** The first version with this feature, as {@code X.Y}. */
    public String since() {
        return fromMajor + "." + fromMinor;
    }
}
