package org.jpyc.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * A benchmark's pairing with CPython, inside the JMH fork: before each measured iteration, one round of
 * CPython on the same inputs ({@link PairedRounds}, whose port {@code pairPort} is), timed by CPython
 * and outside JMH's measurement (an iteration's setup). With port 0 (a fork run by itself) it does nothing.
 */
@State(Scope.Benchmark)
public class PairedCpython {
    @Param({"0"})
    public int pairPort;

    private Socket socket;
    private BufferedReader in;
    private Writer out;

    @Setup(Level.Iteration)
    public void cpythonRound(IterationParams iteration) throws IOException {
        if (pairPort == 0 || iteration.getType() != IterationType.MEASUREMENT) return;
        if (socket == null) {
            socket = new Socket(InetAddress.getLoopbackAddress(), pairPort);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
        }
        out.write("round\n");
        out.flush();
        String reply = in.readLine();
        if (!"ok".equals(reply)) throw new IOException("CPython's paired round: " + reply);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        if (socket != null) socket.close();
    }
}
