package org.jpyc.symtable;

import org.jpyc.instrseq.Location;

/** {@code _PyFutureFeatures}: the {@code CO_FUTURE_*} flags set by {@code from __future__ import}s, and where the last one is. */
public final class FutureFeatures {
    public int features;
    public Location location = Location.NO_LOCATION;
}
