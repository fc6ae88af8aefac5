package org.jpyc.instrseq;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jpyc.object.PyStr;

/**
 * The interpreter's table of interned strings, as far as one compilation sees it
 * ({@code _PyUnicode_InternMortal}/{@code _PyUnicode_InternImmortal}, Objects/unicodeobject.c):
 * interning a str whose text is already interned yields the interned object; otherwise the str
 * itself becomes interned in place (its marshal form turns to the interned one).
 *
 * <p>Texts interned by others before this compilation's code objects exist (the interpreter's own
 * strings, the parser's identifiers) are held as text only; their interned object is made when
 * first asked for, and is never one of the compilation's own strs.
 */
public final class InternTable {
    /** The interned strs, by text (sized for a module's names and interned constants without growing). */
    private final StrTable strs = new StrTable(2048);
    /**
     * The interned str of each Java text asked for by {@link #intern(String)} (the same text always makes
     * the same code points): open addressing over {@link String#hashCode()} with each slot's hash beside
     * it, at most half full, sized for a module's names (every code object's names ask for theirs).
     */
    private String[] texts = new String[1024];
    private PyStr[] textStrs = new PyStr[1024];
    private int[] textHashes = new int[1024];
    private int textCount;

    private final Set<String> preInterned = new HashSet<>();
    private final List<Set<String>> sharedPreInterned = new ArrayList<>();
    /** The pre-interned sets whose strs the interpreter holds ({@link #preInternAll(Set, boolean)}). */
    private final List<Set<String>> heldPreInterned = new ArrayList<>();

    /** {@code _PyUnicode_InternMortal(interp, &s)}: the interned str equal to {@code s}. */
    public PyStr intern(PyStr s) {
        return intern(s, null);
    }

    /** The interned str with this text (made if new): names, filenames and identifiers. */
    public PyStr intern(String text) {
        int h = text.hashCode();
        String[] ts = texts;
        int mask = ts.length - 1;
        int i = spread(h) & mask;
        for (String k; (k = ts[i]) != null; i = (i + 1) & mask) {
            if (k == text || (textHashes[i] == h && k.equals(text))) return textStrs[i];
        }
        PyStr t = intern(PyStr.of(text, false), text);
        ts[i] = text;
        textStrs[i] = t;
        textHashes[i] = h;
        if (++textCount * 2 > ts.length) rehashTexts();
        return t;
    }

    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B9 >>> 8;
    }

    private void rehashTexts() {
        String[] oldTexts = texts;
        PyStr[] oldStrs = textStrs;
        int[] oldHashes = textHashes;
        int n = oldTexts.length * 2, mask = n - 1;
        texts = new String[n];
        textStrs = new PyStr[n];
        textHashes = new int[n];
        for (int j = 0; j < oldTexts.length; j++) {
            if (oldTexts[j] == null) continue;
            int i = spread(oldHashes[j]) & mask;
            while (texts[i] != null) i = (i + 1) & mask;
            texts[i] = oldTexts[j];
            textStrs[i] = oldStrs[j];
            textHashes[i] = oldHashes[j];
        }
    }

    /**
     * The runtime's empty or one-character Latin-1 str with {@code s}'s text where the runtime does not intern
     * them from the start (3.12): the interned object if its text is interned already (by the interpreter or the
     * parser), else one plain object per text, which {@link #intern(PyStr)} of that text later interns in place
     * (as {@code PyUnicode_InternInPlace} marks the statically allocated singleton itself).
     */
    public PyStr singleton(PyStr s) {
        String text = s.value();
        // interned as another object: the singleton stays plain, and interning a constant replaces it
        if (shadowed.contains(text)) return singletons.computeIfAbsent(text, k -> s);
        PyStr t = strs.at(strs.find(s));
        if (t != null) return t;
        if (isPreInterned(text)) return intern(s, null);
        return singletons.computeIfAbsent(text, k -> s);
    }

    /**
     * The one-character texts the interpreter interned as other objects than its singletons (3.12: see
     * {@code tools/gen_startup_interned.py}): {@link #singleton} gives the plain singleton for them, which
     * {@link #intern(PyStr)} replaces by the interned object (so {@code intern_string_constants} rebuilds a
     * frozenset holding one). Their texts are also {@linkplain #preInternAll pre-interned}.
     */
    public void shadowSingletons(Set<String> texts) {
        shadowed = texts;
    }

    private Set<String> shadowed = Set.of();

    /** See {@link #singleton}: plain singletons by text, until interned (a shadowed text's for good). */
    private final java.util.Map<String, PyStr> singletons = new java.util.HashMap<>();

    /** {@link #intern(PyStr)}; {@code text} is {@code s}'s text as Java text if the caller has it, else null. */
    private PyStr intern(PyStr s, String text) {
        int slot = strs.find(s);
        PyStr t = strs.at(slot);
        if (t != null) return t;
        if (!singletons.isEmpty()) {
            String key = text != null ? text : s.value();
            // the plain singleton becomes the interned one, unless the text is interned as another object
            if (!shadowed.contains(key)) {
                PyStr single = singletons.remove(key);
                if (single != null) s = single;
            }
        }
        if (isPreInterned(text != null ? text : s.value())) {
            if (text != null && s.form().oneByte) {
                // an ASCII str made here from the text is no one else's: it becomes the interned one itself
                // (what internedCopy would make of it), keeping its text hash
                s.setForm(internedForm(s.form()));
                t = s;
            } else {
                t = s.internedCopy();
            }
            if (!heldPreInterned.isEmpty() && isHeld(text != null ? text : s.value())) t.markRuntimeHeld();
        } else {
            if (!s.interned()) s.setForm(internedForm(s.form()));
            t = s;
        }
        strs.put(slot, t);
        return t;
    }

    /**
     * Interns {@code text} as something other than this compilation's objects does: the interpreter
     * at startup, or the parser, which interns every identifier of the source before code generation
     * ({@code _PyPegen_new_identifier}). A constant with that text is then replaced by the interned
     * object rather than interned itself, which is what makes {@code intern_constants} rebuild a frozenset.
     */
    public void preIntern(String text) {
        preInterned.add(text);
    }

    /**
     * {@code PyUnicode_InternFromString(text)} by the interpreter for a str it keeps (a C static): a one-character
     * Latin-1 text interns the runtime's singleton itself, so constants that are that singleton, made before or after,
     * are written interned; any other text is pre-interned as {@linkplain #preInternAll(Set, boolean) held}.
     */
    public void internRuntimeHeld(String text) {
        PyStr s = PyStr.of(text, false);
        if (isRuntimeSingleton(s)) {
            intern(singleton(s));
        } else if (!preInterned.contains(text)) {
            preInterned.add(text);
            heldPreInterned.add(Set.of(text));
        }
    }

    /** {@link #preIntern} for every text of a shared, unmodifiable set (e.g. the source's identifiers). */
    public void preInternAll(Set<String> texts) {
        sharedPreInterned.add(texts);
    }

    /**
     * {@link #preInternAll(Set)}; with {@code held}, the interpreter also holds those strs (its startup strings where
     * interned strs are mortal, 3.10), so the interned objects made for these texts are {@linkplain
     * PyStr#markRuntimeHeld() held by the runtime}.
     */
    public void preInternAll(Set<String> texts, boolean held) {
        sharedPreInterned.add(texts);
        if (held) heldPreInterned.add(texts);
    }

    private boolean isHeld(String text) {
        for (int i = heldPreInterned.size() - 1; i >= 0; i--) if (heldPreInterned.get(i).contains(text)) return true;
        return false;
    }

    private boolean isPreInterned(String text) {
        if (preInterned.contains(text)) return true;
        // the last added first: the source's identifiers, which most names asked about are
        for (int i = sharedPreInterned.size() - 1; i >= 0; i--) if (sharedPreInterned.get(i).contains(text)) return true;
        return false;
    }

    /**
     * The empty str and the one-character Latin-1 strs: the runtime's static singletons, interned from
     * the start ({@code unicode_get_empty}, {@code get_latin1_char}); whoever makes such a str gets that object,
     * unless it was made by a routine that allocates its result ({@link PyStr#markFresh()}).
     */
    public static boolean isRuntimeSingleton(PyStr s) {
        if (s.isFresh()) return false;
        byte[] raw = s.raw();
        if (raw.length == 0) return true;
        if (raw.length > 2) return false;
        int[] cps = s.codePoints();
        return cps.length == 1 && cps[0] < 256;
    }

    static PyStr.Form internedForm(PyStr.Form f) {
        return switch (f) {
            case UNICODE -> PyStr.Form.INTERNED;
            case ASCII -> PyStr.Form.ASCII_INTERNED;
            case SHORT_ASCII -> PyStr.Form.SHORT_ASCII_INTERNED;
            default -> f;
        };
    }
}
