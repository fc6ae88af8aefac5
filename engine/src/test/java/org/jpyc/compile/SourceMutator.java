package org.jpyc.compile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic mutations of Python source for fuzzing the compiler: each mutant is a function of
 * the source and a seed. Mutations work on lines (delete, duplicate, swap, re-indent, wrap in a
 * block, truncate) and on bytes (insert a token, nest an expression deeper), so that mutants are
 * mostly near-valid Python and reach past the parser into the later stages.
 */
public final class SourceMutator {
    /** Tokens to insert: keywords, operators, brackets, quotes, numbers, f-string and pattern pieces. */
    private static final String[] TOKENS = {
        "(", ")", "[", "]", "{", "}", ":", ",", ".", ";", "=", "==", ":=", "+", "*", "**", "-", "~", "@",
        "lambda", "lambda x:", "yield", "await", "async", "return", "break", "continue", "pass", "del", "global x",
        "nonlocal x", "not", "and", "or", "if", "else", "for x in y", "in", "is", "import", "from", "as",
        "try:", "except", "except*", "finally:", "with", "while", "match", "case", "_", "*x", "**x", "class",
        "def", "type", "None", "True", "__debug__", "__class__", "super()", "0", "1e309", "0x10", "1_000", "3j",
        "'s'", "b'b'", "f'{x}'", "f'{x!r:>{w}}'", "'''", "\"", "\\", "#", "\t", "\n", " ", "    ", "\u00e9",
        "x", "y", "(x for x in y)", "[x for x in y if x]", "{**x}", "...", "99999999999999999999",
    };

    private final Random rnd;

    public SourceMutator(long seed) {
        this.rnd = new Random(seed);
    }

    /** One mutant of {@code src}: one to three mutations applied in turn. */
    public byte[] mutate(byte[] src) {
        byte[] out = src;
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) out = mutateOnce(out);
        return out;
    }

    private byte[] mutateOnce(byte[] src) {
        List<String> lines = lines(src);
        switch (rnd.nextInt(9)) {
            case 0 -> { // delete a line
                if (!lines.isEmpty()) lines.remove(rnd.nextInt(lines.size()));
            }
            case 1 -> { // duplicate a line
                if (!lines.isEmpty()) {
                    int i = rnd.nextInt(lines.size());
                    lines.add(i, lines.get(i));
                }
            }
            case 2 -> { // swap two lines
                if (lines.size() > 1) {
                    int i = rnd.nextInt(lines.size()), j = rnd.nextInt(lines.size());
                    String t = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, t);
                }
            }
            case 3 -> { // change a line's indentation
                if (!lines.isEmpty()) {
                    int i = rnd.nextInt(lines.size());
                    String l = lines.get(i).stripLeading();
                    int width = rnd.nextInt(5) * (rnd.nextBoolean() ? 4 : 1);
                    lines.set(i, (rnd.nextInt(8) == 0 ? "\t" : " ".repeat(width)) + l);
                }
            }
            case 4 -> { // insert a token at a random byte
                String tok = TOKENS[rnd.nextInt(TOKENS.length)];
                return insert(src, rnd.nextInt(src.length + 1), (rnd.nextBoolean() ? " " : "") + tok + " ");
            }
            case 5 -> { // truncate
                return java.util.Arrays.copyOf(src, src.length == 0 ? 0 : rnd.nextInt(src.length));
            }
            case 6 -> { // wrap a run of lines in a block, one level deeper
                if (!lines.isEmpty()) {
                    int i = rnd.nextInt(lines.size());
                    int j = Math.min(lines.size(), i + 1 + rnd.nextInt(6));
                    String indent = leading(lines.get(i));
                    String[] heads = {"if x:", "while x:", "for i in x:", "with x:", "try:", "def f():",
                        "class C:", "async def g():", "match x:\n" + indent + "    case [a, *b]:"};
                    String head = heads[rnd.nextInt(heads.length)];
                    int depth = head.startsWith("match") ? 8 : 4;
                    for (int k = i; k < j; k++) lines.set(k, " ".repeat(depth) + lines.get(k));
                    if (head.equals("try:")) lines.add(j, indent + "finally:\n" + indent + "    pass");
                    lines.add(i, indent + head);
                }
            }
            case 7 -> { // nest an expression deeper: parentheses, a list, a lambda, a call or an f-string
                int at = rnd.nextInt(src.length + 1);
                int depth = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 120 : 8);
                String[][] wraps = {{"(", ")"}, {"[", "]"}, {"f(", ")"}, {"-(", ")"}, {"f'{", "}'"}};
                String[] w = wraps[rnd.nextInt(wraps.length)];
                String mid = rnd.nextBoolean() ? "x" : "1";
                return insert(src, at, w[0].repeat(depth) + mid + w[1].repeat(depth));
            }
            default -> { // replace a random byte with a random printable one
                if (src.length > 0) {
                    byte[] b = src.clone();
                    b[rnd.nextInt(b.length)] = (byte) (32 + rnd.nextInt(95));
                    return b;
                }
            }
        }
        return String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String leading(String l) {
        int i = 0;
        while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) i++;
        return l.substring(0, i);
    }

    private static List<String> lines(byte[] src) {
        String s = new String(src, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>(List.of(s.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }

    private static byte[] insert(byte[] src, int at, String text) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(src.length + text.length() + 4);
        b.write(src, 0, at);
        b.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        b.write(src, at, src.length - at);
        return b.toByteArray();
    }
}
