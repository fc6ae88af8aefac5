package org.jpyc.conformance.cli;

import java.util.concurrent.Callable;
import org.jpyc.conformance.oracle.Oracle;
import org.jpyc.conformance.oracle.OracleException;
import org.jpyc.conformance.oracle.OracleProvider;
import org.jpyc.conformance.oracle.Oracles;
import org.jpyc.version.PyVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code jpyc oracle}: the oracle interpreters. */
@Command(name = "oracle", mixinStandardHelpOptions = true, description = "Oracle interpreters (real CPython).",
        subcommands = OracleCommand.ListCommand.class)
public final class OracleCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code jpyc oracle list}: one line per interpreter: {@code X.Y  <full version>  <provider>  <location>}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the interpreters a provider can give.")
    static final class ListCommand implements Callable<Integer> {
        @Mixin
        OracleSettings oracle = new OracleSettings();

        @Override
        public Integer call() {
            OracleProvider p = Oracles.provider(oracle.provider, oracle.options());
            int found = 0;
            for (PyVersion v : p.versions()) {
                try (Oracle o = p.open(v)) {
                    System.out.println(o.info().listLine());
                    found++;
                } catch (OracleException e) {
                    System.err.println(v + "  unavailable: " + e.getMessage());
                }
            }
            if (found == 0) System.err.println("no interpreters from the " + p.name() + " provider");
            return found == 0 ? 1 : 0;
        }
    }
}
