# jpyc: feature try/with/for nested 18 deep (close to the block stack limit of 20)
import contextlib

N = contextlib.nullcontext


def deep():
    for a in range(1):
        try:
            with N():
                for b in range(1):
                    try:
                        with N():
                            while True:
                                try:
                                    with N():
                                        for c in range(1):
                                            try:
                                                with N():
                                                    for d in range(1):
                                                        try:
                                                            with N():
                                                                for e in range(1):
                                                                    try:
                                                                        return a + b + c + d + e
                                                                    finally:
                                                                        pass
                                                        except Exception:
                                                            pass
                                            finally:
                                                pass
                                except Exception:
                                    break
                    except Exception:
                        pass
        finally:
            pass
