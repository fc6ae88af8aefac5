#!/usr/bin/env python3
"""Re-encoded variants of a corpus of mutants (tools/fuzz/MakeMutants.java), for the conformance checks.

    python3 tools/fuzz/reencode.py SRC OUT MODE

Every UTF-8 .py file of SRC is written to OUT with 'e' and 'a' turned into 'é' and 'à' inside its string and
comment tokens (as far as the tokenize module of the Python running this reads them; a file it cannot read
to the end keeps the rest as it is), then, by MODE:

    c   a UTF-8 coding cookie on line 1 (unless line 1 or 2 has one)
    l   a latin-1 coding cookie on line 1 and the text in latin-1 (files with a cookie or other
        characters are left out)
    b   a UTF-8 byte order mark (files with a cookie are left out)
    r   CRLF line ends and a UTF-8 coding cookie
    e   the accents alone

Such sources reach the paths where CPython's error columns depend on a declared encoding (tok->encoding),
on the tokenizer's buffer and on the bytes before re-encoding; see docs/ARCHITECTURE.md and version.Feature
(PARSER_ERROR_COLUMNS_ALWAYS_IN_CHARS, ERROR_LINE_IS_ONE_LINE, ERROR_LINE_BEFORE_REENCODING).
"""
import io
import os
import sys
import tokenize

ACCENTS = str.maketrans({"e": "\u00e9", "a": "\u00e0"})
COOKIE_UTF8 = "# -*- coding: utf-8 -*-\n"
COOKIE_LATIN1 = "# -*- coding: latin-1 -*-\n"


def text_spans(text):
    """(start, end) positions of the string and comment tokens tokenize finds, up to the first error."""
    kinds = {tokenize.COMMENT, tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", -1)}
    spans = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type in kinds:
                spans.append((tok.start, tok.end))
    except (tokenize.TokenError, SyntaxError, IndentationError, ValueError):
        pass
    return spans


def accented(text):
    lines = text.splitlines(keepends=True)
    for (sr, sc), (er, ec) in text_spans(text):
        for r in range(sr, er + 1):
            if r - 1 >= len(lines):
                break
            line = lines[r - 1]
            a = sc if r == sr else 0
            b = ec if r == er else len(line)
            if "coding" in line[a:b]:
                continue
            lines[r - 1] = line[:a] + line[a:b].translate(ACCENTS) + line[b:]
    return "".join(lines), "coding" in "".join(lines[:2])


def variant(raw, mode):
    """The variant's bytes, or None when the file is left out."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    body, has_cookie = accented(text)
    if mode == "e":
        return body.encode("utf-8")
    if mode == "l":
        if has_cookie:
            return None
        try:
            return (COOKIE_LATIN1 + body).encode("latin-1")
        except UnicodeEncodeError:
            return None
    if mode == "b":
        return None if has_cookie else b"\xef\xbb\xbf" + body.encode("utf-8")
    if not has_cookie:
        body = COOKIE_UTF8 + body
    if mode == "r":
        body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return body.encode("utf-8")


def main(argv):
    if len(argv) != 4 or argv[3] not in ("c", "l", "b", "r", "e"):
        sys.exit(__doc__)
    src, out, mode = argv[1], argv[2], argv[3]
    os.makedirs(out, exist_ok=True)
    written = 0
    for name in sorted(os.listdir(src)):
        if not name.endswith(".py"):
            continue
        with open(os.path.join(src, name), "rb") as f:
            data = variant(f.read(), mode)
        if data is None:
            continue
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        written += 1
    print(f"{written} files written to {out}")


if __name__ == "__main__":
    main(sys.argv)
