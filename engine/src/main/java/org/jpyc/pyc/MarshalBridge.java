package org.jpyc.pyc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.jpyc.object.PyObject;
import org.jpyc.version.PyVersion;

/**
 * The code object codec: {@code org.jpyc.marshal.Marshal}. TEMPORARY: bound by reflection until
 * that class exists in the tree (it is being written concurrently), so this package compiles on its
 * own; replace with direct calls once it lands.
 */
final class MarshalBridge {
    private static final String CLASS = "org.jpyc.marshal.Marshal";

    private MarshalBridge() {}

    static PyObject load(byte[] data, int offset, int end, PyVersion v) {
        return (PyObject) call("load", new Class<?>[] {byte[].class, int.class, int.class, PyVersion.class},
                data, offset, end, v);
    }

    static byte[] dump(PyObject o, PyVersion v) {
        return (byte[]) call("dump", new Class<?>[] {PyObject.class, PyVersion.class}, o, v);
    }

    private static Object call(String name, Class<?>[] types, Object... args) {
        Method m;
        try {
            m = Class.forName(CLASS).getMethod(name, types);
        } catch (ReflectiveOperationException e) {
            throw new UnsupportedOperationException(CLASS + "." + name + " is not available yet", e);
        }
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
