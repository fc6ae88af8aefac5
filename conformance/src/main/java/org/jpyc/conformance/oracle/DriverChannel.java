package org.jpyc.conformance.oracle;

import java.io.InputStream;
import java.io.OutputStream;

/** The pipes to one running {@code driver.py}: a local process or a process inside a container. */
interface DriverChannel extends AutoCloseable {
    /** Requests go here (the driver's stdin). */
    OutputStream requests();

    /** Replies come from here (the driver's stdout). */
    InputStream replies();

    /** The tail of the driver's stderr and its exit status if it ended, for error messages. */
    String diagnostics();

    /** Ends the driver now (used after a timeout or a garbled reply). */
    void kill();

    /** Asks the driver to exit, then releases everything. */
    @Override
    void close();
}
