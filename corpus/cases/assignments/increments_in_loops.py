# jpyc: feature accumulators and counters updated in nested loops and conditionals
def histogram(words):
    counts = {}
    longest = 0
    total = 0
    for w in words:
        counts[w] = counts.get(w, 0) + 1
        total += len(w)
        if len(w) > longest:
            longest = len(w)
        for ch in w:
            if ch in "aeiou":
                counts["<vowels>"] = counts.get("<vowels>", 0) + 1
    avg = total / len(words) if words else 0.0
    return counts, longest, avg
