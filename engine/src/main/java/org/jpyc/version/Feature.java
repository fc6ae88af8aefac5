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
     *  which reads a NUL-terminated copy of the expression. Tokenizer errors count characters in every
     *  version. */
    PARSER_ERROR_COLUMNS_ALWAYS_IN_CHARS(3, 13),
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
    /** The parser converts the byte columns of the errors it places itself (tokenizer state errors,
     *  unclosed brackets) to character offsets; before, they stayed byte offsets for string input. */
    ERROR_LOCATION_CHAR_OFFSETS(3, 13),

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
    /** The symbol table visits a function's or class's decorators before its annotations and bases (before: after them). */
    SYMTABLE_DECORATORS_FIRST(3, 12),
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
    ANNOTATION_SCOPES(3, 14);

    private final int fromMajor;
    private final int fromMinor;
    private final int untilMajor;
    private final int untilMinor;

    Feature(int fromMajor, int fromMinor) {
        this(fromMajor, fromMinor, 99, 99);
    }

    Feature(int fromMajor, int fromMinor, int untilMajor, int untilMinor) {
        this.fromMajor = fromMajor;
        this.fromMinor = fromMinor;
        this.untilMajor = untilMajor;
        this.untilMinor = untilMinor;
    }

    boolean in(PyVersion v) {
        return v.atLeast(fromMajor, fromMinor) && !v.atLeast(untilMajor, untilMinor);
    }

    /** The first version with this feature, as {@code X.Y}. */
    public String since() {
        return fromMajor + "." + fromMinor;
    }
}
