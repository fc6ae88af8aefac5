package org.jpyc.conformance.run;

import org.jpyc.conformance.check.CheckResult;
import org.jpyc.version.PyVersion;

/** One check of one case on one version. */
public record Outcome(PyVersion version, String caseId, String group, String check, CheckResult result) {}
