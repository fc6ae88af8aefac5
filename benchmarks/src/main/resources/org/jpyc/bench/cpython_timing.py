"""CPython's own figure for a jpyc benchmark, timed over the same inputs as the JMH benchmark.

Usage: pythonX.Y cpython_timing.py KIND PAYLOAD_FILE ROUNDS ROUND_SECONDS

KIND is one of
  marshal.loads  marshal.loads(payload) of every payload (jpyc: MarshalBench.load)
  marshal.dumps  marshal.dumps(obj) of every payload's object (jpyc: MarshalBench.dump)
  parse          _symtable.symtable(source, filename, 'exec') of every payload: tokenize, parse to
                 the C AST, build the symbol table, no Python objects; CPython's cheapest full parse
                 (jpyc: ParseBench.parse)
PAYLOAD_FILE is org.jpyc.bench.PayloadSet's format (Java DataOutputStream: writeUTF version, int
count, then int length + bytes per payload; big-endian).

Measured as JMH measures jpyc: warm-up rounds, then ROUNDS rounds of at least ROUND_SECONDS each,
every round passing over all payloads as many times as fit. Prints one line per measured round: the
MB/s of payload bytes; the runner takes their mean, as JMH does.

The runner starts this with PYTHONHASHSEED=0 and with glibc's malloc told to keep the memory it
frees (MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_): a multi-megabyte result is then not mapped
afresh and page-faulted in on every call, which on some virtual machines costs more than the work
itself. The JVM side runs on a pre-touched heap for the same reason; neither changes what is computed.
"""
import marshal
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


def operation(kind, payloads):
    if kind == "marshal.loads":
        def run():
            for p in payloads:
                marshal.loads(p)
    elif kind == "marshal.dumps":
        objects = [marshal.loads(p) for p in payloads]

        def run():
            for o in objects:
                marshal.dumps(o)
    elif kind == "parse":
        import _symtable
        names = ["bench%d.py" % i for i in range(len(payloads))]

        def run():
            for name, s in zip(names, payloads):
                _symtable.symtable(s, name, "exec")
    else:
        raise SystemExit("unknown kind " + kind)
    return run


def timed_round(run, total, seconds):
    count = 0
    start = time.perf_counter()
    while True:
        run()
        count += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return total * count / elapsed / 1e6


def main():
    kind, path, rounds, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    payloads = read_payloads(path)
    total = sum(len(p) for p in payloads)
    run = operation(kind, payloads)
    for _ in range(2):
        timed_round(run, total, seconds)  # warm-up
    for _ in range(rounds):
        print("%.3f" % timed_round(run, total, seconds), flush=True)


if __name__ == "__main__":
    main()
