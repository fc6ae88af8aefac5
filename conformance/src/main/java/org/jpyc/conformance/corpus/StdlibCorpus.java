package org.jpyc.conformance.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jpyc.conformance.oracle.Oracle;

/**
 * The sweep over each oracle interpreter's own standard library: every {@code .py} file under its
 * stdlib directory (site-packages excluded), tested only on that version. Files that CPython
 * itself rejects (test data with deliberate syntax errors) stay in: they exercise the error path.
 */
final class StdlibCorpus implements Corpus {
    private static final int CHUNK = 200;

    @Override
    public String name() {
        return "stdlib";
    }

    @Override
    public List<Case> cases(Oracle oracle) {
        List<String> files = oracle.stdlibFiles();
        List<Case> out = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i += CHUNK) {
            Map<String, byte[]> chunk = oracle.readStdlib(files.subList(i, Math.min(files.size(), i + CHUNK)));
            for (Map.Entry<String, byte[]> e : chunk.entrySet()) {
                String rel = e.getKey();
                int slash = rel.indexOf('/');
                out.add(Case.of("stdlib/" + rel, slash < 0 ? "stdlib" : "stdlib/" + rel.substring(0, slash), rel, e.getValue()));
            }
        }
        return out;
    }
}
