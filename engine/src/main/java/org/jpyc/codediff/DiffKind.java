package org.jpyc.codediff;

/** What kind of difference the first one is. */
public enum DiffKind {
    /** The headers differ (magic, flags, mtime/size or source hash); the code objects may agree. */
    HEADER("header"),
    /** One side cannot be read as a pyc at all. */
    UNREADABLE("unreadable"),
    /** A field's value differs (instructions, constants, tables, counts, names). */
    VALUES("values differ"),
    /** Only marshal's FLAG_REF bits or back-references differ: equal values, different object sharing. */
    REFERENCES("only FLAG_REF bits / back-references differ"),
    /** Only marshal's type-code forms differ (e.g. interned {@code Z} vs {@code z}, int32 vs long, small tuple). */
    FORM("only marshal type-code forms differ"),
    /** Trailing bytes after the marshalled object (never written by CPython). */
    TRAILING("trailing bytes");

    public final String text;

    DiffKind(String text) {
        this.text = text;
    }
}
