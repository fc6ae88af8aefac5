/** Small helpers every stage shares (a thread with a large stack for deep input, little-endian reads of eight bytes). */
package org.jpyc.util;
