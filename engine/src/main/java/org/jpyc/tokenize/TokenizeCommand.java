package org.jpyc.tokenize;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jpyc.object.PyRepr;
import org.jpyc.object.PyStr;
import org.jpyc.source.PyCompileError;
import org.jpyc.source.SourceDecoder;
import org.jpyc.util.FileBytes;
import org.jpyc.version.PyVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jpyc tokenize --target X.Y FILE...}: the token stream CPython's C tokenizer gives the parser,
 * one token a line as {@code _tokenize.TokenizerIter(readline, extra_tokens=False)} reports it
 * ({@code TYPE 'text' (line, col) (end_line, end_col)}, columns in characters, -1 where the token
 * has no text position), or the error line {@code Type('message', lineno=L, offset=O, end_lineno=EL,
 * end_offset=EO)} ({@code Type('message')} for a type without positions, {@link PyCompileError#pythonLine})
 * where decoding or tokenizing fails.
 */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
        description = "Print the C tokenizer's token stream for Python source files.")
public final class TokenizeCommand implements Callable<Integer> {
    @Option(names = "--target", required = true, description = "CPython version X.Y")
    String target;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        PyVersion v = PyVersion.parse(target);
        PrintWriter out = new PrintWriter(System.out, false, java.nio.charset.StandardCharsets.UTF_8);
        int status = 0;
        for (Path f : files) {
            if (files.size() > 1) out.println("# " + f);
            byte[] src = FileBytes.read(f);
            try {
                Tokenizer t = new Tokenizer(SourceDecoder.decode(src, v), v);
                byte[] b = t.input();
                Token k;
                do {
                    k = t.next();
                    int col = k.start() < 0 ? -1 : Token.charsBetween(b, k.lineStart(), k.start());
                    int endCol = k.end() < 0 ? -1 : Token.charsBetween(b, k.endLineStart(), k.end());
                    out.println(k.type() + " " + PyRepr.reprStr(PyStr.of(k.text(b), false), v)
                            + " (" + k.lineno() + ", " + col + ") (" + k.endLineno() + ", " + endCol + ")");
                } while (k.type() != TokenType.ENDMARKER);
            } catch (PyCompileError e) {
                out.println(e.pythonLine(v));
                status = 1;
            }
        }
        out.flush();
        return status;
    }
}
