import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.security.MessageDigest;
import java.util.*;
import org.jpyc.source.*;
import org.jpyc.tokenize.*;
import org.jpyc.version.PyVersion;
public class PyTokCheck {
    static int charCol(byte[] b, int ls, int p) { int n = 0; for (int i = ls; i < p; i++) if ((b[i] & 0xC0) != 0x80) n++; return n; }
    static String render(byte[] src, PyVersion v) {
        List<String> out = new ArrayList<>();
        try {
            DecodedSource d = SourceDecoder.decode(src, v);
            Tokenizer t = new Tokenizer(d, v);
            byte[] b = t.input();
            while (true) {
                Token k = t.next();
                String n = k.type().name();
                if (n.equals("ASYNC") || n.equals("AWAIT")) n = "NAME";
                if (n.equals("INDENT") || n.equals("DEDENT") || n.equals("ENDMARKER")) out.add(n);
                else if (n.equals("NEWLINE")) out.add("NEWLINE|" + k.lineno());
                else out.add(n + "|" + k.lineno() + "|" + charCol(b, k.lineStart(), k.start()) + "|" + k.endLineno() + "|" + charCol(b, k.endLineStart(), k.end()) + "|" + k.text(b));
                if (k.type() == TokenType.ENDMARKER) break;
            }
        } catch (RuntimeException e) { out.add("EXC " + e); }
        return String.join("\n", out);
    }
    public static void main(String[] a) throws Exception {
        PyVersion v = PyVersion.parse(a[0]);
        if (a.length > 2) { System.out.println(render(Files.readAllBytes(Path.of(a[2])), v)); return; }
        int ok = 0, total = 0, skip = 0; List<String> bad = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(a[1]))) {
            if (line.startsWith("SKIP")) { skip++; continue; }
            String[] f = line.split(" ", 4);
            total++;
            String h = String.format("%064x", new BigInteger(1, MessageDigest.getInstance("SHA-256").digest(render(Files.readAllBytes(Path.of(f[3])), v).getBytes(StandardCharsets.UTF_8))));
            if (h.equals(f[1])) ok++; else bad.add(f[3]);
        }
        System.out.println(v + " tokens vs tokenize.py: " + ok + "/" + total + " files (" + skip + " skipped: not compilable)");
        for (int i = 0; i < Math.min(8, bad.size()); i++) System.out.println("  BAD " + bad.get(i));
    }
}
