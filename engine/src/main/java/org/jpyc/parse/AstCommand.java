package org.jpyc.parse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jpyc.ast.AstDump;
import org.jpyc.cli.OutDir;
import org.jpyc.source.PyCompileError;
import org.jpyc.util.FileBytes;
import org.jpyc.version.PyVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jpyc ast --target X.Y FILE... [--out-dir DIR]}: for each file, exactly what
 * {@code ast.dump(ast.parse(source_bytes), include_attributes=True)} prints in CPython X.Y, or the
 * error line {@code Type('message', lineno=L, offset=O, end_lineno=EL, end_offset=EO)} (a SyntaxError) or
 * {@code Type('message')} (no positions: 3.10's and 3.11's ValueError for a NUL byte). With several
 * files each output is preceded by {@code # FILE}; with {@code --out-dir} each goes to
 * {@code DIR/<path as given>.ast} instead (as {@code jpyc dis --out-dir} does: the root of an absolute
 * path dropped, so same-named files in different folders do not overwrite each other). Exit status 1 if
 * any file failed to parse, 2 if an output path would leave {@code DIR}.
 */
@Command(name = "ast", mixinStandardHelpOptions = true,
        description = "Print ast.dump(ast.parse(source), include_attributes=True) as CPython X.Y does.")
public final class AstCommand implements Callable<Integer> {
    @Option(names = "--target", required = true, description = "CPython version X.Y")
    String target;

    @Option(names = "--out-dir", description = "write DIR/<path as given>.ast per file instead of printing")
    Path outDir;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        PyVersion v = PyVersion.parse(target);
        if (!Parser.supports(v)) {
            System.err.println("jpyc ast: no parser for CPython " + v + " yet (supported: 3.13)");
            return 2;
        }
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        int status = 0;
        for (Path f : files) {
            String text;
            try {
                text = AstDump.dump(Parser.parse(FileBytes.read(f), v), v);
            } catch (PyCompileError e) {
                text = e.pythonLine(v);
                status = 1;
            }
            if (outDir != null) {
                Path dest = OutDir.pathFor(outDir, f.toString(), ".ast");
                if (dest == null) {
                    System.err.println("jpyc ast: " + f + ": path leaves --out-dir; not written");
                    status = 2;
                    continue;
                }
                if (dest.getParent() != null) Files.createDirectories(dest.getParent());
                Files.writeString(dest, text + "\n", StandardCharsets.UTF_8);
            } else {
                if (files.size() > 1) out.println("# " + f);
                out.println(text);
            }
        }
        out.flush();
        return status;
    }
}
