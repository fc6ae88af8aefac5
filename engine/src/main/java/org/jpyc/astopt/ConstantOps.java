package org.jpyc.astopt;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.jpyc.ast.OperatorNode;
import org.jpyc.ast.UnaryopNode;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyComplex;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyFloat;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PySet;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.object.SetLayout;
import org.jpyc.version.PyVersion;

/**
 * Python operations on the constants a tree can hold (int, bool, float, complex, str, bytes, tuple,
 * frozenset, None, Ellipsis), as the abstract object API evaluates them ({@code PyNumber_Add},
 * {@code PyNumber_Negative}, {@code PyObject_GetItem}, {@code PyObject_IsTrue}, ...). An operation
 * that raises in Python (TypeError for unsupported operand types included) gives
 * {@link NotFoldable}.
 */
final class ConstantOps {
    private ConstantOps() {}

    // ---- classification

    static boolean isInt(PyObject o) {
        return o instanceof PyInt || o == PyConst.TRUE || o == PyConst.FALSE;
    }

    static boolean isBool(PyObject o) {
        return o == PyConst.TRUE || o == PyConst.FALSE;
    }

    static BigInteger intValue(PyObject o) {
        if (o instanceof PyInt i) return i.value();
        return o == PyConst.TRUE ? BigInteger.ONE : BigInteger.ZERO;
    }

    private static boolean isReal(PyObject o) {
        return isInt(o) || o instanceof PyFloat;
    }

    private static boolean isNumber(PyObject o) {
        return isReal(o) || o instanceof PyComplex;
    }

    /** {@code PyFloat_AsDouble} of an int or float (OverflowError for a huge int). */
    private static double toDouble(PyObject o) {
        if (o instanceof PyFloat f) return f.value();
        return IntOps.toDouble(intValue(o));
    }

    /**
     * {@code +}, {@code -}, {@code *} of a complex and a real number, and a complex divided by a real, by the 3.14
     * mixed-mode rules (C99 Annex G; Objects/complexobject.c 3.14 {@code _Py_cr_sum}, {@code _Py_cr_diff},
     * {@code _Py_rc_diff}, {@code _Py_cr_prod}, {@code _Py_cr_quot}): the real operand is not made a complex with a
     * zero imaginary part, so {@code 0 - 0j} is {@code -0j}. Null when the operands are not one complex and one
     * real, or for a real divided by a complex ({@code _Py_rc_quot}, not ported). Throws NotFoldable (a Python
     * exception) for a huge int or a division by zero.
     */
    static PyObject mixedComplex(OperatorNode op, PyObject l, PyObject r) {
        if (l instanceof PyComplex a && isReal(r)) {
            double b = toDouble(r);
            return switch (op) {
                case Add -> new PyComplex(a.real() + b, a.imag());
                case Sub -> new PyComplex(a.real() - b, a.imag());
                case Mult -> new PyComplex(a.real() * b, a.imag() * b);
                case Div -> {
                    if (b == 0.0) throw NotFoldable.INSTANCE; // ZeroDivisionError
                    yield new PyComplex(a.real() / b, a.imag() / b);
                }
                default -> null;
            };
        }
        if (isReal(l) && r instanceof PyComplex b) {
            double a = toDouble(l);
            return switch (op) {
                case Add -> new PyComplex(b.real() + a, b.imag());
                case Sub -> new PyComplex(a - b.real(), -b.imag());
                case Mult -> new PyComplex(b.real() * a, b.imag() * a);
                case Div -> realOverComplex(a, b.real(), b.imag());
                default -> null;
            };
        }
        return null;
    }

    /** {@code _Py_rc_quot} (Objects/complexobject.c 3.14): {@code _Py_c_quot} without the numerator's imaginary part. */
    private static PyComplex realOverComplex(double a, double br, double bi) {
        double absR = Math.abs(br), absI = Math.abs(bi);
        double re, im;
        if (absR >= absI) {
            if (absR == 0.0) throw NotFoldable.INSTANCE; // ZeroDivisionError (EDOM)
            double ratio = bi / br;
            double denom = br + bi * ratio;
            re = a / denom;
            im = (-a * ratio) / denom;
        } else if (absI >= absR) {
            double ratio = br / bi;
            double denom = br * ratio + bi;
            re = (a * ratio) / denom;
            im = (-a) / denom;
        } else {
            re = im = Double.NaN;
        }
        // infinities and zeros that came out as nan+nanj
        if (Double.isNaN(re) && Double.isNaN(im) && Double.isFinite(a) && (Double.isInfinite(absR) || Double.isInfinite(absI))) {
            double x = Math.copySign(Double.isInfinite(br) ? 1.0 : 0.0, br);
            double y = Math.copySign(Double.isInfinite(bi) ? 1.0 : 0.0, bi);
            re = 0.0 * (a * x);
            im = 0.0 * (-a * y);
        }
        return new PyComplex(re, im);
    }

    /** {@link #binary} with {@code version}'s complex arithmetic (3.14+: {@link #mixedComplex}). */
    static PyObject binary(OperatorNode op, PyObject l, PyObject r, PyVersion version) {
        if (version.has(org.jpyc.version.Feature.COMPLEX_MIXED_MODE)) {
            PyObject v = mixedComplex(op, l, r);
            if (v != null) return v;
        }
        return binary(op, l, r);
    }

    /** {@code to_complex}. */
    private static double[] toComplex(PyObject o) {
        if (o instanceof PyComplex c) return new double[] {c.real(), c.imag()};
        return new double[] {toDouble(o), 0.0};
    }

    static PyInt newInt(BigInteger v) {
        return new PyInt(v);
    }

    private static PyObject newComplex(double[] c) {
        return new PyComplex(c[0], c[1]);
    }

    /** The kind of arithmetic two numbers use: 0 int, 1 float, 2 complex; -1 if not both numbers. */
    private static int numericLevel(PyObject a, PyObject b) {
        if (!isNumber(a) || !isNumber(b)) return -1;
        if (a instanceof PyComplex || b instanceof PyComplex) return 2;
        if (a instanceof PyFloat || b instanceof PyFloat) return 1;
        return 0;
    }

    // ---- unary

    /** {@code PyObject_IsTrue}. */
    static boolean isTrue(PyObject o) {
        if (o instanceof PyConst c) {
            return switch (c.kind()) {
                case TRUE, ELLIPSIS -> true;
                case FALSE, NONE -> false;
                default -> throw NotFoldable.INSTANCE;
            };
        }
        if (o instanceof PyInt i) return i.signum() != 0;
        if (o instanceof PyFloat f) return f.value() != 0.0;
        if (o instanceof PyComplex c) return c.real() != 0.0 || c.imag() != 0.0;
        if (o instanceof PyStr s) return s.length() != 0;
        if (o instanceof PyBytes b) return b.value().length != 0;
        if (o instanceof PyTuple t) return t.size() != 0;
        if (o instanceof PySet s) return !s.items().isEmpty();
        throw NotFoldable.INSTANCE;
    }

    /** The unary operators of {@code fold_unaryop}. */
    static PyObject unary(UnaryopNode op, PyObject v, PyVersion version) {
        switch (op) {
            case Not:
                return PyConst.bool(!isTrue(v));
            case Invert:
                if (isInt(v)) return newInt(intValue(v).not());
                throw NotFoldable.INSTANCE;
            case UAdd:
                if (v instanceof PyInt || v instanceof PyFloat || v instanceof PyComplex) return v;
                if (isBool(v)) return newInt(intValue(v));
                throw NotFoldable.INSTANCE;
            case USub:
                if (isInt(v)) return newInt(intValue(v).negate());
                if (v instanceof PyFloat f) return new PyFloat(-f.value());
                if (v instanceof PyComplex c) return new PyComplex(-c.real(), -c.imag());
                throw NotFoldable.INSTANCE;
            default:
                throw NotFoldable.INSTANCE;
        }
    }

    // ---- binary

    /** {@code PyNumber_<op>(l, r)} for the operators of {@code fold_binop} (after its safety checks). */
    static PyObject binary(OperatorNode op, PyObject l, PyObject r) {
        return switch (op) {
            case Add -> add(l, r);
            case Sub -> sub(l, r);
            case Mult -> mul(l, r);
            case Div -> trueDiv(l, r);
            case FloorDiv -> floorDiv(l, r);
            case Mod -> mod(l, r);
            case Pow -> pow(l, r);
            case LShift -> {
                if (!isInt(l) || !isInt(r)) throw NotFoldable.INSTANCE;
                yield newInt(IntOps.lshift(intValue(l), intValue(r)));
            }
            case RShift -> {
                if (!isInt(l) || !isInt(r)) throw NotFoldable.INSTANCE;
                yield newInt(IntOps.rshift(intValue(l), intValue(r)));
            }
            case BitOr, BitXor, BitAnd -> bitwise(op, l, r);
            case MatMult -> throw NotFoldable.INSTANCE;
        };
    }

    private static PyObject add(PyObject l, PyObject r) {
        switch (numericLevel(l, r)) {
            case 0: return newInt(intValue(l).add(intValue(r)));
            case 1: return new PyFloat(toDouble(l) + toDouble(r));
            case 2: return newComplex(ComplexOps.sum(toComplex(l), toComplex(r)));
            default: break;
        }
        // the shortcuts of PyUnicode_Concat, bytes_concat and tuple_concat: with an empty side, the other
        // operand itself (whose identity, a new object or the runtime's singleton, the result keeps)
        if (l instanceof PyStr a && r instanceof PyStr b && (a.length() == 0 || b.length() == 0)) return a.length() == 0 ? b : a;
        if (l instanceof PyBytes a && r instanceof PyBytes b && (a.value().length == 0 || b.value().length == 0)) {
            return a.value().length == 0 ? b : a;
        }
        if (l instanceof PyTuple a && r instanceof PyTuple b && (a.size() == 0 || b.size() == 0)) return b.size() == 0 ? a : b;
        if (l instanceof PyStr a && r instanceof PyStr b) {
            int[] x = a.codePoints();
            int[] y = b.codePoints();
            int[] z = new int[x.length + y.length];
            System.arraycopy(x, 0, z, 0, x.length);
            System.arraycopy(y, 0, z, x.length, y.length);
            return PyStr.ofCodePoints(z, false);
        }
        if (l instanceof PyBytes a && r instanceof PyBytes b) {
            byte[] x = a.value();
            byte[] y = b.value();
            byte[] z = new byte[x.length + y.length];
            System.arraycopy(x, 0, z, 0, x.length);
            System.arraycopy(y, 0, z, x.length, y.length);
            return new PyBytes(z);
        }
        if (l instanceof PyTuple a && r instanceof PyTuple b) {
            List<PyObject> z = new ArrayList<>(a.size() + b.size());
            z.addAll(a.items());
            z.addAll(b.items());
            return new PyTuple(z);
        }
        throw NotFoldable.INSTANCE;
    }

    private static PyObject sub(PyObject l, PyObject r) {
        return switch (numericLevel(l, r)) {
            case 0 -> newInt(intValue(l).subtract(intValue(r)));
            case 1 -> new PyFloat(toDouble(l) - toDouble(r));
            case 2 -> newComplex(ComplexOps.diff(toComplex(l), toComplex(r)));
            default -> throw NotFoldable.INSTANCE;
        };
    }

    private static PyObject mul(PyObject l, PyObject r) {
        switch (numericLevel(l, r)) {
            case 0: return newInt(intValue(l).multiply(intValue(r)));
            case 1: return new PyFloat(toDouble(l) * toDouble(r));
            case 2: return newComplex(ComplexOps.prod(toComplex(l), toComplex(r)));
            default: break;
        }
        if (isInt(r) && !isInt(l)) return repeat(l, intValue(r));
        if (isInt(l) && !isInt(r)) return repeat(r, intValue(l));
        throw NotFoldable.INSTANCE;
    }

    /** {@code sq_repeat} of str, bytes and tuple; the count must fit a {@code Py_ssize_t}. */
    private static PyObject repeat(PyObject seq, BigInteger count) {
        if (count.bitLength() > 63) throw NotFoldable.INSTANCE;
        long n = Math.max(0, count.longValue());
        if (n == 0 || isEmptySequence(seq)) n = 0;
        // unicode_repeat, bytes_repeat, tuple_repeat: when the result would have the operand's items, the operand itself
        if (seq instanceof PyStr s && count.equals(BigInteger.ONE)) return s;
        if (seq instanceof PyBytes b && (b.value().length == 0 || count.equals(BigInteger.ONE))) return b;
        if (seq instanceof PyTuple t && (t.size() == 0 || count.equals(BigInteger.ONE))) return t;
        if (seq instanceof PyStr s) {
            int[] x = s.codePoints();
            if (n * x.length > Integer.MAX_VALUE - 8) throw NotFoldable.INSTANCE;
            int[] z = new int[(int) (n * x.length)];
            for (int i = 0; i < n; i++) System.arraycopy(x, 0, z, i * x.length, x.length);
            return PyStr.ofCodePoints(z, false);
        }
        if (seq instanceof PyBytes b) {
            byte[] x = b.value();
            if (n * x.length > Integer.MAX_VALUE - 8) throw NotFoldable.INSTANCE;
            byte[] z = new byte[(int) (n * x.length)];
            for (int i = 0; i < n; i++) System.arraycopy(x, 0, z, i * x.length, x.length);
            // bytes_repeat allocates its result, even an empty one (the operand itself is returned above)
            PyBytes r = new PyBytes(z);
            return z.length == 0 ? r.markFresh() : r;
        }
        if (seq instanceof PyTuple t) {
            if (n * t.size() > Integer.MAX_VALUE - 8) throw NotFoldable.INSTANCE;
            List<PyObject> z = new ArrayList<>((int) (n * t.size()));
            for (int i = 0; i < n; i++) z.addAll(t.items());
            return new PyTuple(z);
        }
        throw NotFoldable.INSTANCE;
    }

    private static boolean isEmptySequence(PyObject seq) {
        if (seq instanceof PyStr s) return s.raw().length == 0;
        if (seq instanceof PyBytes b) return b.value().length == 0;
        return seq instanceof PyTuple t && t.size() == 0;
    }

    private static PyObject trueDiv(PyObject l, PyObject r) {
        return switch (numericLevel(l, r)) {
            case 0 -> new PyFloat(IntOps.trueDivide(intValue(l), intValue(r)));
            case 1 -> new PyFloat(FloatOps.div(toDouble(l), toDouble(r)));
            case 2 -> newComplex(ComplexOps.div(toComplex(l), toComplex(r)));
            default -> throw NotFoldable.INSTANCE;
        };
    }

    private static PyObject floorDiv(PyObject l, PyObject r) {
        return switch (numericLevel(l, r)) {
            case 0 -> newInt(IntOps.floorDiv(intValue(l), intValue(r)));
            case 1 -> new PyFloat(FloatOps.floorDiv(toDouble(l), toDouble(r)));
            default -> throw NotFoldable.INSTANCE;
        };
    }

    private static PyObject mod(PyObject l, PyObject r) {
        return switch (numericLevel(l, r)) {
            case 0 -> newInt(IntOps.mod(intValue(l), intValue(r)));
            case 1 -> new PyFloat(FloatOps.rem(toDouble(l), toDouble(r)));
            default -> throw NotFoldable.INSTANCE;
        };
    }

    private static PyObject pow(PyObject l, PyObject r) {
        switch (numericLevel(l, r)) {
            case 0: {
                BigInteger b = intValue(l);
                BigInteger e = intValue(r);
                if (e.signum() < 0) return floatPow(IntOps.toDouble(b), IntOps.toDouble(e));
                if (b.signum() == 0) return newInt(e.signum() == 0 ? BigInteger.ONE : BigInteger.ZERO);
                if (b.abs().equals(BigInteger.ONE)) {
                    return newInt(b.signum() > 0 || !e.testBit(0) ? BigInteger.ONE : BigInteger.ONE.negate());
                }
                if (e.bitLength() > 31 || (long) b.bitLength() * e.intValue() > 50_000_000L) {
                    throw NotFoldable.INSTANCE; // would be a MemoryError long before
                }
                return newInt(b.pow(e.intValue()));
            }
            case 1:
                return floatPow(toDouble(l), toDouble(r));
            case 2:
                return newComplex(ComplexOps.pow(toComplex(l), toComplex(r)));
            default:
                throw NotFoldable.INSTANCE;
        }
    }

    private static PyObject floatPow(double v, double w) {
        Object r = FloatOps.pow(v, w);
        if (r instanceof double[] c) return newComplex(c);
        return new PyFloat((Double) r);
    }

    private static PyObject bitwise(OperatorNode op, PyObject l, PyObject r) {
        if (!isInt(l) || !isInt(r)) throw NotFoldable.INSTANCE;
        if (isBool(l) && isBool(r)) {
            boolean a = l == PyConst.TRUE;
            boolean b = r == PyConst.TRUE;
            return PyConst.bool(switch (op) {
                case BitOr -> a | b;
                case BitXor -> a ^ b;
                default -> a & b;
            });
        }
        BigInteger a = intValue(l);
        BigInteger b = intValue(r);
        return newInt(switch (op) {
            case BitOr -> a.or(b);
            case BitXor -> a.xor(b);
            default -> a.and(b);
        });
    }

    // ---- subscription, frozenset

    /** {@code PyObject_GetItem(container, index)} for a str, bytes or tuple and an int index. */
    static PyObject getItem(PyObject container, PyObject index) {
        int len;
        if (container instanceof PyStr s) len = s.length();
        else if (container instanceof PyBytes b) len = b.value().length;
        else if (container instanceof PyTuple t) len = t.size();
        else throw NotFoldable.INSTANCE;
        if (!isInt(index)) throw NotFoldable.INSTANCE;
        BigInteger i = intValue(index);
        if (i.signum() < 0) i = i.add(BigInteger.valueOf(len));
        if (i.signum() < 0 || i.compareTo(BigInteger.valueOf(len)) >= 0) throw NotFoldable.INSTANCE;
        int k = i.intValue();
        if (container instanceof PyStr s) return PyStr.ofCodePoints(new int[] {s.codePoints()[k]}, false);
        if (container instanceof PyBytes b) return newInt(BigInteger.valueOf(b.value()[k] & 0xff));
        return ((PyTuple) container).get(k);
    }

    /** {@code PyFrozenSet_New(tuple)} ({@link SetLayout#frozensetNew}). */
    static PySet frozenset(PyTuple items, PyVersion version) {
        return SetLayout.frozensetNew(items.items(), version);
    }
}
