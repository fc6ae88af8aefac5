package org.jpyc.conformance.oracle;

import org.jpyc.version.PyVersion;

/**
 * What an oracle interpreter said about itself at start-up.
 *
 * @param version    the minor version ({@code 3.12})
 * @param fullVersion {@code sys.version}, the exact build; oracle answers are cached under it
 * @param cacheTag   {@code sys.implementation.cache_tag}
 * @param magic      {@code importlib.util.MAGIC_NUMBER} as hex
 * @param provider   {@code embedded}, {@code docker} or {@code local}
 * @param location   where the interpreter lives (a path, or {@code image:tag python3.X})
 */
public record OracleInfo(PyVersion version, String fullVersion, String cacheTag, String magic,
                         String provider, String location) {
    /** One line of {@code jpyc oracle list}: {@code X.Y  <full version>  <provider>  <location>}. */
    public String listLine() {
        return version + "  " + fullVersion.replace('\n', ' ') + "  " + provider + "  " + location;
    }
}
