package org.jpyc.conformance.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded oracle looks for the bytedeco jars in the repository Maven really uses: Maven itself is
 * asked (with a temporary {@code settings.xml} or {@code MAVEN_OPTS=-Dmaven.repo.local}; nothing is
 * downloaded), and the jar layout is checked against the jars this build's Maven resolved.
 */
class MavenRepositoryTest {
    @TempDir
    Path tmp;

    private static Optional<Path> askOrSkip(Map<String, String> env) {
        Optional<Path> r = MavenRepository.ask(env);
        Assumptions.assumeTrue(r.isPresent(), "mvn cannot be run here");
        return r;
    }

    @Test
    void theDebugLineNamesTheRepository() {
        String out = "[INFO] Error stacktraces are turned on.\n[DEBUG] Reading user settings from /h/.m2/settings.xml\n"
                + "[DEBUG] Using local repository at /some/dir/repo\n[DEBUG] Using local repository at /other\n";
        assertEquals(Optional.of(Path.of("/some/dir/repo")), MavenRepository.parse(out));
        assertEquals(Optional.of(Path.of("/r")), MavenRepository.parse("[DEBUG] Using local repository at /r\r\n[INFO] x\r\n"));
        assertEquals(Optional.empty(), MavenRepository.parse("[ERROR] no POM\n"));
    }

    @Test
    void localRepositoryOfTheUsersSettingsXml() throws IOException {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(home.resolve(".m2/settings.xml"), """
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                  <localRepository>${user.home}/elsewhere/repo</localRepository>
                  <offline>true</offline>
                </settings>
                """);
        assertEquals(home.resolve("elsewhere/repo"), askOrSkip(Map.of("MAVEN_OPTS", "-Duser.home=" + home)).get());
        assertFalse(Files.exists(home.resolve("elsewhere/repo/org")), "nothing downloaded");
    }

    @Test
    void mavenRepoLocalInMavenOpts() {
        Path repo = tmp.resolve("some/dir");
        assertEquals(repo, askOrSkip(Map.of("MAVEN_OPTS", "-Dmaven.repo.local=" + repo)).get());
    }

    @Test
    void theJarsAreWhereThisBuildsMavenPutThem() {
        // surefire passes ${settings.localRepository} as -Dmaven.repo.local (conformance/pom.xml)
        String repo = MavenRepository.explicit();
        Assumptions.assumeTrue(repo != null, "not run by Maven");
        assertEquals(Path.of(repo), MavenRepository.localRepository());
        for (String artifact : EmbeddedInterpreters.coordinates().values()) {
            Path jar = EmbeddedInterpreters.jarIn(Path.of(repo), artifact);
            assertTrue(Files.isRegularFile(jar), jar.toString());
        }
    }
}
