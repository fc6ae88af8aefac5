# jpyc: feature a with inside an if whose else holds a loop, inside try (3.11: which jump keeps the shared return block)
import sys


def print_output(self, diff_lines):
    try:
        if self.output_lock is not None:
            with self.output_lock:
                for line in diff_lines:
                    print(line)
                sys.stdout.flush()
        else:
            for line in diff_lines:
                print(line)
    except UnicodeEncodeError:
        return
