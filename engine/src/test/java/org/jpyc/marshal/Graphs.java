package org.jpyc.marshal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyComplex;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyDict;
import org.jpyc.object.PyFloat;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyList;
import org.jpyc.object.PyObject;
import org.jpyc.object.PySet;
import org.jpyc.object.PySlice;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;

/** Object graphs built in Java for the marshal tests. */
final class Graphs {
    private Graphs() {}

    static PyTuple tuple(PyObject... items) {
        return new PyTuple(new ArrayList<>(List.of(items)));
    }

    static PyStr str(String s) {
        return PyStr.of(s, false);
    }

    static PyStr interned(String s) {
        return PyStr.of(s, true);
    }

    static PyBytes bytes(String s) {
        return new PyBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A Python 3 graph using every type code of format {@code version} (4 or 5). */
    static PyObject everyPy3Type(CodeLayout layout, int version) {
        List<PyObject> items = new ArrayList<>();
        items.add(PyConst.NONE);
        items.add(PyConst.TRUE);
        items.add(PyConst.FALSE);
        items.add(PyConst.ELLIPSIS);
        items.add(PyConst.STOP_ITERATION);
        items.add(PyInt.of(7));
        items.add(PyInt.of(-123456));
        items.add(new PyInt(BigInteger.valueOf(5), PyInt.Form.LONG));
        items.add(new PyInt(BigInteger.ONE.shiftLeft(100).negate().add(BigInteger.valueOf(12345))));
        items.add(new PyInt(BigInteger.valueOf(Long.MIN_VALUE)));
        items.add(new PyInt(BigInteger.valueOf(1L << 40), PyInt.Form.INT64));
        items.add(new PyFloat(2.5));
        items.add(new PyFloat(0.1, "0.10000000000000001"));
        items.add(new PyComplex(1.0, -2.0));
        items.add(new PyComplex(0.0, 3.0, "0", "3"));
        items.add(bytes("\u0000\u00ffabc"));
        items.add(PyStr.ofCodePoints(new int[] {'h', 0xe9, 0xd800, 0x1F600}, false)); // 'u' with a lone surrogate
        items.add(PyStr.ofCodePoints(new int[] {0x3b1, 0x3b2}, true)); // 't'
        items.add(str("x".repeat(300))); // 'a'
        items.add(interned("y".repeat(300))); // 'A'
        items.add(str("short")); // 'z'
        items.add(interned("name")); // 'Z'
        items.add(new PyTuple(new ArrayList<>(List.of(PyInt.of(1), PyInt.of(2))), false)); // '(' although small
        items.add(new PyList(new ArrayList<>(List.of(str("l0"), PyInt.of(1000)))));
        List<PyDict.Entry> entries = new ArrayList<>();
        entries.add(new PyDict.Entry(str("k"), PyInt.of(300)));
        entries.add(new PyDict.Entry(PyInt.of(301), tuple()));
        items.add(new PyDict(entries));
        items.add(new PySet(new ArrayList<>(List.of(PyInt.of(1000), str("s"))), false));
        items.add(new PySet(new ArrayList<>(List.of(str("fa"), str("fb"), PyInt.of(3))), true));
        items.add(new PySet(new ArrayList<>(), true));
        PyStr shared = str("shared string");
        items.add(shared);
        items.add(shared); // second occurrence: 'r'
        items.add(code(layout, "f", shared));
        if (version >= 5) items.add(new PySlice(PyInt.of(1), PyConst.NONE, PyInt.of(-1)));
        return new PyTuple(items);
    }

    static PyCode code(CodeLayout layout, String name, PyObject constant) {
        PyCode c = new PyCode();
        c.argcount = 1;
        c.posonlyargcount = 0;
        c.kwonlyargcount = 2;
        c.nlocals = 3;
        c.stacksize = 4;
        c.flags = 0x3;
        c.firstlineno = 17;
        c.code = new PyBytes(new byte[] {100, 0, 83, 0});
        c.consts = tuple(PyConst.NONE, constant);
        c.names = tuple(interned("print"));
        c.varnames = tuple(interned("a"));
        c.freevars = tuple();
        c.cellvars = tuple();
        c.localsplusnames = tuple(interned("a"));
        c.localspluskinds = new PyBytes(new byte[] {0x26});
        c.filename = str("mod.py");
        c.name = interned(name);
        c.qualname = interned(name);
        c.linetable = new PyBytes(new byte[] {1, 2, 3});
        c.exceptiontable = new PyBytes(new byte[0]);
        return c;
    }

    /** A Python 2 graph: byte strings, interned strings (repeated, for 'R'), unicode, int64, sets, code. */
    static PyObject everyPy2Type() {
        PyBytes name = new PyBytes("spam".getBytes(StandardCharsets.ISO_8859_1), true);
        PyBytes name2 = new PyBytes("spam".getBytes(StandardCharsets.ISO_8859_1), true);
        PyCode c = new PyCode();
        c.argcount = 0;
        c.nlocals = 0;
        c.stacksize = 1;
        c.flags = 0x40;
        c.firstlineno = 1;
        c.code = new PyBytes(new byte[] {100, 0, 0, 83});
        c.consts = tuple(PyConst.NONE);
        c.names = tuple(name);
        c.varnames = tuple();
        c.freevars = tuple();
        c.cellvars = tuple();
        c.filename = new PyBytes("x.py".getBytes(StandardCharsets.ISO_8859_1));
        c.name = new PyBytes("<module>".getBytes(StandardCharsets.ISO_8859_1), true);
        c.linetable = new PyBytes(new byte[0]);
        List<PyObject> items = new ArrayList<>(List.of(
                PyConst.NONE, PyConst.TRUE, PyConst.FALSE, PyConst.ELLIPSIS, PyConst.STOP_ITERATION,
                PyInt.of(5), new PyInt(BigInteger.valueOf(1L << 40), PyInt.Form.INT64),
                new PyInt(BigInteger.TEN.pow(30)), new PyFloat(1.25), new PyFloat(3.0, "3.0"),
                new PyComplex(1, 2), new PyComplex(1, 2, "1", "2"),
                bytes("plain"), name, name2, name, str("unicode \u00e9"),
                new PyList(new ArrayList<>(List.of(PyInt.of(1)))),
                new PyDict(new ArrayList<>(List.of(new PyDict.Entry(bytes("k"), PyInt.of(2))))),
                new PySet(new ArrayList<>(List.of(PyInt.of(1))), false),
                new PySet(new ArrayList<>(List.of(PyInt.of(2))), true),
                c));
        return new PyTuple(items, false);
    }
}
