package org.jpyc.conformance.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpyc.version.PyVersion;

/** An {@link Oracle} over a {@link DriverSession}, with the on-disk {@link AnswerCache}. */
final class DriverOracle implements Oracle {
    /**
     * The driver's replies carry each pyc as one base64 string: a 733 KB module of sympy's rubi rules compiles to a
     * 15 MB pyc, past Jackson's default limit of 20 million characters a string. The driver is ours and each reply
     * is one source's; 512 million characters bounds what one reply may make us hold.
     */
    static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxStringLength(512_000_000).build())
            .build());

    private final DriverSession session;
    private final OracleInfo info;
    private final AnswerCache cache;
    private List<String> stdlibFiles;

    /**
     * Starts talking to a freshly started driver.
     *
     * @param expected the version the provider meant to start, or {@code null} to take what answers
     */
    static DriverOracle start(DriverChannel channel, String provider, PyVersion expected, String location,
                              OracleOptions options) {
        String label = expected == null ? location : expected.toString();
        DriverSession session = new DriverSession(channel, provider, label, options.timeout(), JSON);
        try {
            JsonNode hello = session.hello();
            JsonNode vi = hello.path("version_info");
            PyVersion actual = PyVersion.of(vi.path(0).asInt(), vi.path(1).asInt());
            if (expected != null && !expected.equals(actual)) {
                throw new OracleException(provider, label, location + " is Python " + actual + ", not " + expected);
            }
            OracleInfo info = new OracleInfo(actual, hello.path("version").asText(), hello.path("cache_tag").asText(),
                    hello.path("magic").asText(), provider, location);
            AnswerCache cache = options.useCache() ? new AnswerCache(options.cacheDir(), provider, info.fullVersion(), JSON) : null;
            return new DriverOracle(session, info, cache);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private DriverOracle(DriverSession session, OracleInfo info, AnswerCache cache) {
        this.session = session;
        this.info = info;
        this.cache = cache;
    }

    @Override
    public OracleInfo info() {
        return info;
    }

    @Override
    public List<SourceAnswer> compile(List<SourceRequest> requests) {
        JsonNode[] answers = new JsonNode[requests.size()];
        String[] keys = new String[requests.size()];
        ArrayNode missing = JSON.createArrayNode();
        List<Integer> missingIndex = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            ObjectNode item = toJson(requests.get(i));
            keys[i] = AnswerCache.key("compile", item);
            answers[i] = cache == null ? null : cache.get(keys[i]);
            if (answers[i] == null) {
                missing.add(item);
                missingIndex.add(i);
            }
        }
        if (!missing.isEmpty()) {
            ObjectNode req = JSON.createObjectNode().put("op", "compile");
            req.set("sources", missing);
            JsonNode results = session.request(req).path("results");
            if (!results.isArray() || results.size() != missing.size()) {
                throw new OracleException(info.provider(), info.version().toString(),
                        "compile answered " + results.size() + " results for " + missing.size() + " sources");
            }
            for (int j = 0; j < missingIndex.size(); j++) {
                int i = missingIndex.get(j);
                answers[i] = results.get(j);
                if (cache != null) cache.put(keys[i], answers[i]);
            }
        }
        List<SourceAnswer> out = new ArrayList<>(answers.length);
        for (JsonNode a : answers) out.add(toAnswer(a));
        return out;
    }

    private static ObjectNode toJson(SourceRequest r) {
        ObjectNode item = JSON.createObjectNode();
        item.put("dfile", r.dfile());
        item.put("source", Base64.getEncoder().encodeToString(r.source()));
        item.put("mtime", r.mtime());
        ArrayNode vs = item.putArray("variants");
        for (PycVariant v : r.variants()) {
            vs.addObject().put("optimize", v.optimize()).put("invalidation", v.invalidation().wireName);
        }
        item.put("ast", r.ast());
        item.put("dis", r.dis());
        if (r.symtable()) item.put("symtable", true); // absent when false: other requests keep their cache keys
        if (r.fresh()) item.put("fresh", true);
        return item;
    }

    private SourceAnswer toAnswer(JsonNode a) {
        Map<PycVariant, byte[]> pycs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = a.path("pycs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNull()) pycs.put(PycVariant.ofKey(e.getKey()), Base64.getDecoder().decode(e.getValue().asText()));
        }
        Map<PycVariant, PyError> variantErrors = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = a.path("variant_errors").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            variantErrors.put(PycVariant.ofKey(e.getKey()), error(e.getValue()));
        }
        return new SourceAnswer(error(a.get("compile_error")), pycs, variantErrors, text(a.get("ast")),
                error(a.get("ast_error")), text(a.get("dis")), error(a.get("dis_error")),
                text(a.get("dis_opt2")), error(a.get("dis_opt2_error")), text(a.get("symtable")),
                error(a.get("symtable_error")));
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    static PyError error(JsonNode n) {
        if (n == null || n.isNull()) return null;
        return new PyError(n.path("type").asText(), n.path("message").asText(), integer(n.get("lineno")),
                integer(n.get("offset")), integer(n.get("end_lineno")), integer(n.get("end_offset")));
    }

    private static Integer integer(JsonNode n) {
        return n == null || n.isNull() ? null : n.asInt();
    }

    @Override
    public List<String> stdlibFiles() {
        if (stdlibFiles == null) {
            List<String> files = new ArrayList<>();
            for (JsonNode f : session.request(JSON.createObjectNode().put("op", "stdlib_list")).path("files")) {
                files.add(f.path("path").asText());
            }
            stdlibFiles = List.copyOf(files);
        }
        return stdlibFiles;
    }

    @Override
    public Map<String, byte[]> readStdlib(List<String> relativePaths) {
        ObjectNode req = JSON.createObjectNode().put("op", "stdlib_read");
        ArrayNode paths = req.putArray("paths");
        relativePaths.forEach(paths::add);
        Map<String, byte[]> out = new LinkedHashMap<>();
        JsonNode files = session.request(req).path("files");
        for (String p : relativePaths) {
            JsonNode f = files.get(p);
            if (f == null) throw new OracleException(info.provider(), info.version().toString(), "stdlib_read lost " + p);
            out.put(p, Base64.getDecoder().decode(f.asText()));
        }
        return out;
    }

    @Override
    public JsonNode explainPyc(byte[] expected, byte[] actual) {
        ObjectNode req = JSON.createObjectNode().put("op", "explain_pyc");
        req.put("expected", Base64.getEncoder().encodeToString(expected));
        req.put("actual", Base64.getEncoder().encodeToString(actual));
        return session.request(req);
    }

    @Override
    public JsonNode call(String op, ObjectNode args) {
        ObjectNode req = args == null ? JSON.createObjectNode() : args.deepCopy();
        req.put("op", op);
        return session.request(req);
    }

    @Override
    public void close() {
        session.close();
    }
}
