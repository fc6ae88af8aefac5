/** Small helpers every stage shares (a thread with a large stack for deep input). */
package org.jpyc.util;
