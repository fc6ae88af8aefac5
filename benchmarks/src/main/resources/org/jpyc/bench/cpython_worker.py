"""CPython's side of the persistent-worker benchmark (WorkerBench): what rules_python's precompiler worker
does for each Bazel WorkRequest, in one interpreter, serially.

Reads the same JSON WorkRequest lines that `jpyc precompiler --persistent_worker` is sent (one per line on
stdin), takes --src, --src_name, --pyc, --optimize and --invalidation_mode from each request's arguments,
calls py_compile.compile(src, pyc, doraise=True, dfile=src_name, optimize=..., invalidation_mode=...) as
rules_python's worker does, and writes one JSON WorkResponse line per request ({"requestId", "exitCode",
"output"}), flushed, until stdin ends.

It does less than rules_python's worker (no argparse per request, no asyncio task per request), so the
figure it gives CPython is, if anything, faster than that worker would be.
"""

import json
import py_compile
import sys
import traceback


def options(arguments):
    """The values of the request's --name value pairs (those given more than once: the last)."""
    opts = {}
    for i in range(0, len(arguments) - 1, 2):
        opts[arguments[i]] = arguments[i + 1]
    return opts


def main():
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        response = {"requestId": request.get("requestId", 0), "exitCode": 0, "output": ""}
        try:
            opts = options(request["arguments"])
            mode = py_compile.PycInvalidationMode[opts.get("--invalidation_mode", "TIMESTAMP").upper()]
            py_compile.compile(opts["--src"], opts["--pyc"], doraise=True, dfile=opts.get("--src_name"),
                               optimize=int(opts.get("--optimize", "-1")), invalidation_mode=mode)
        except Exception:
            response["exitCode"] = 1
            response["output"] = traceback.format_exc()
        out.write(json.dumps(response) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
