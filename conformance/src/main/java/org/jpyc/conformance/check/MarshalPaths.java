package org.jpyc.conformance.check;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.jpyc.version.PyVersion;

/**
 * The object path of a byte offset in marshal data, from the engine's
 * {@code org.jpyc.marshal.MarshalTrace.pathAt(byte[] data, int offset, int end, PyVersion version, int targetOffset)}.
 * Looked up reflectively so the suite runs (without paths) while the engine does not have it yet.
 */
final class MarshalPaths {
    private static final Method PATH_AT = find();

    private MarshalPaths() {}

    private static Method find() {
        try {
            Class<?> c = Class.forName("org.jpyc.marshal.MarshalTrace");
            for (Method m : c.getMethods()) {
                Class<?>[] p = m.getParameterTypes();
                if (m.getName().equals("pathAt") && Modifier.isStatic(m.getModifiers()) && p.length == 5
                        && p[0] == byte[].class && p[1] == int.class && p[2] == int.class
                        && p[3] == PyVersion.class && p[4] == int.class) {
                    return m;
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // not there yet
        }
        return null;
    }

    /** The path, or a sentence saying why there is none. */
    static String pathAt(byte[] pyc, PyVersion version, int target) {
        if (PATH_AT == null) return "(object path unavailable: org.jpyc.marshal.MarshalTrace.pathAt not present)";
        if (target < 16) return "pyc header";
        try {
            return String.valueOf(PATH_AT.invoke(null, pyc, 16, pyc.length, version, target));
        } catch (ReflectiveOperationException e) {
            Throwable t = e.getCause() != null ? e.getCause() : e;
            return "(MarshalTrace.pathAt threw " + t.getClass().getSimpleName() + ": " + t.getMessage() + ")";
        } catch (RuntimeException | StackOverflowError e) {
            return "(MarshalTrace.pathAt failed: " + e + ")";
        }
    }
}
