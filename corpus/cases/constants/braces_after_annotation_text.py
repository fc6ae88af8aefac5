# jpyc: feature the first annotation made into text (PEP 563) interns the unparser's own strs in 3.10 ('{', '{{', '}', '}}', ast_unparse.c's maybe_init_static_strings), so every '{' and '}' constant of the module is written interned, also those compiled before it
from __future__ import annotations


def emit_block(lines):
    out = ["{"]
    out.extend(lines)
    out.append("}")
    return "".join(out), "{{", "}}"


class Emitter:
    fragments: list[str] = []

    def emit_line(self, line: str) -> None:
        if line.startswith("}"):
            self.fragments.append("}\n")
