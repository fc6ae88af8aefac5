package org.jpyc.conformance.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where Maven keeps its local repository, so that the embedded oracle looks for the bytedeco jars where
 * {@code mvn} put them (and fetches them to the place it then looks in). In this order:
 * <ol>
 *   <li>{@code -Dmaven.repo.local} of this JVM or {@code $MAVEN_REPO_LOCAL} (the tests get
 *       {@code ${settings.localRepository}} this way from the build);</li>
 *   <li>what {@code mvn} itself reports: {@code mvn -X -B -o -N validate} in an empty directory prints
 *       {@code Using local repository at DIR} after reading {@code MAVEN_OPTS}, {@code MAVEN_ARGS}, the
 *       user's and the global {@code settings.xml} ({@code <localRepository>}), before failing for want
 *       of a POM; nothing is downloaded;</li>
 *   <li>{@code ~/.m2/repository} if {@code mvn} cannot be run or says nothing.</li>
 * </ol>
 * The answer of step 2 is asked once per process, and only when an interpreter still has to be unpacked.
 */
final class MavenRepository {
    private static final Pattern USING = Pattern.compile("Using local repository at (.+)$", Pattern.MULTILINE);
    private static volatile Path asked;

    private MavenRepository() {}

    /** The local repository, by the rules above. */
    static Path localRepository() {
        String r = explicit();
        if (r != null) return Path.of(r);
        Path a = asked;
        if (a == null) {
            a = ask(Map.of()).orElseGet(MavenRepository::defaultRepository);
            asked = a;
        }
        return a;
    }

    /** {@code -Dmaven.repo.local} / {@code $MAVEN_REPO_LOCAL}, or null. */
    static String explicit() {
        return OracleOptions.setting("maven.repo.local", "MAVEN_REPO_LOCAL");
    }

    /** Maven's default: {@code ~/.m2/repository}. */
    static Path defaultRepository() {
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /**
     * Asks {@code mvn} (run with this process's environment plus {@code env}) where its local repository
     * is; empty if it cannot be run or does not say.
     */
    static Optional<Path> ask(Map<String, String> env) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("jpyc-mvn-");
            ProcessBuilder pb = new ProcessBuilder(List.of("mvn", "-X", "-B", "-o", "-N", "validate"))
                    .directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES)) p.destroyForcibly();
            return parse(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (dir != null) dir.toFile().delete();
        }
    }

    /** The directory of the first {@code Using local repository at DIR} line of {@code mvn -X}, if any. */
    static Optional<Path> parse(String mvnDebugOutput) {
        Matcher m = USING.matcher(mvnDebugOutput.replace("\r\n", "\n"));
        return m.find() ? Optional.of(Path.of(m.group(1).strip())) : Optional.empty();
    }
}
