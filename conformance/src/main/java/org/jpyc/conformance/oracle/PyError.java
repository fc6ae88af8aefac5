package org.jpyc.conformance.oracle;

/**
 * An exception CPython raised, as data. Positions are those of {@code SyntaxError} (1-based line,
 * 1-based column offset as CPython reports it); {@code null} where the exception has none.
 */
public record PyError(String type, String message, Integer lineno, Integer offset,
                      Integer endLineno, Integer endOffset) {
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(type).append(": ").append(message);
        if (lineno != null) {
            sb.append(" (line ").append(lineno);
            if (offset != null) sb.append(", offset ").append(offset);
            if (endLineno != null) sb.append(", end ").append(endLineno).append(':').append(endOffset);
            sb.append(')');
        }
        return sb.toString();
    }
}
