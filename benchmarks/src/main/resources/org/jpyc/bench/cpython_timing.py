"""CPython's own figure for a jpyc benchmark, timed over the same inputs as the JMH benchmark.

Usage: pythonX.Y cpython_timing.py KIND PAYLOAD_FILE ROUNDS ROUND_SECONDS
       pythonX.Y cpython_timing.py KIND PAYLOAD_FILE serve ROUND_SECONDS

KIND is one of
  marshal.loads  marshal.loads(payload) of every payload (jpyc: MarshalBench.load)
  marshal.dumps  marshal.dumps(obj) of every payload's object (jpyc: MarshalBench.dump)
  parse          _symtable.symtable(source, filename, 'exec') of every payload: tokenize, parse to
                 the C AST, build the symbol table, no Python objects; CPython's cheapest full parse
                 (jpyc: ParseBench.parse)
  compile        marshal.dumps(compile(source, filename, 'exec', dont_inherit=True)) of every payload:
                 source bytes to the marshal data of a pyc (jpyc: CompileBench.compile)
  cache.hit      importlib.machinery.SourceFileLoader(name, path).get_code(name) of every payload, a
                 source path (UTF-8) whose timestamp pyc in __pycache__ is valid: stat, read and
                 validate the pyc, marshal.loads (jpyc: CacheBench.hit)
  cache.miss     the same get_code on sources with no pyc, with sys.dont_write_bytecode set: stat,
                 look for the pyc, read and compile the source, and no write (jpyc: CacheBench.recompile,
                 which also writes its pyc)
PAYLOAD_FILE is org.jpyc.bench.PayloadSet's format (Java DataOutputStream: writeUTF version, int
count, then int length + bytes per payload; big-endian).

Measured as JMH measures jpyc: warm-up rounds, then ROUNDS rounds of at least ROUND_SECONDS each,
every round passing over all payloads as many times as fit. Prints one line per measured round: the
MB/s of payload bytes, or for the cache.* kinds the microseconds per file; the runner takes their
mean, as JMH does.

With "serve" in place of ROUNDS, the rounds are paired with jpyc's: after the warm-up rounds it prints
"ready", then times one round for each line "round" it reads on stdin and prints its figure, until
stdin ends (org.jpyc.bench.PairedRounds runs it beside a JMH fork, one round before each measured
iteration).

The runner starts this with PYTHONHASHSEED=0 and with glibc's malloc told to keep the memory it
frees (MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_): a multi-megabyte result is then not mapped
afresh and page-faulted in on every call, which on some virtual machines costs more than the work
itself. The JVM side runs on a pre-touched heap for the same reason; neither changes what is computed.
"""
import importlib.util
import marshal
import os
import struct
import sys
import time
import warnings

# compile() of some sample modules warns (3.12: '"is" with 'int' literal' in a test module): the lines would mix
# with the figures this prints, and printing them every round would time the terminal, not the compiler. jpyc
# prints no SyntaxWarning either.
warnings.simplefilter("ignore")


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
    elif kind == "compile":
        names = ["bench%d.py" % i for i in range(len(payloads))]

        def run():
            for name, s in zip(names, payloads):
                marshal.dumps(compile(s, name, "exec", dont_inherit=True))
    elif kind in ("cache.hit", "cache.miss"):
        from importlib.machinery import SourceFileLoader
        sys.dont_write_bytecode = True
        # the module name is a str, as the import system gives it (3.15's source_to_code passes it to compile())
        files = [(os.path.splitext(os.path.basename(os.fsdecode(p)))[0], os.fsdecode(p)) for p in payloads]
        if kind == "cache.hit":
            for name, path in files:
                if not os.path.exists(importlib.util.cache_from_source(path)):
                    raise SystemExit("no pyc for " + path)
        else:
            for name, path in files:
                if os.path.exists(importlib.util.cache_from_source(path)):
                    raise SystemExit("a pyc exists for " + path)

        def run():
            for name, path in files:
                SourceFileLoader(name, path).get_code(name)
    else:
        raise SystemExit("unknown kind " + kind)
    return run


def per_file(kind):
    """Whether KIND's figure is microseconds per file rather than MB/s."""
    return kind.startswith("cache.")


def timed_round(run, total, seconds, files=None):
    count = 0
    start = time.perf_counter()
    while True:
        run()
        count += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            if files is not None:
                return elapsed / (count * files) * 1e6
            return total * count / elapsed / 1e6


def main():
    kind, path, rounds, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    payloads = read_payloads(path)
    total = sum(len(p) for p in payloads)
    run = operation(kind, payloads)
    files = len(payloads) if per_file(kind) else None
    for _ in range(2):
        timed_round(run, total, seconds, files)  # warm-up
    if rounds == "serve":
        print("ready", flush=True)
        for line in sys.stdin:
            if line.strip() != "round":
                raise SystemExit("unknown request " + repr(line))
            print("%.3f" % timed_round(run, total, seconds, files), flush=True)
        return
    for _ in range(int(rounds)):
        print("%.3f" % timed_round(run, total, seconds, files), flush=True)


if __name__ == "__main__":
    main()
