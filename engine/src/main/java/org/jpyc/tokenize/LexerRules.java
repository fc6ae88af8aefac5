package org.jpyc.tokenize;

import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * What the tokenizer does differently in one version, read once from {@link Feature}s so the
 * tokenizer itself has no version tests.
 *
 * @param fstringTokens f-strings are split into FSTRING_START/MIDDLE/END with the expressions
 *     tokenized in between (PEP 701, 3.12); before, an f-string is one STRING token
 * @param tstrings {@code t}/{@code T} prefixes make template strings, TSTRING_* tokens (PEP 750, 3.14)
 * @param exclamationToken a lone {@code !} is EXCLAMATION rather than a generic OP (3.12)
 * @param escapedQuoteHint an unterminated single-quoted string whose body escaped the quote
 *     character says "; perhaps you escaped the end quote?" (3.13)
 * @param asyncAwaitTokens {@code async}/{@code await} are ASYNC/AWAIT tokens (3.5 to 3.12)
 * @param controlCharError an ASCII control character is a tokenizer error (3.11)
 * @param numberEndAsciiOnly only an ASCII identifier character right after a number is an error (3.12)
 * @param identifierBytesDecodedLate invalid UTF-8 reaches the tokenizer and is reported when an
 *     identifier is decoded, as "(unicode error) ..." (until 3.13; 3.14 rejects it while decoding)
 * @param trackedColumns token columns come from the tokenizer's own column count (3.12); before, they
 *     are the token's start/end pointers minus the line start, so a NEWLINE is zero-width
 * @param prefixLettersAnyOrder string prefix letters are read in any order, each at most once, and a
 *     combination CPython does not allow is a tokenizer error ("'u' and 'b' prefixes are incompatible",
 *     lexer.c's {@code maybe_raise_syntax_error_for_string_prefixes}); before, the letters stop where the
 *     combination stops being valid, and {@code ub''} is a NAME and a STRING. It came with t-strings (3.14),
 *     so it is read from {@link Feature#TSTRING_TOKENS} (checked on 3.13.5, 3.14.3 and 3.15.2)
 * @param knownRangeInChars the columns of {@code _PyTokenizer_syntaxerror_known_range} (leading zeros, string
 *     prefixes) are counted in characters of the line (3.15: {@code é = 007} has offset 5); before, the byte
 *     columns are reported as they are (6 on 3.14.3): {@link Feature#TOKENIZER_KNOWN_RANGE_IN_CHARS}
 * @param formatSpecNewlineError a newline in a single-quoted f-string's format spec is an error (3.13); before, it
 *     ends the format spec: {@link Feature#FSTRING_FORMAT_SPEC_NEWLINE_ERROR}
 */
record LexerRules(boolean fstringTokens, boolean tstrings, boolean exclamationToken,
                  boolean escapedQuoteHint, boolean asyncAwaitTokens, boolean controlCharError, boolean numberEndAsciiOnly,
                  boolean identifierBytesDecodedLate, boolean trackedColumns, boolean prefixLettersAnyOrder,
                  boolean knownRangeInChars, boolean formatSpecNewlineError) {

    static LexerRules of(PyVersion v) {
        return new LexerRules(v.has(Feature.FSTRING_TOKENS), v.has(Feature.TSTRING_TOKENS),
                v.has(Feature.FSTRING_TOKENS), v.has(Feature.ESCAPED_QUOTE_HINT), v.has(Feature.ASYNC_AWAIT_TOKENS),
                v.has(Feature.NONPRINTABLE_CHAR_ERROR), v.has(Feature.NUMBER_END_CHECK_ASCII_ONLY),
                !v.has(Feature.SOURCE_UTF8_CHECKED_UPFRONT), v.has(Feature.TOKEN_COLUMNS_TRACKED),
                v.has(Feature.TSTRING_TOKENS), v.has(Feature.TOKENIZER_KNOWN_RANGE_IN_CHARS),
                v.has(Feature.FSTRING_FORMAT_SPEC_NEWLINE_ERROR));
    }
}
