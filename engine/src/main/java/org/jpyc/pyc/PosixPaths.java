package org.jpyc.pyc;

/**
 * importlib's own POSIX path helpers ({@code _bootstrap_external._path_join}, {@code _path_split},
 * {@code _path_isabs}), which differ from {@code os.path} in corner cases (trailing and repeated
 * separators, empty parts) -- and those corners show in cache paths.
 */
final class PosixPaths {
    static final char SEP = '/';

    private PosixPaths() {}

    /** {@code '/'.join(p.rstrip('/') for p in parts if p)}. */
    static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (String p : parts) {
            if (p == null || p.isEmpty()) continue;
            if (!first) sb.append(SEP);
            sb.append(rstripSep(p));
            first = false;
        }
        return sb.toString();
    }

    /** Splits at the last separator: {@code ("", path)} if there is none. */
    static String[] split(String path) {
        int i = path.lastIndexOf(SEP);
        return i < 0 ? new String[] {"", path} : new String[] {path.substring(0, i), path.substring(i + 1)};
    }

    static boolean isAbs(String path) {
        return path.startsWith("/");
    }

    static String rstripSep(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == SEP) end--;
        return s.substring(0, end);
    }

    static String lstripSep(String s) {
        int start = 0;
        while (start < s.length() && s.charAt(start) == SEP) start++;
        return s.substring(start);
    }
}
