package org.jpyc.conformance.oracle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The line protocol with one driver: one JSON object per line each way, replies in request order.
 * A reader thread moves reply lines into a queue so that every wait has a deadline: a silent driver
 * is killed after the timeout instead of hanging the run.
 */
final class DriverSession implements AutoCloseable {
    private static final String EOF = "\u0000eof";

    private final DriverChannel channel;
    private final String provider;
    private final String label;
    private final Duration timeout;
    private final ObjectMapper json;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private long nextId = 1;
    private boolean dead;

    DriverSession(DriverChannel channel, String provider, String label, Duration timeout, ObjectMapper json) {
        this.channel = channel;
        this.provider = provider;
        this.label = label;
        this.timeout = timeout;
        this.json = json;
        Thread reader = new Thread(this::readLoop, "jpyc-oracle-" + provider + "-" + label);
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(channel.replies(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) lines.add(line);
        } catch (IOException e) {
            // the driver went away; the EOF marker tells the waiting side
        } finally {
            lines.add(EOF);
        }
    }

    /** The start-up line's {@code hello} object. */
    JsonNode hello() {
        JsonNode reply = next("start-up");
        JsonNode hello = reply.get("hello");
        if (hello == null || !hello.isObject()) throw fatal("garbled start-up line: " + abbreviate(reply.toString()));
        return hello;
    }

    /** Sends {@code request} (an id is added) and returns the reply's {@code ok} object. */
    JsonNode request(ObjectNode request) {
        if (dead) throw new OracleException(provider, label, "the driver has already failed");
        long id = nextId++;
        request.put("id", id);
        String op = request.path("op").asText();
        try {
            OutputStream out = channel.requests();
            out.write(json.writeValueAsBytes(request));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw fatal("cannot send '" + op + "' (" + e.getMessage() + ")");
        }
        JsonNode reply = next("'" + op + "'");
        if (reply.path("id").asLong(-1) != id) throw fatal("reply for request " + reply.path("id") + " while waiting for " + id);
        if (reply.has("fail")) {
            JsonNode f = reply.get("fail");
            throw new OracleException(provider, label, "'" + op + "' raised " + f.path("type").asText() + ": "
                    + f.path("message").asText() + "\n" + f.path("traceback").asText());
        }
        JsonNode ok = reply.get("ok");
        if (ok == null) throw fatal("reply without 'ok' or 'fail': " + abbreviate(reply.toString()));
        return ok;
    }

    private JsonNode next(String what) {
        String line;
        try {
            line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fatal("interrupted while waiting for " + what);
        }
        if (line == null) throw fatal("no reply to " + what + " within " + timeout.toSeconds() + " s");
        if (line.equals(EOF)) throw fatal("the driver exited while answering " + what);
        try {
            JsonNode node = json.readTree(line);
            if (node == null || !node.isObject()) throw fatal("garbled reply to " + what + ": " + abbreviate(line));
            return node;
        } catch (JsonProcessingException e) {
            throw fatal("garbled reply to " + what + " (" + e.getOriginalMessage() + "; " + line.length() + " characters): " + abbreviate(line));
        }
    }

    private OracleException fatal(String message) {
        dead = true;
        channel.kill();
        try {
            Thread.sleep(50); // let the process's exit status and stderr settle for the diagnostics
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new OracleException(provider, label, message + "; " + channel.diagnostics());
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    @Override
    public void close() {
        if (!dead) {
            try {
                OutputStream out = channel.requests();
                out.write("{\"op\": \"exit\"}\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        channel.close();
    }
}
