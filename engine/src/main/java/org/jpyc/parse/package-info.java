/**
 * The Python parser (planned; nothing here yet but this plan).
 *
 * <h2>Goal</h2>
 * {@code Parser.parse(DecodedSource, PyVersion)} returns the {@link org.jpyc.ast.ModNode} that
 * {@code ast.parse(source_bytes)} builds in that version, or throws the
 * {@link org.jpyc.source.PyCompileError} it raises (type, message, lineno, offset, end_lineno,
 * end_offset), for every grammar from 3.10 to 3.15.
 *
 * <h2>Plan</h2>
 * <ol>
 *   <li><b>Grammar as data.</b> Each version's {@code Grammar/python.gram} is kept verbatim in
 *       {@code tools/grammar/python-3.X.gram} (3.11 and 3.13 are there). A generator in
 *       {@code tools/} (Java, run by the build, or Python committing its output with a banner)
 *       reads the pegen meta-grammar subset CPython uses: rules with return types and
 *       {@code (memo)}, alternatives, named items, {@code &}/{@code !} lookaheads, {@code ~} cut,
 *       {@code *}/{@code +}/{@code ?} repetition, gathers {@code s.e+}, {@code &&} forced tokens,
 *       keywords {@code 'if'} vs soft keywords {@code "match"}, and left recursion (pegen's
 *       "leader" rules grown by the seed-parsing loop).</li>
 *   <li><b>Actions.</b> The C actions ({@code _PyAST_BinOp(a, Add, b, EXTRA)},
 *       {@code _PyPegen_seq_...}, {@code CHECK_VERSION}, {@code RAISE_SYNTAX_ERROR_KNOWN_LOCATION})
 *       are translated by a table from C helper names to Java helpers in this package (one
 *       {@code Actions} class per helper family: sequences, strings/f-strings, arguments,
 *       targets/context, errors). Node constructors go through {@link org.jpyc.ast.AstFactory} by
 *       ASDL name, so one generator serves all versions; a helper that differs by version is one
 *       small strategy selected by {@link org.jpyc.version.Feature}.</li>
 *   <li><b>One generated parser class per version</b> ({@code Parser310} ... {@code Parser315}),
 *       each method one rule, memoised per (rule, token index) exactly where pegen memoises
 *       (left-recursive rules and {@code (memo)} rules), so that the order in which alternatives
 *       are tried, and hence which error is reported, is CPython's.</li>
 *   <li><b>Two passes, as pegen.</b> First pass without {@code invalid_*} rules; on failure reset
 *       and re-parse with them enabled ({@code call_invalid_rules}), then CPython's fallbacks:
 *       tokenizer errors win, then "invalid syntax" at the last token reached on the first pass,
 *       {@code _PyPegen_tokenize_full_source_to_check_for_errors}, "'(' was never closed",
 *       "unexpected indent"/"unexpected unindent", "expected ':'" and friends.</li>
 *   <li><b>Tokens</b> come from {@link org.jpyc.tokenize.Tokenizer} (already byte-exact against the C
 *       tokenizer of 3.12-3.14 on the whole stdlib), keywords recognised per version from the
 *       grammar's keyword list; string literals are decoded (escapes, bytes, f-string parts,
 *       {@code (unicode error)} / {@code (value error)} messages) by a {@code StringParser}.</li>
 *   <li><b>Limits without the Java stack.</b> CPython's limits are reproduced: {@code MAXSTACK}
 *       (6000 in release builds of 3.11 and 3.13, "too many nested parentheses" / "Parser stack overflowed - Python source
 *       too complex to parse"), 200 brackets, 100 indents, f-string nesting. The generated
 *       recursive-descent code runs on a thread with a large explicit stack size chosen so that
 *       CPython's depth limit is always hit first; a depth counter in every rule raises CPython's
 *       error at CPython's depth, so no StackOverflowError can escape.</li>
 *   <li><b>Validation.</b> {@code ./jpyc ast --target X.Y FILE} printing
 *       {@link org.jpyc.ast.AstDump}'s text (already identical to {@code ast.dump} for every stdlib
 *       tree of 3.10-3.14 when built from CPython's own trees) and the conformance suite comparing
 *       it with the embedded interpreters over the stdlib and the error corpus.</li>
 * </ol>
 */
package org.jpyc.parse;
