"""CPython's cheapest full parse, timed over the same sources jpyc's ParseBench parses.

Usage: pythonX.Y parse_timing.py PAYLOAD_FILE MIN_SECONDS
PAYLOAD_FILE is org.jpyc.bench.PayloadSet's format (Java DataOutputStream: writeUTF version, int
count, then int length + bytes per payload; big-endian). Prints one line: the MB/s of source bytes
that _symtable.symtable(source, filename, 'exec') gets through (tokenize, parse to the C AST, build
the symbol table; no Python AST objects), one pass over every source per round.
"""
import _symtable
import struct
import sys
import time


def read_payloads(path):
    with open(path, "rb") as f:
        data = f.read()
    n = struct.unpack_from(">H", data, 0)[0]
    pos = 2 + n
    count = struct.unpack_from(">i", data, pos)[0]
    pos += 4
    out = []
    for _ in range(count):
        size = struct.unpack_from(">i", data, pos)[0]
        pos += 4
        out.append(data[pos:pos + size])
        pos += size
    return out


def main():
    sources = read_payloads(sys.argv[1])
    min_time = float(sys.argv[2])
    total = sum(len(s) for s in sources)

    def one_round():
        for i, s in enumerate(sources):
            _symtable.symtable(s, "bench%d.py" % i, "exec")

    one_round()  # warm-up
    rounds = 0
    start = time.perf_counter()
    while True:
        one_round()
        rounds += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_time:
            break
    print("%.3f" % (total * rounds / elapsed / 1e6))


if __name__ == "__main__":
    main()
