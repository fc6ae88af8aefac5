import java.nio.file.*;
import java.util.*;
import org.jpyc.source.*;
import org.jpyc.version.PyVersion;
public class DecCheck {
    public static void main(String[] a) throws Exception {
        PyVersion v = PyVersion.parse(a[0]);
        List<String> cases = Files.readAllLines(Path.of(a[1]));
        List<String> exp = Files.readAllLines(Path.of(a[2]));
        int ok = 0, shown = 0;
        for (int i = 0; i < cases.size(); i++) {
            String h = cases.get(i);
            byte[] src = java.util.HexFormat.of().parseHex(h);
            String got;
            try {
                DecodedSource d = SourceDecoder.decode(src, v);
                String t = d.text();
                int q = t.lastIndexOf("x = '");
                String payload = t.substring(q + 5, t.indexOf('\'', q + 5));
                StringBuilder sb = new StringBuilder("'");
                payload.codePoints().forEach(c -> { if (c < 128 && c >= 32) sb.append((char) c); else if (c == '\n') sb.append("\\n"); else if (c < 256) sb.append(String.format("\\x%02x", c)); else if (c < 0x10000) sb.append(String.format("\\u%04x", c)); else sb.append(String.format("\\U%08x", c)); });
                got = "OK " + sb + "'";
                if (t.contains("\uFFFD")) got = "OKRAW";
            } catch (PyCompileError e) {
                got = "ERR " + e.pythonLine(v);
            }
            String e = exp.get(i);
            boolean match = got.equals(e) || (e.equals("OTHER") && got.startsWith("OK")) || (got.equals("OKRAW") && (e.equals("OTHER") || e.startsWith("OK")));
            if (match) ok++; else if (shown++ < 6) System.out.println("case " + h + "\n  exp " + e + "\n  got " + got);
        }
        System.out.println(v + " decoder: " + ok + "/" + cases.size());
    }
}
