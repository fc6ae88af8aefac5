import java.nio.file.*;
import java.util.*;
import org.jpyc.source.*;
import org.jpyc.tokenize.*;
import org.jpyc.version.PyVersion;
public class ErrCheck {
    public static void main(String[] a) throws Exception {
        PyVersion v = PyVersion.parse(a[0]);
        List<String> cases = Files.readAllLines(Path.of(a[1]));
        List<String> exp = Files.readAllLines(Path.of(a[2]));
        int same = 0, diff = 0, javaOkPyErr = 0, javaErrPyOk = 0; int shown = 0;
        for (int i = 0; i < cases.size(); i++) {
            byte[] src = HexFormat.of().parseHex(cases.get(i));
            String got = "OK";
            try { DecodedSource d = SourceDecoder.decode(src, v); new Tokenizer(d, v).tokenizeAll(); }
            catch (PyCompileError e) { got = e.pythonLine(v); }
            String e = exp.get(i);
            if (got.equals("OK")) { if (!e.equals("OK")) javaOkPyErr++; continue; }
            if (e.equals("OK")) { javaErrPyOk++; if (shown++ < 12) System.out.println("  JAVA-ERR-ONLY " + new String(src) .replace("\n","\\n") + "\n    got " + got); continue; }
            if (got.equals(e)) same++; else { diff++; if (shown++ < 12) System.out.println("  DIFF " + new String(src).replace("\n","\\n") + "\n    exp " + e + "\n    got " + got); }
        }
        System.out.println(v + " tokenizer errors: " + same + "/" + (same + diff) + " identical; java-error-but-CPython-ok " + javaErrPyOk + "; tokens-ok-but-CPython-error (parser-level) " + javaOkPyErr);
    }
}
