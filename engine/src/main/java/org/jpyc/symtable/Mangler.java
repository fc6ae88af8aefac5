package org.jpyc.symtable;

/** Private name mangling: {@code _Py_Mangle} and {@code _Py_MaybeMangle} (Python/symtable.c, 3.13). */
public final class Mangler {
    private Mangler() {}

    /**
     * {@code _Py_MaybeMangle}: inside the type-parameter scope of a generic class only the type parameter
     * names themselves are mangled ({@code ste_mangled_names}); everywhere else, {@link #mangle}.
     */
    public static String maybeMangle(String privateName, Scope scope, String name) {
        // only a name that starts with two underscores, in a class, can change; the check stays small enough
        // for C1 to inline
        if (privateName == null || !startsWithTwoUnderscores(name)) return name;
        return maybeMangleInClass(privateName, scope, name);
    }

    private static String maybeMangleInClass(String privateName, Scope scope, String name) {
        if (scope != null && scope.mangledNames != null && !scope.mangledNames.contains(name)) {
            return name;
        }
        return mangleDunder(privateName, name);
    }

    /**
     * {@code _Py_Mangle}: {@code __spam} inside class {@code _Ham} becomes {@code _Ham__spam}. Names that end
     * in two underscores, dotted names, and names in a class made of underscores only are left alone.
     */
    public static String mangle(String privateName, String name) {
        if (privateName == null || !startsWithTwoUnderscores(name)) {
            return name;
        }
        return mangleDunder(privateName, name);
    }

    /** {@link #mangle} of a name that starts with two underscores, in a class. */
    private static String mangleDunder(String privateName, String name) {
        int n = name.length();
        if ((name.charAt(n - 1) == '_' && name.charAt(n - 2) == '_') || name.indexOf('.') >= 0) {
            return name;
        }
        int start = 0;
        while (start < privateName.length() && privateName.charAt(start) == '_') {
            start++;
        }
        if (start == privateName.length()) {
            return name;
        }
        return "_" + privateName.substring(start) + name;
    }

    private static boolean startsWithTwoUnderscores(String name) {
        // String.startsWith compares the bytes; under C1 each charAt is a bounds-checked call chain
        return name.startsWith("__");
    }
}
