package org.jpyc.util;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;

/**
 * An unmodifiable set of strings for membership tests on a hot path: open addressing with linear
 * probing, at most half full, each slot's string hash kept in an int array beside it, so that a
 * probe compares ints and reads a string only when its hash matches (a large {@code Set.of} reads
 * the string of every slot it probes).
 */
public final class TextSet extends AbstractSet<String> {
    private final String[] texts;
    private final int[] hashes;
    private final int size;

    public TextSet(Collection<String> items) {
        int capacity = 16;
        while (capacity < items.size() * 2) capacity *= 2;
        texts = new String[capacity];
        hashes = new int[capacity];
        int n = 0;
        int mask = capacity - 1;
        for (String s : items) {
            int h = s.hashCode();
            int i = spread(h) & mask;
            boolean dup = false;
            for (; texts[i] != null; i = (i + 1) & mask) {
                if (hashes[i] == h && texts[i].equals(s)) {
                    dup = true;
                    break;
                }
            }
            if (dup) continue;
            texts[i] = s;
            hashes[i] = h;
            n++;
        }
        size = n;
    }

    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B9 >>> 7;
    }

    @Override
    public boolean contains(Object o) {
        if (!(o instanceof String s)) return false;
        int h = s.hashCode();
        int mask = texts.length - 1;
        for (int i = spread(h) & mask;; i = (i + 1) & mask) {
            String t = texts[i];
            if (t == null) return false;
            if (hashes[i] == h && t.equals(s)) return true;
        }
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(texts).filter(t -> t != null).iterator();
    }

    @Override
    public int size() {
        return size;
    }
}
