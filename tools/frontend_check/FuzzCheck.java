import java.nio.file.*;
import java.util.*;
import org.jpyc.source.*;
import org.jpyc.tokenize.*;
import org.jpyc.version.PyVersion;
public class FuzzCheck {
    static final String[] TOKMSG = {"unterminated", "invalid decimal", "invalid hex", "invalid octal", "invalid binary", "invalid digit", "invalid character", "invalid non-printable", "unmatched", "closing parenthesis", "was never closed", "unexpected character after line continuation", "unexpected EOF", "inconsistent use of tabs", "unindent does not match", "too many", "leading zeros", "f-string: expecting", "f-string: single", "f-string: unmatched", "t-string: expecting", "t-string: single", "expressions nested too deeply", "newlines are not allowed in format"};
    static int[] pos(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("lineno=(-?\\d+), offset=(-?\\d+)").matcher(s);
        return m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : null;
    }
    static boolean later(String e, String g) {
        int[] a = pos(e), b = pos(g);
        if (a == null || b == null) return false;
        return a[0] > b[0] || (a[0] == b[0] && a[1] > b[1]);
    }
    public static void main(String[] a) throws Exception {
        PyVersion v = PyVersion.parse(a[0]);
        List<String> cases = Files.readAllLines(Path.of(a[1])), exp = Files.readAllLines(Path.of(a[2]));
        int same = 0, diff = 0, missed = 0, extra = 0, shown = 0, laterCount = 0, shownL = 0;
        for (int i = 0; i < cases.size(); i++) {
            byte[] src = HexFormat.of().parseHex(cases.get(i));
            String got = "OK";
            try { new Tokenizer(SourceDecoder.decode(src, v), v).tokenizeAll(); } catch (PyCompileError e) { got = e.pythonLine(v); }
            String e = exp.get(i);
            boolean pyTok = false; for (String m : TOKMSG) if (e.contains(m)) pyTok = true;
            if (got.equals("OK")) { if (pyTok) { missed++; if (shown++ < 6) System.out.println("  MISSED " + new String(src).replace("\n","\\n") + "\n    exp " + e); } continue; }
            if (got.equals(e)) same++;
            else if (e.equals("OK")) { extra++; if (shown++ < 6) System.out.println("  EXTRA " + new String(src).replace("\n","\\n") + "\n    got " + got); }
            else { diff++; if (later(e, got)) { laterCount++; if (shownL++ < 40) System.out.println("  LATER " + new String(src).replace("\n","\\n") + "\n    exp " + e + "\n    got " + got); } if (false) System.out.println("  DIFF " + new String(src).replace("\n","\\n") + "\n    exp " + e + "\n    got " + got); }
        }
        System.out.println(v + " fuzz: java-errors identical " + same + ", differing " + diff + " (CPython's error after ours: " + laterCount + ")" + ", java-only errors " + extra + ", missed tokenizer errors " + missed + " (of " + cases.size() + ")");
    }
}
