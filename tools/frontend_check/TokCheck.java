import java.io.*;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.security.MessageDigest;
import java.util.*;
import org.jpyc.source.*;
import org.jpyc.tokenize.*;
import org.jpyc.version.PyVersion;
public class TokCheck {
    static String render(byte[] src, PyVersion v) {
        StringBuilder sb = new StringBuilder();
        String err = "";
        try {
            DecodedSource d = SourceDecoder.decode(src, v);
            Tokenizer t = new Tokenizer(d, v);
            byte[] b = t.input();
            while (true) {
                Token k = t.next();
                int col = k.start() < 0 ? -1 : charCol(b, k.lineStart(), k.start());
                int ecol = k.end() < 0 ? -1 : charCol(b, k.endLineStart(), k.end());
                sb.append(k.type()).append('|').append(k.lineno()).append('|').append(col).append('|').append(k.endLineno()).append('|').append(ecol).append('|').append(k.text(b)).append('\n');
                if (k.type() == TokenType.ENDMARKER) break;
            }
        } catch (PyCompileError e) {
            err = "ERR " + e.pythonType() + " " + pyrepr(e.pythonMessage()) + " " + e.lineno();
        } catch (RuntimeException e) {
            err = "EXC " + e;
        }
        return (sb.length() == 0 ? "\n" : sb.toString()) + err;
    }
    static int charCol(byte[] b, int ls, int p) { int n = 0; for (int i = ls; i < p; i++) if ((b[i] & 0xC0) != 0x80) n++; return n; }
    static String pyrepr(String s) { return s.contains("'") && !s.contains("\"") ? "\"" + s + "\"" : "'" + s.replace("'", "\\'") + "'"; }
    public static void main(String[] a) throws Exception {
        PyVersion v = PyVersion.parse(a[0]);
        if (a.length > 2) { System.out.println(render(Files.readAllBytes(Path.of(a[2])), v)); return; }
        int ok = 0, total = 0, skip = 0; List<String> bad = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(a[1]))) {
            if (line.startsWith("SKIP")) { skip++; continue; }
            String[] f = line.split(" ", 4);
            if (!Files.exists(Path.of(f[3]))) { skip++; continue; }
            if (Files.size(Path.of(f[3])) == 0 && !v.equals(PyVersion.V3_12)) { skip++; continue; }
            total++;
            String body = render(Files.readAllBytes(Path.of(f[3])), v);
            String h = String.format("%064x", new BigInteger(1, MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8))));
            if (h.equals(f[1])) ok++; else bad.add(f[3]);
        }
        System.out.println(v + " tokens: " + ok + "/" + total + " files identical (" + skip + " skipped)");
        for (int i = 0; i < Math.min(15, bad.size()); i++) System.out.println("  BAD " + bad.get(i));
    }
}
