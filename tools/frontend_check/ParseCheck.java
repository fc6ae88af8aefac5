import java.io.*;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.security.MessageDigest;
import java.util.*;
import org.jpyc.ast.AstDump;
import org.jpyc.parse.Parser;
import org.jpyc.source.PyCompileError;
import org.jpyc.version.PyVersion;

/** jpyc's parser + AstDump vs ast_parse_oracle.py's lines: ParseCheck X.Y exp.jsonl [maxShown] */
public class ParseCheck {
    static String s; static int i;
    static Object parse() {
        ws();
        char c = s.charAt(i);
        if (c == '{') { i++; Map<String,Object> m = new LinkedHashMap<>(); ws(); if (s.charAt(i)=='}') {i++; return m;}
            while (true) { ws(); String k = (String) parse(); ws(); i++; Object v = parse(); m.put(k, v); ws(); if (s.charAt(i++)=='}') return m; } }
        if (c == '"') { i++; StringBuilder sb = new StringBuilder();
            while (true) { char d = s.charAt(i++); if (d=='"') return sb.toString();
                if (d=='\\') { char e = s.charAt(i++); switch (e) { case 'n': sb.append('\n'); break; case 't': sb.append('\t'); break; case 'r': sb.append('\r'); break; case 'b': sb.append('\b'); break; case 'f': sb.append('\f'); break;
                    case 'u': sb.append((char) Integer.parseInt(s.substring(i, i+4), 16)); i+=4; break; default: sb.append(e);} }
                else sb.append(d); } }
        if (s.startsWith("null", i)) { i += 4; return null; }
        throw new IllegalStateException("json at " + i);
    }
    static void ws() { while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++; }
    public static void main(String[] args) throws Exception {
        PyVersion v = PyVersion.parse(args[0]);
        int maxShown = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int ok = 0, total = 0, shown = 0, errOk = 0, errTotal = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new FileInputStream(args[1]), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                s = line; i = 0;
                @SuppressWarnings("unchecked") Map<String,Object> rec = (Map<String,Object>) parse();
                String exp = (String) rec.get("out");
                boolean isErr = exp != null && !exp.startsWith("Module(");
                total++;
                if (isErr) errTotal++;
                String got;
                try {
                    got = AstDump.dump(Parser.parse(Files.readAllBytes(Path.of((String) rec.get("file"))), v), v);
                } catch (PyCompileError e) {
                    got = e.pythonLine(v);
                } catch (RuntimeException e) {
                    got = "EXC " + e;
                    if (shown < maxShown) e.printStackTrace(System.out);
                }
                byte[] h = MessageDigest.getInstance("SHA-256").digest(got.getBytes(StandardCharsets.UTF_8));
                String hx = String.format("%064x", new BigInteger(1, h));
                if (hx.equals(rec.get("sha"))) { ok++; if (isErr) errOk++; }
                else if (shown++ < maxShown) {
                    System.out.println("MISMATCH " + rec.get("file"));
                    if (exp != null) { int k = 0; while (k < Math.min(exp.length(), got.length()) && exp.charAt(k)==got.charAt(k)) k++;
                        System.out.println(" exp: ..." + exp.substring(Math.max(0,k-150), Math.min(exp.length(), k+100)));
                        System.out.println(" got: ..." + got.substring(Math.max(0,k-150), Math.min(got.length(), k+100))); }
                    else System.out.println(" got(head): " + got.substring(0, Math.min(300, got.length())));
                }
            }
        }
        System.out.println(v + " parse+dump: " + ok + "/" + total + " identical (errors: " + errOk + "/" + errTotal + ")");
    }
}
