package org.jpyc.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The CPython side of one paired session: a {@code cpython_timing.py KIND PAYLOAD serve SECONDS} process
 * kept beside one JMH fork, which asks it for one timed round before each of its measured iterations
 * ({@link PairedCpython}, over a loopback socket this class relays to the process's stdin and stdout).
 * The two sides' rounds alternate every few seconds, so a change in the machine's speed over a session
 * (on a shared virtual machine, often a quarter or more over a minute) reaches both sides' figures
 * alike, where a CPython process timed before the whole fork met other minutes than the fork did.
 * Only one side runs at a time: the other waits on its socket or its stdin.
 */
final class PairedRounds implements AutoCloseable {
    private final Process process;
    private final BufferedReader fromPython;
    private final Writer toPython;
    private final ServerSocket server;
    private final Thread relay;
    private final List<Double> figures = Collections.synchronizedList(new ArrayList<>());
    private volatile String failure;

    private PairedRounds(Process process, ServerSocket server) {
        this.process = process;
        this.fromPython = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.toPython = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.server = server;
        this.relay = new Thread(this::relay, "paired-rounds");
        this.relay.setDaemon(true);
    }

    /**
     * Starts {@code python} on {@code script} in serve mode for {@code b}'s CPython kind over {@code payloadFile},
     * and returns once its warm-up rounds are done; {@link #port()} is then the port a fork's
     * {@link PairedCpython} connects to.
     */
    static PairedRounds start(Path python, Path script, BenchCommand.Bench b, Path payloadFile) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(python.toString(), "-s", "-B", script.toString(), b.cpythonKind(),
                payloadFile.toString(), "serve", Integer.toString(b.roundSeconds()));
        pb.environment().putAll(BenchCommand.CPYTHON_ENV);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        PairedRounds r = new PairedRounds(p, s);
        String first = r.fromPython.readLine();
        if (!"ready".equals(first)) {
            r.close();
            throw new IllegalStateException(python + " cpython_timing.py " + b.cpythonKind() + " serve failed: " + first);
        }
        r.relay.start();
        return r;
    }

    /** The loopback port the fork connects to. */
    int port() {
        return server.getLocalPort();
    }

    /** CPython's figure for each round the fork asked for, in order (MB/s, or microseconds per file for the cache kinds). */
    List<Double> figures() {
        if (failure != null) throw new IllegalStateException("CPython's paired rounds failed: " + failure);
        synchronized (figures) {
            return List.copyOf(figures);
        }
    }

    /** One fork's requests: for each line {@code round}, one round of CPython, then {@code ok} back (or the failure). */
    private void relay() {
        try (Socket fork = server.accept();
                BufferedReader in = new BufferedReader(new InputStreamReader(fork.getInputStream(), StandardCharsets.UTF_8));
                Writer out = new OutputStreamWriter(fork.getOutputStream(), StandardCharsets.UTF_8)) {
            for (String req; (req = in.readLine()) != null; ) {
                toPython.write(req + "\n");
                toPython.flush();
                String line = fromPython.readLine();
                try {
                    figures.add(Double.valueOf(line));
                    out.write("ok\n");
                } catch (NumberFormatException | NullPointerException e) {
                    failure = line == null ? "the process ended" : line;
                    out.write("failed " + failure + "\n");
                }
                out.flush();
            }
        } catch (IOException e) {
            // the socket closed: close() ended the session, or the fork ended without connecting
        }
    }

    /** Ends the session: the fork is done, so CPython's stdin ends and the process exits. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // nothing to keep
        }
        try {
            toPython.close();
        } catch (IOException e) {
            // the process may have ended already
        }
        try {
            relay.join(10_000);
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
