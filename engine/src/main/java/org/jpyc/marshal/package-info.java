/**
 * CPython's marshal format, versions 0 to 5, over the {@link org.jpyc.object} model.
 *
 * <ul>
 *   <li>{@link org.jpyc.marshal.Marshal}: {@code load}/{@code dump} for a target
 *       {@link org.jpyc.version.PyVersion}.</li>
 *   <li>{@link org.jpyc.marshal.MarshalReader} / {@link org.jpyc.marshal.MarshalWriter}: the one
 *       reader and writer, iterative, over a byte array.</li>
 *   <li>{@link org.jpyc.marshal.MarshalFormat}: format version, {@link org.jpyc.marshal.CodeLayout}
 *       and string semantics of a CPython version.</li>
 *   <li>{@link org.jpyc.marshal.TypeCode}: every type code, byte layout and the version that
 *       introduced it.</li>
 *   <li>{@link org.jpyc.marshal.RefPolicy}: which objects get {@code FLAG_REF} when writing graphs
 *       built in Java.</li>
 *   <li>{@link org.jpyc.marshal.MarshalTrace}: byte offset to object path, for explaining mismatches.</li>
 * </ul>
 *
 * <p>Invariant: for marshal data CPython wrote, {@code dump(load(data)) == data}. The only data that
 * does not round-trip is data CPython never writes: {@code FLAG_REF} on a singleton or on a
 * {@code 'r'} (ignored on load, as by CPython).
 */
package org.jpyc.marshal;
