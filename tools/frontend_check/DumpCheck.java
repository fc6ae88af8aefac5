import java.io.*;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.*;
import java.util.List;
import java.util.Set;
import org.jpyc.ast.*;
import org.jpyc.object.*;
import org.jpyc.version.PyVersion;

public class DumpCheck {
    static String s; static int i;
    static Object parse() {
        ws();
        char c = s.charAt(i);
        if (c == '{') { i++; Map<String,Object> m = new LinkedHashMap<>(); ws(); if (s.charAt(i)=='}') {i++; return m;}
            while (true) { ws(); String k = (String) parse(); ws(); i++; Object v = parse(); m.put(k, v); ws(); if (s.charAt(i++)=='}') return m; } }
        if (c == '[') { i++; List<Object> l = new ArrayList<>(); ws(); if (s.charAt(i)==']') {i++; return l;}
            while (true) { l.add(parse()); ws(); if (s.charAt(i++)==']') return l; } }
        if (c == '"') { i++; StringBuilder sb = new StringBuilder();
            while (true) { char d = s.charAt(i++); if (d=='"') return sb.toString();
                if (d=='\\') { char e = s.charAt(i++); switch (e) { case 'n': sb.append('\n'); break; case 't': sb.append('\t'); break; case 'r': sb.append('\r'); break; case 'b': sb.append('\b'); break; case 'f': sb.append('\f'); break;
                    case 'u': sb.append((char) Integer.parseInt(s.substring(i, i+4), 16)); i+=4; break; default: sb.append(e);} }
                else sb.append(d); } }
        if (s.startsWith("null", i)) { i += 4; return null; }
        if (s.startsWith("true", i)) { i += 4; return true; }
        if (s.startsWith("false", i)) { i += 4; return false; }
        int st = i; while (i < s.length() && "-+0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
        return Integer.parseInt(s.substring(st, i));
    }
    static void ws() { while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++; }
    static double hex(String h) { if (h.equals("inf")) return Double.POSITIVE_INFINITY; if (h.equals("-inf")) return Double.NEGATIVE_INFINITY; if (h.equals("nan")) return Double.NaN; return Double.parseDouble(h); }
    @SuppressWarnings("unchecked")
    static Object build(Object v) {
        if (v == null || v instanceof String || v instanceof Integer) return v;
        if (v instanceof List<?> l) { List<Object> out = new ArrayList<>(); for (Object x : l) out.add(build(x)); return out; }
        Map<String,Object> m = (Map<String,Object>) v;
        if (m.containsKey("_e")) return AstFactory.simple((String) m.get("_e"));
        if (m.containsKey("s")) { List<Object> l = (List<Object>) m.get("s"); int[] cps = new int[l.size()]; for (int q = 0; q < cps.length; q++) cps[q] = (Integer) l.get(q); return PyStr.ofCodePoints(cps, false); }
        if (m.containsKey("t")) { List<PyObject> items = new ArrayList<>(); for (Object x : (List<Object>) m.get("t")) items.add((PyObject) build(x)); return new PyTuple(items); }
        if (m.containsKey("k")) { String k = (String) m.get("k"); return switch (k) { case "None" -> PyConst.NONE; case "True" -> PyConst.TRUE; case "False" -> PyConst.FALSE; case "Ellipsis" -> PyConst.ELLIPSIS; default -> throw new IllegalStateException(k); }; }
        if (m.containsKey("i")) return new PyInt(new BigInteger((String) m.get("i")));
        if (m.containsKey("f")) return new PyFloat(hex((String) m.get("f")));
        if (m.containsKey("c")) { List<Object> c = (List<Object>) m.get("c"); return new PyComplex(hex((String) c.get(0)), hex((String) c.get(1))); }
        if (m.containsKey("b")) return new PyBytes(((String) m.get("b")).getBytes(StandardCharsets.ISO_8859_1));
        String t = (String) m.get("_t");
        Map<String,Object> f = new HashMap<>();
        for (var e : m.entrySet()) if (!e.getKey().startsWith("_")) f.put(e.getKey(), build(e.getValue()));
        // Constant/MatchSingleton value None: JSON null → PyConst.NONE
        Node n = AstFactory.node(t, f);
        List<Object> a = (List<Object>) m.get("_a");
        if (a != null && n instanceof Located loc) loc.setPosition((Integer) a.get(0), (Integer) a.get(1), (Integer) a.get(2), (Integer) a.get(3));
        return n;
    }
    public static void main(String[] args) throws Exception {
        PyVersion v = PyVersion.parse(args[0]);
        int ok = 0, total = 0, shown = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new FileInputStream(args[1]), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                s = line; i = 0;
                Map<String,Object> rec = (Map<String,Object>) parse();
                total++;
                String got;
                try { got = AstDump.dump((AstNode) build(rec.get("tree")), v); } catch (RuntimeException e) { got = "EXC " + e; }
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                byte[] h = md.digest(got.getBytes(StandardCharsets.UTF_8));
                String hx = String.format("%064x", new BigInteger(1, h));
                if (hx.equals(rec.get("sha"))) ok++;
                else if (shown++ < 3) {
                    System.out.println("MISMATCH " + rec.get("file"));
                    String exp = (String) rec.get("dump");
                    if (exp != null) { int k = 0; while (k < Math.min(exp.length(), got.length()) && exp.charAt(k)==got.charAt(k)) k++;
                        System.out.println(" exp: ..." + exp.substring(Math.max(0,k-80), Math.min(exp.length(), k+80)));
                        System.out.println(" got: ..." + got.substring(Math.max(0,k-80), Math.min(got.length(), k+80))); }
                    else System.out.println(" got(head): " + got.substring(0, Math.min(200, got.length())));
                }
            }
        }
        System.out.println(v + " ast.dump: " + ok + "/" + total + " files identical");
    }
}
