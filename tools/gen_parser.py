#!/usr/bin/env python3
"""Generate jpyc's PEG parser (package org.jpyc.parse) from CPython's Grammar/python.gram.

Usage (any python3, from the repository root):

    python3 tools/gen_parser.py 3.13        # writes engine/src/main/java/org/jpyc/parse/Parser313.java
    python3 tools/gen_parser.py 3.14        # writes engine/src/main/java/org/jpyc/parse/Parser314.java

Input: tools/grammar/python-3.X.gram and Tokens-3.X (CPython grammar, provenance in tools/grammar/README.md)
and tools/asdl/Python-3.X.asdl (to type the arguments of the AST constructors the actions call).

What it does, the way pegen does it (written from the description in PEP 617 and the comments of
python.gram, no pegen code is used):
  * reads the grammar: rules `name[type] (memo): alt | alt`, items `x`, `n=x`, `n[type]=x`,
    `&x`, `!x`, `&&x`, `~`, `x?`, `[alts]`, `x*`, `x+`, `s.x+`, `(alts)`, 'keyword', "soft_keyword",
    operator strings and TOKEN names, C actions `{ ... }`;
  * finds left-recursive rules (cycles through leftmost positions, skipping nullable items) and,
    in each cycle, the leader that gets the seed-growing loop (pegen picks the alphabetically
    first rule that is on every cycle);
  * emits one Java method per rule (plus synthetic methods for groups, loops and gathers), with
    memoisation exactly where pegen has it: `(memo)` rules and left-recursive leaders;
  * translates each C action by a small C-expression reader and a mapping table: `_PyAST_X(...)`
    -> `new X(...)` with the arguments cast to the ASDL field types of that version and put in the
    order of jpyc's union node classes; `_PyPegen_x(p, ...)` -> `x(...)` (camelCase) helpers in
    PegenHelpers; `RAISE_*` macros -> raise* methods; `CHECK(t, x)` -> `x`; `a->v.Name.id` ->
    `((Name) a).id()`; `EXTRA` -> the rule's start position and the end of the last non-whitespace
    token consumed.
  * `invalid_*` rules are generated too, but only called when the parser runs its second pass
    (`callInvalidRules`), as in CPython.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import gen_ast  # noqa: E402  (the ASDL reader and the Java naming of AST classes)

OUT_DIR = os.path.join(ROOT, "engine", "src", "main", "java", "org", "jpyc", "parse")

# ------------------------------------------------------------------------------------------------
# Grammar reader
# ------------------------------------------------------------------------------------------------

GTOKEN = re.compile(r"""
    (?P<ws>[ \t\r\n]+|\#[^\n]*)
  | (?P<tname>[A-Za-z_][A-Za-z0-9_]*\[[^\]=]*\]=)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<str>'[^']*'|"[^"]*")
  | (?P<action>\{)
  | (?P<op>&&|[:|\[\]()*+?.&!~=])
""", re.X)


class Item:
    """kind: name | string | opt | star | plus | gather | group | pos | neg | forced | cut"""

    def __init__(self, kind, value=None, sub=None, sep=None):
        self.kind, self.value, self.sub, self.sep = kind, value, sub, sep

    def key(self):
        if self.kind in ("name", "string"):
            return self.value
        if self.kind == "group":
            return "(" + " | ".join(a.key() for a in self.value) + ")"
        if self.kind == "opt":
            return "[" + self.sub.key() + "]"
        if self.kind == "gather":
            return self.sep.key() + "." + self.sub.key() + "+"
        if self.kind == "cut":
            return "~"
        return {"star": "%s*", "plus": "%s+", "pos": "&%s", "neg": "!%s", "forced": "&&%s"}[self.kind] % self.sub.key()


class NamedItem:
    def __init__(self, name, item):
        self.name, self.item = name, item


class Alt:
    def __init__(self, items, action):
        self.items, self.action = items, action

    def key(self):
        return " ".join((n.name + "=" if n.name else "") + n.item.key() for n in self.items) + \
            (" {" + self.action + "}" if self.action else "")


class Rule:
    def __init__(self, name, type_, memo, alts):
        self.name, self.type, self.memo, self.alts = name, type_, memo, alts
        self.left_rec = False
        self.leader = False
        self.direct = False     # left-recursive through itself only (a one-rule cycle)


def gram_tokens(text):
    pos, out = 0, []
    while pos < len(text):
        m = GTOKEN.match(text, pos)
        if not m:
            raise SystemExit("grammar: cannot read at %r" % text[pos:pos + 40])
        kind = m.lastgroup
        if kind == "action":
            depth, i = 0, pos
            while True:
                c = text[i]
                if c == '"':
                    i += 1
                    while text[i] != '"':
                        i += 2 if text[i] == "\\" else 1
                elif c == "{":
                    depth += 1
                elif c == "}":
                    depth -= 1
                    if depth == 0:
                        break
                i += 1
            out.append(("action", text[pos + 1:i].strip()))
            pos = i + 1
            continue
        if kind != "ws":
            out.append((kind, m.group(kind)))
        pos = m.end()
    return out


def read_grammar(path):
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"^@\w+ '''.*?'''", "", text, flags=re.S | re.M)
    text = re.sub(r"^@\w+ [^\n]*", "", text, flags=re.M)
    # Split into rules: a rule starts at a line beginning with a name.
    chunks, cur = [], []
    for line in text.split("\n"):
        if re.match(r"[A-Za-z_]", line):
            if cur:
                chunks.append("\n".join(cur))
            cur = [line]
        elif cur:
            cur.append(line)
    if cur:
        chunks.append("\n".join(cur))
    rules = {}
    for ch in chunks:
        m = re.match(r"([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?\s*(\(memo\))?\s*:", ch)
        if not m:
            raise SystemExit("grammar: bad rule header %r" % ch[:60])
        toks = gram_tokens(ch[m.end():])
        alts, i = parse_alts(toks, 0)
        if i != len(toks):
            raise SystemExit("grammar: trailing %r in rule %s" % (toks[i:], m.group(1)))
        rules[m.group(1)] = Rule(m.group(1), (m.group(2) or "")[1:-1], bool(m.group(3)), alts)
    return rules


def parse_alts(toks, i):
    alts = []
    if i < len(toks) and toks[i] == ("op", "|"):
        i += 1
    while True:
        alt, i = parse_alt(toks, i)
        alts.append(alt)
        if i < len(toks) and toks[i] == ("op", "|"):
            i += 1
            continue
        return alts, i


def parse_alt(toks, i):
    items = []
    action = None
    while i < len(toks):
        k, v = toks[i]
        if k == "action":
            action = v
            i += 1
            break
        if (k == "op" and v in "|)]"):
            break
        name = None
        if k == "tname":
            name = v[:v.index("[")]
            i += 1
        elif k == "name" and i + 1 < len(toks) and toks[i + 1] == ("op", "="):
            name = v
            i += 2
        item, i = parse_item(toks, i)
        if name is not None:
            # pegen's dedupe: a name bound again in one alternative (invalid_if_stmt's a='if' a=named_expression)
            # becomes name_1, name_2, ..., so the action's name is the first binding
            taken = {n.name for n in items}
            base, k = name, 0
            while name in taken:
                k += 1
                name = "%s_%d" % (base, k)
        items.append(NamedItem(name, item))
    return Alt(items, action), i


def parse_item(toks, i):
    k, v = toks[i]
    if k == "op" and v in ("&", "!", "&&"):
        sub, i = parse_atom(toks, i + 1)
        return Item({"&": "pos", "!": "neg", "&&": "forced"}[v], sub=sub), i
    if k == "op" and v == "~":
        return Item("cut"), i + 1
    if k == "op" and v == "[":
        alts, i = parse_alts(toks, i + 1)
        assert toks[i] == ("op", "]")
        return Item("opt", sub=group_of(alts)), i + 1
    atom, i = parse_atom(toks, i)
    if i < len(toks) and toks[i][0] == "op":
        op = toks[i][1]
        if op == "?":
            return Item("opt", sub=atom), i + 1
        if op == "*":
            return Item("star", sub=atom), i + 1
        if op == "+":
            return Item("plus", sub=atom), i + 1
        if op == "." and i + 1 < len(toks):
            elem, j = parse_atom(toks, i + 1)
            assert toks[j] == ("op", "+"), toks[j]
            return Item("gather", sub=elem, sep=atom), j + 1
    return atom, i


def group_of(alts):
    if len(alts) == 1 and len(alts[0].items) == 1 and not alts[0].action and not alts[0].items[0].name:
        return alts[0].items[0].item
    return Item("group", value=alts)


def parse_atom(toks, i):
    k, v = toks[i]
    if k == "op" and v == "(":
        alts, i = parse_alts(toks, i + 1)
        assert toks[i] == ("op", ")"), toks[i:i + 3]
        return group_of(alts), i + 1
    if k == "name":
        return Item("name", v), i + 1
    if k == "str":
        return Item("string", v), i + 1
    raise SystemExit("grammar: unexpected %r" % (toks[i:i + 5],))



def second_pass_only(alt):
    """Whether pegen runs this alternative in its second pass only. Its C generator guards an
    alternative with `p->call_invalid_rules` only when the alternative is a single item whose text
    starts with "invalid_" (`invalid_x`, `a=invalid_x`, `invalid_x?`, `invalid_x*`). An alternative
    that calls an invalid_ rule after other items (`'{' invalid_double_starred_kvpairs '}'`) runs in
    the first pass too, as does everything that invalid_ rule calls from there: an error it raises
    then ends the parse."""
    if len(alt.items) != 1:
        return False
    it = alt.items[0].item
    while it.kind in ("opt", "star", "plus"):
        it = it.sub
    return it.kind == "name" and it.value.startswith("invalid_")


# ------------------------------------------------------------------------------------------------
# Analysis: where a left-recursive rule's seed can grow
# ------------------------------------------------------------------------------------------------

def plain_token(it, rules, soft=False):
    """The one token an item reading a single plain token matches: ('T', TOKEN) or ('K', keyword); with
    soft, a soft keyword is ('S', word), a NAME with that text, instead of ('T', 'NAME'). None for any
    other item (a rule, a group, a repetition...)."""
    if it.kind == "name" and it.value not in rules:
        return ("T", "NAME" if it.value == "SOFT_KEYWORD" else it.value)
    if it.kind == "string":
        text = it.value[1:-1]
        if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", text):
            if it.value[0] == "'":
                return ("K", text)
            return ("S", text) if soft else ("T", "NAME")
        return ("T", OPS[text])
    return None


def token_firsts(rules, soft=False):
    """For each rule, the token kinds it can read first: ('T', TOKEN) / ('K', keyword), or None when
    it could match without consuming or raise before (a forced && item). With soft, a soft keyword is
    ('S', word), a NAME with that text, instead of ('T', 'NAME')."""
    first = {name: set() for name in rules}
    ANY = ("ANY",)

    def item(it, out):
        k = it.kind
        tok = plain_token(it, rules, soft)
        if tok is not None:
            out.add(tok)
            return False
        if k == "name":
            out |= first[it.value]
            return False
        if k == "group":
            passes = False
            for a in it.value:
                passes |= alt(a.items, out)
            return passes
        if k in ("opt", "star", "pos", "neg"):
            item(it.sub, out)
            return True
        if k in ("plus", "gather"):
            return item(it.sub, out)
        if k == "cut":
            return True
        out.add(ANY)
        return False

    def alt(items, out):
        for n in items:
            if not item(n.item, out):
                return False
        out.add(ANY)
        return True

    changed = True
    while changed:
        changed = False
        for r in rules.values():
            out = set(first[r.name])
            for a in r.alts:
                alt(a.items, out)
            if out != first[r.name]:
                first[r.name], changed = out, True
    return {k: (None if ANY in v else v) for k, v in first.items()}, alt, ANY


def growth_sets(rules):
    """For a rule left-recursive through itself alone whose first alternative starts with the rule
    itself: the tokens that can follow the seed in its left-recursive alternatives. pegen grows the
    seed by calling the rule body again until it stops advancing; that call's first alternative reads
    the token after the seed, and only a left-recursive alternative can advance, so when that token
    is none of these the next round cannot advance and is skipped (first pass only: the invalid_*
    alternatives of the second pass stay as pegen runs them)."""
    firsts, alt, ANY = token_firsts(rules)
    out = {}
    for r in rules.values():
        if not r.direct or not r.alts:
            continue

        def self_first(a):
            items = [n for n in a.items if n.item.kind not in ("pos", "neg", "cut")]
            return bool(items) and items[0].item.kind == "name" and items[0].item.value == r.name and \
                all(n.item.kind == "cut" for n in a.items[:a.items.index(items[0])])
        if not self_first(r.alts[0]):
            continue
        cont = set()
        ok = True
        for a in r.alts:
            if any(n.item.kind == "name" and n.item.value == r.name for n in a.items) and not self_first(a):
                if not second_pass_only(a):
                    ok = False     # the rule appears elsewhere in a leading position: keep pegen's loop
                continue
            if not self_first(a):
                continue
            if second_pass_only(a):
                continue           # not tried in the first pass
            rest = a.items[a.items.index([n for n in a.items if n.item.kind not in ("pos", "neg", "cut")][0]) + 1:]
            s = set()
            alt(rest, s)
            for n in rest:
                if n.item.kind == "name" and n.item.value in firsts and firsts[n.item.value] is None:
                    s.add(ANY)
                    break
                if n.item.kind not in ("pos", "neg", "cut", "opt", "star"):
                    break
            cont |= s
        if ok and ANY not in cont:
            out[r.name] = cont
    return out


def follow_tokens(rules, first_alt, ANY, items):
    """The tokens that can come right after items[0] in an alternative (items[1] starts with one of them),
    or None when items[1] could match nothing or is a lookahead, cut or option: what a shortcut may test
    to know that the alternative cannot go on after its first call."""
    after = items[1].item
    if after.kind in ("pos", "neg", "cut", "opt", "star", "forced"):
        return None
    if after.kind == "name" and after.value in rules and rules[after.value].nullable:
        return None
    out = set()
    if first_alt(items[1:2], out) or ANY in out or not out:
        return None
    return out


# The expression chain, outermost first: each level's rule reaches the next through an alternative that
# is that next rule alone.
EXPRESSION_CHAIN = ["disjunction", "conjunction", "inversion", "comparison", "bitwise_or", "bitwise_xor",
                    "bitwise_and", "shift_expr", "sum", "term", "factor", "power", "await_primary", "primary"]


class Chain:
    """What expression_chain found: the token sets, memo rules and depth of the chain above its last rule."""

    def __init__(self, prefix, cont, memo, depth, leaders):
        self.prefix, self.cont, self.memo, self.depth, self.leaders = prefix, cont, memo, depth, leaders


def expression_chain(rules, growth):
    """The chain from its first rule (disjunction) down to its last (primary), when the grammar has
    the shape this relies on, else None. In the first pass, at a token that starts no alternative
    of a level other than its call of the next level (no unary 'not', '+', '-', '~', 'await': the
    prefix set), the first call each level makes is the next level's, so the chain's first rule runs
    its last rule at the depth the nested calls would reach; if that succeeds and the token after
    its result continues no level (no 'or', 'and', comparison or binary operator, '**': the cont
    set; for a left-recursive leader its growth set), every level passes that result up unchanged,
    and the memoised levels memoise it at the start token; if it fails, every level fails there.
    The last rule never calls a rule of the levels above at its start position (checked), so the
    memo it reads is the same either way. When the token after the result does continue some level,
    the levels run as written, and find the last rule's result in the memo."""
    names = EXPRESSION_CHAIN
    if any(n not in rules for n in names):
        return None
    firsts, first_alt, ANY = token_firsts(rules)
    prefix, cont, memo, depth, leaders = set(), set(), [], 0, 0
    for i, name in enumerate(names[:-1]):
        r, nxt = rules[name], names[i + 1]
        if r.left_rec and not r.direct:
            return None
        if i > 0:
            depth += 2 if r.leader else 1
        elif r.leader:
            depth += 1
        if r.leader:
            leaders += 1
            if name not in growth:
                return None
            cont |= growth[name]
        if r.memo or r.leader:
            memo.append(name)
        passes = False
        for a in r.alts:
            if Emitter.is_invalid(a):
                continue           # not tried in the first pass
            first = a.items[0].item if a.items else None
            if first is None:
                return None
            if first.kind == "string" or (first.kind == "name" and first.value not in rules):
                s = set()
                first_alt(a.items[:1], s)
                if ANY in s:
                    return None
                prefix |= s
                continue
            if first.kind == "name" and first.value == name and r.leader:
                continue           # the seed: none in the first round
            if first.kind != "name" or first.value != nxt:
                return None
            if len(a.items) == 1:
                if a.action is not None and a.action.strip() != (a.items[0].name or ""):
                    return None
                passes = True
                break
            s = follow_tokens(rules, first_alt, ANY, a.items)
            if s is None:
                return None
            cont |= s
        if not passes:
            return None
    # The last rule (and what it calls at its start) never calls a level above at the start position.
    last, seen, todo = names[-1], set(), [names[-1]]
    while todo:
        v = todo.pop()
        if v in seen:
            continue
        seen.add(v)
        todo.extend(rules[v].called_first)
    if seen & set(names[:-1]):
        return None
    return Chain(prefix, cont, memo, depth, leaders)


# The rule above the chain that most expressions go through: what it adds around the chain's first rule.
EXPRESSION_ENTRY = "expression"


def chain_entry(rules, chain):
    """The expression chain entered one rule higher, at EXPRESSION_ENTRY, when that rule has the shape this
    relies on, else None. In the first pass its alternatives are, in order: some that continue after a call
    of the chain's first rule (the ternary 'if'; in 3.15 through if_expression, a rule whose every
    alternative does so), one that is that call alone, then some that start elsewhere ('lambda': their
    first tokens join the prefix set). So at a token in neither prefix set, the entry's first call of the
    chain's first rule is its chain at the depth it calls it at (one level deeper through if_expression);
    if its last rule fails, so does every alternative; if the token after the result continues no
    alternative and no level, the entry passes the result up too, memoised with the levels. Otherwise
    the alternatives run as written and find the last rule's result in the memo. Returns (prefix, cont,
    depth: the levels the first call of the chain's first rule is below the entry, memoised: the entry's
    memo or not)."""
    target = EXPRESSION_CHAIN[0]
    r = rules.get(EXPRESSION_ENTRY)
    if chain is None or r is None or r.left_rec or r.leader:
        return None
    firsts, first_alt, ANY = token_firsts(rules)

    def continues(a):
        """The tokens that may follow the call of the chain's first rule that starts alternative a, or
        None if a does not start so (or what follows the call may match nothing)."""
        if len(a.items) < 2 or a.items[0].item.kind != "name" or a.items[0].item.value != target:
            return None
        return follow_tokens(rules, first_alt, ANY, a.items)

    prefix, cont, depth, passed = set(), set(), None, False
    for a in r.alts:
        if Emitter.is_invalid(a):
            continue               # not tried in the first pass
        if passed:
            out = set()
            if first_alt(a.items, out) or ANY in out:
                return None
            prefix |= out
            continue
        if not a.items:
            return None
        first = a.items[0].item
        if first.kind == "name" and first.value == target and len(a.items) == 1:
            if a.action is not None and a.action.strip() != (a.items[0].name or ""):
                return None
            passed = True
            depth = depth or 1
            continue
        s = continues(a)
        if s is not None:
            cont |= s
            depth = depth or 1
            continue
        sub = rules.get(first.value) if first.kind == "name" else None
        if sub is None or len(a.items) != 1 or sub.memo or sub.leader or sub.left_rec or \
                (a.action is not None and a.action.strip() != (a.items[0].name or "")):
            return None
        tried = [b for b in sub.alts if not Emitter.is_invalid(b)]
        if not tried:
            return None
        for b in tried:
            t = continues(b)
            if t is None:
                return None
            cont |= t
        depth = depth or 2
    if not passed:
        return None
    return prefix, cont, depth, r.memo


# ------------------------------------------------------------------------------------------------
# Analysis: nullable rules and left recursion
# ------------------------------------------------------------------------------------------------

def analyse(rules):
    nullable = set()
    changed = True

    def item_nullable(it):
        if it.kind in ("opt", "star", "pos", "neg", "cut"):
            return True
        if it.kind == "name":
            return it.value in nullable
        if it.kind == "group":
            return any(all(item_nullable(n.item) for n in a.items) for a in it.value)
        if it.kind in ("plus", "forced"):
            return item_nullable(it.sub)
        return False

    while changed:
        changed = False
        for r in rules.values():
            if r.name not in nullable and any(all(item_nullable(n.item) for n in a.items) for a in r.alts):
                nullable.add(r.name)
                changed = True

    def firsts(alts, out):
        for a in alts:
            for n in a.items:
                it = n.item
                if it.kind in ("pos", "neg", "cut"):
                    continue  # lookaheads consume nothing and do not lead
                item_first(it, out)
                if not item_nullable(it):
                    break

    def item_first(it, out):
        if it.kind == "name" and it.value in rules:
            out.add(it.value)
        elif it.kind == "group":
            firsts(it.value, out)
        elif it.kind in ("opt", "star", "plus", "gather", "forced"):
            item_first(it.sub, out)

    graph = {}
    for r in rules.values():
        s = set()
        firsts(r.alts, s)
        graph[r.name] = s

    # Calls at a rule's start position, lookaheads included: in the first pass (invalid_* alternatives
    # not), read by expression_chain, and in either pass (called_at_start), read by reenters_at_start.
    def called_first(alts, out, second_pass):
        for a in alts:
            if not second_pass and second_pass_only(a):
                continue
            for n in a.items:
                it = n.item
                called_item(it.sub if it.kind in ("pos", "neg") else it, out, second_pass)
                if not item_nullable(it):
                    break

    def called_item(it, out, second_pass):
        if it.kind == "name" and it.value in rules:
            out.add(it.value)
        elif it.kind == "group":
            called_first(it.value, out, second_pass)
        elif it.kind in ("opt", "star", "plus", "gather", "forced", "pos", "neg"):
            called_item(it.sub, out, second_pass)

    for r in rules.values():
        r.called_first = set()
        called_first(r.alts, r.called_first, False)
        r.called_at_start = set()
        called_first(r.alts, r.called_at_start, True)
        r.nullable = r.name in nullable
    # Strongly connected components (Tarjan).
    index, low, stack, on, sccs = {}, {}, [], set(), []
    counter = [0]

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on.discard(w)
                comp.add(w)
                if w == v:
                    break
            sccs.append(comp)

    sys.setrecursionlimit(10000)
    for v in graph:
        if v not in index:
            strong(v)
    for comp in sccs:
        if len(comp) == 1:
            (v,) = comp
            if v in graph[v]:
                rules[v].left_rec = rules[v].leader = True
                rules[v].direct = True
            continue
        for v in comp:
            rules[v].left_rec = True
        # The leader lies on every cycle of the component.
        leaders = set(comp)
        for start in comp:
            for cyc in cycles(graph, comp, start):
                leaders &= set(cyc)
        if not leaders:
            raise SystemExit("left-recursive component without a leader: %s" % sorted(comp))
        rules[min(leaders)].leader = True


def cycles(graph, comp, start):
    out = []

    def walk(v, path):
        for w in sorted(graph[v] & comp):
            if w == start:
                out.append(path[:])
            elif w not in path:
                walk(w, path + [w])

    walk(start, [start])
    return out


# ------------------------------------------------------------------------------------------------
# C action translation
# ------------------------------------------------------------------------------------------------

CTOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<str>"(?:\\.|[^"\\])*")
  | (?P<num>\d+)
  | (?P<id>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>->|==|!=|&&|\|\||<=|>=|[?:(),*.\-+!\[\]<>])
""", re.X)


def c_tokens(s):
    pos, out = 0, []
    while pos < len(s):
        m = CTOKEN.match(s, pos)
        if not m:
            raise SystemExit("action: cannot read %r" % s[pos:])
        if m.lastgroup != "ws":
            out.append((m.lastgroup, m.group(m.lastgroup)))
        pos = m.end()
    out.append(("eof", ""))
    return out


class CParser:
    def __init__(self, text, variables):
        self.t = c_tokens(text)
        self.i = 0
        self.vars = variables

    def peek(self, k=0):
        return self.t[self.i + k]

    def take(self, v=None):
        tok = self.t[self.i]
        if v is not None and tok[1] != v:
            raise SystemExit("action: expected %r, got %r in %r" % (v, tok, self.t))
        self.i += 1
        return tok

    def expr(self):
        c = self.logic_or()
        if self.peek()[1] == "?":
            self.take()
            a = self.expr()
            self.take(":")
            b = self.expr()
            return ("tern", c, a, b)
        return c

    def logic_or(self):
        left = self.logic_and()
        while self.peek()[1] == "||":
            self.take()
            left = ("bin", "||", left, self.logic_and())
        return left

    def logic_and(self):
        left = self.equality()
        while self.peek()[1] == "&&":
            self.take()
            left = ("bin", "&&", left, self.equality())
        return left

    def equality(self):
        left = self.additive()
        while self.peek()[1] in ("==", "!="):
            op = self.take()[1]
            left = ("bin", op, left, self.additive())
        return left

    def additive(self):
        left = self.unary()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            left = ("bin", op, left, self.unary())
        return left

    def unary(self):
        k, v = self.peek()
        if v == "!":
            self.take()
            return ("not", self.unary())
        if v == "-":
            self.take()
            return ("neg", self.unary())
        if v == "(" and self.peek(1)[0] == "id" and self.peek(1)[1] not in self.vars:
            j = 2
            while self.peek(j)[1] == "*":
                j += 1
            if self.peek(j)[1] == ")" and (self.peek(j + 1)[0] in ("id", "num", "str") or self.peek(j + 1)[1] in ("(", "!")):
                type_ = self.peek(1)[1]
                self.i += j + 1
                return ("cast", type_, self.unary())
        return self.postfix()

    def postfix(self):
        e = self.primary()
        while True:
            v = self.peek()[1]
            if v == "(":
                self.take()
                args = []
                if e[0] == "name" and e[1] in ("CHECK", "CHECK_NULL_ALLOWED", "CHECK_VERSION"):
                    type_ = []
                    while self.peek()[1] != ",":
                        type_.append(self.take()[1])
                    args.append(("type", " ".join(type_)))
                    self.take(",")
                if self.peek()[1] != ")":
                    args.append(self.expr())
                    while self.peek()[1] == ",":
                        self.take()
                        args.append(self.expr())
                self.take(")")
                e = ("call", e, args)
            elif v in ("->", "."):
                self.take()
                e = ("member", e, self.take()[1])
            elif v == "[":
                self.take()
                idx = self.expr()
                self.take("]")
                e = ("index", e, idx)
            else:
                return e

    def primary(self):
        k, v = self.take()
        if k == "id":
            return ("name", v)
        if k == "num":
            return ("num", v)
        if k == "str":
            return ("str", v)
        if v == "(":
            e = self.expr()
            self.take(")")
            return e
        raise SystemExit("action: unexpected %r in %r" % (v, self.t))


def camel(name):
    parts = [p for p in name.lower().split("_") if p]
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])


class Translator:
    """C action expressions -> Java expressions (all values are Object in the generated parser)."""

    CONSTS = {"Py_None": "PyConst.NONE", "Py_True": "PyConst.TRUE", "Py_False": "PyConst.FALSE",
              "Py_Ellipsis": "PyConst.ELLIPSIS", "NULL": "null"}
    POS = {"lineno": "lineno", "col_offset": "colOffset", "end_lineno": "endLineno",
           "end_col_offset": "endColOffset"}
    # macros/functions whose first argument is a C type to drop
    TYPED = {"CHECK", "CHECK_NULL_ALLOWED", "PyPegen_last_item", "PyPegen_first_item"}

    def __init__(self, model, asdl):
        self.model = model          # gen_ast.Model: the union classes
        self.asdl = asdl            # {constructor name: [Field]} of this version
        self.simple = {}            # 'Add' -> 'OperatorNode'
        for t in model.types.values():
            if t.simple():
                for c in t.constructors:
                    self.simple[c.name] = model.java_type_name(t.name)
        self.uses_extra = False

    def java(self, e):
        k = e[0]
        if k == "name":
            v = e[1]
            if v in self.CONSTS:
                return self.CONSTS[v]
            if v in self.simple:
                return "%s.%s" % (self.simple[v], v)
            if v.endswith("_kind"):
                return '"%s"' % v[:-5]
            if v.endswith("_TARGETS"):
                return "TargetsType." + v
            if v == "EXTRA":
                raise SystemExit("EXTRA outside a call")
            return v
        if k == "num":
            return v_int(e[1])
        if k == "str":
            return e[1]
        if k == "tern":
            return "(truthy(%s) ? (Object) %s : (Object) %s)" % (self.java(e[1]), self.java(e[2]), self.java(e[3]))
        if k == "bin":
            op, a, b = e[1], self.java(e[2]), self.java(e[3])
            if op == "==":
                return "java.util.Objects.equals(%s, %s)" % (a, b)
            if op == "!=":
                return "!java.util.Objects.equals(%s, %s)" % (a, b)
            if op == "&&":
                return "(truthy(%s) && truthy(%s))" % (a, b)
            if op == "||":
                return "(truthy(%s) || truthy(%s))" % (a, b)
            return "(%s %s %s)" % (a, op, b)
        if k == "not":
            return "!truthy(%s)" % self.java(e[1])
        if k == "neg":
            return "-%s" % self.java(e[1])
        if k == "cast":
            return self.java(e[2])
        if k == "member":
            return self.member(e)
        if k == "index":
            if e[1] == ("member", ("name", "p"), "tokens"):
                return "tokenAt(%s)" % self.java(e[2])
            raise SystemExit("action: cannot index %r" % (e,))
        if k == "call":
            return self.call(e)
        raise SystemExit("action: %r" % (e,))

    def member(self, e):
        # x->v.Kind.field
        if e[1][0] == "member" and e[1][1][0] == "member" and e[1][1][2] == "v":
            obj, kind, field = e[1][1][1], e[1][2], e[2]
            return "((%s) %s).%s()" % (kind, self.java(strip_cast(obj)), gen_ast.member(field))
        obj, field = e[1], e[2]
        if obj == ("name", "p"):
            if field == "mark":
                return "mark"
            if field == "arena":
                return "ARENA"
            if field == "in_raw_rule":
                # 3.10: > 0 while a left-recursive rule grows its seed (see rule_method)
                return "inRawRule"
            raise SystemExit("action: p->%s" % field)
        if field in self.POS:
            return "%s(%s)" % (self.POS[field], self.java(strip_cast(obj)))
        if field == "target":
            # 3.10: PyPegen_last_item(b, comprehension_ty)->target
            return "((Comprehension) %s).target()" % self.java(strip_cast(obj))
        if field == "size":
            return "((java.util.List<?>) %s).size()" % self.java(strip_cast(obj))
        if field in ("kind", "key", "value", "level", "bytes"):
            return "%sOf(%s)" % (field, self.java(strip_cast(obj)))
        raise SystemExit("action: member %r" % (e,))

    def args(self, args):
        out = []
        for a in args:
            if a == ("name", "EXTRA"):
                self.uses_extra = True
                out += ["_startLineno", "_startColOffset", "_endLineno", "_endColOffset"]
            elif a == ("name", "p") or a == ("member", ("name", "p"), "arena"):
                continue
            else:
                out.append(self.java(a))
        return out

    def call(self, e):
        f = e[1]
        if f[0] != "name":
            raise SystemExit("action: call of %r" % (f,))
        name, args = f[1], e[2]
        if name.startswith("_PyAST_"):
            return self.ast_call(name[len("_PyAST_"):], args)
        if name in ("CHECK", "CHECK_NULL_ALLOWED"):
            return self.java(args[1])
        if name == "CHECK_VERSION":
            return "checkVersion(%s, %s, %s)" % (self.java(args[1]), self.java(args[2]), self.java(args[3]))
        if name in ("PyPegen_last_item", "PyPegen_first_item"):
            return "%s(%s)" % ("lastItem" if "last" in name else "firstItem", self.java(args[0]))
        if name == "PyErr_Occurred":
            return "false"
        if name == "PyBytes_AS_STRING":
            return self.java(args[0])
        if name == "RAISE_ERROR_KNOWN_LOCATION":
            a = self.args(args)
            a[0] = '"%s"' % args[1][1][len("PyExc_"):]
            return "raiseErrorKnownLocation(%s)" % ", ".join(a)
        if name.startswith("_PyPegen_"):
            return "%s(%s)" % (camel(name[len("_PyPegen_"):]), ", ".join(self.args(args)))
        if name.startswith("asdl_seq_"):
            return "seq%s(%s)" % (camel(name[len("asdl_seq_"):]).capitalize(), ", ".join(self.args(args)))
        if name.isupper():
            return "%s(%s)" % (camel(name), ", ".join(self.args(args)))
        raise SystemExit("action: unknown function %s" % name)

    def ast_call(self, node, args):
        fields = self.asdl.get(node)
        if fields is None:
            raise SystemExit("action: no ASDL node %s" % node)
        cls, union_fields, located = self.union(node)
        c_args = list(args)
        if located:
            if c_args[-1] == ("name", "EXTRA"):
                pos = "_startLineno, _startColOffset, _endLineno, _endColOffset"
                self.uses_extra = True
                c_args = c_args[:-1]
            else:
                raise SystemExit("action: %s without EXTRA" % node)
        else:
            if c_args and c_args[-1] == ("member", ("name", "p"), "arena"):
                c_args = c_args[:-1]
            pos = None
        if len(c_args) != len(fields):
            raise SystemExit("action: %s takes %d fields, got %d" % (node, len(fields), len(c_args)))
        by_name = dict(zip([f.name for f in fields], c_args))
        out = []
        for uf in union_fields:
            jt = self.model.java_field_type(uf)
            if uf.name not in by_name:
                out.append("0" if jt == "int" else "null")
                continue
            a = by_name[uf.name]
            if a[0] == "name" and a[1] in self.simple:
                out.append(self.java(a))
            elif jt == "int":
                out.append(self.java(a) if a[0] == "num" else "(Integer) %s" % self.java(a))
            elif uf.seq:
                out.append("(%s) (Object) seqOrEmpty(%s)" % (jt, self.java(a)))
            elif a == ("name", "NULL"):
                out.append("null")
            else:
                out.append("(%s) %s" % (jt, self.java(a)))
        if pos:
            out.append(pos)
        return "new %s(%s)" % (cls, ", ".join(out))

    def union(self, node):
        for t in self.model.types.values():
            if t.is_sum:
                for c in t.constructors:
                    if c.name == node:
                        return gen_ast.camel(node, True), c.fields, bool(t.attributes)
            elif t.name == node:
                return self.model.java_type_name(t.name), t.fields, bool(t.attributes)
        raise SystemExit("no union class for " + node)


def strip_cast(e):
    while e[0] == "cast":
        e = e[2]
    return e


def v_int(s):
    return str(int(s))


# ------------------------------------------------------------------------------------------------
# Java emission
# ------------------------------------------------------------------------------------------------

class Emitter:
    def __init__(self, rules, translator, version):
        self.rules = rules
        self.tr = translator
        self.version = version
        self.synthetic = {}        # key -> (method name, kind, item)
        self.synth_order = []
        self.counter = 0
        self.keywords = []
        self.soft_keywords = []
        self.out = []
        self.memo_slots = {}
        self.growth = {}
        self.growth_consts = {}
        self.chain = None
        self.chain_mask = None
        self.entry = None
        self.entry_mask = None
        self.named_sets = {}
        self.unused_results = set()
        self.result_key = {}       # rule or synthetic method name -> its key in unused_results
        self.result_unused = False

    # ---- tokens ----
    def string_call(self, s):
        text = s[1:-1]
        if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", text):
            if s[0] == "'":
                if text not in self.keywords:
                    self.keywords.append(text)
                return "expectKeyword(KW_%s)" % text.upper()
            if text not in self.soft_keywords:
                self.soft_keywords.append(text)
            return 'expectSoftKeyword("%s")' % text
        return "expectToken(TokenType.%s)" % OPS[text]

    def atom_call(self, it):
        """A Java expression of type Object that parses the item (null on failure)."""
        k = it.kind
        if k == "name":
            v = it.value
            if v in self.rules:
                return "%s_rule()" % v
            if v == "NAME":
                return "nameToken()"
            if v == "NUMBER":
                return "numberToken()"
            if v == "STRING":
                return "stringToken()"
            if v == "SOFT_KEYWORD":
                return "softKeywordToken()"
            if v in TOKENS:
                return "expectToken(TokenType.%s)" % v
            raise SystemExit("unknown name " + v)
        if k == "string":
            return self.string_call(it.value)
        if k in ("group", "star", "plus", "gather"):
            return "%s()" % self.synth(it)
        if k == "opt":
            return self.atom_call(it.sub)
        raise SystemExit("atom_call " + k)

    def synth(self, it):
        key = it.key()
        if key in self.synthetic:
            return self.synthetic[key][0]
        prefix = {"group": "_tmp", "star": "_loop0", "plus": "_loop1", "gather": "_gather"}[it.kind]
        name = "%s_%d" % (prefix, self.counter)
        self.result_key[name] = key
        self.counter += 1
        self.synthetic[key] = (name, it)
        self.synth_order.append(key)
        return name

    def accept_call(self, it):
        """For a token item whose token is not kept: a Java boolean expression that matches it
        (acceptToken / acceptKeyword, which make no Token object), else None."""
        call = self.atom_call(it)
        if call == "stringToken()":
            return "acceptToken(TokenType.STRING)"
        m = re.fullmatch(r"expect(Token|Keyword)\((.*)\)", call)
        return "accept%s(%s)" % (m.group(1), m.group(2)) if m else None

    def token_set_item(self, it):
        """For a group, or a rule neither memoised nor left-recursive, whose every alternative is one token
        (one acceptToken/acceptKeyword can match, no action): the constant of that token set, else None.
        In a lookahead, such an item succeeds exactly when the token at the mark is in the set."""
        if it.kind == "group":
            alts = it.value
        elif it.kind == "name" and it.value in self.rules and not self.rules[it.value].memo \
                and not self.rules[it.value].left_rec:
            alts = self.rules[it.value].alts
        else:
            return None
        toks, kws = set(), set()
        for a in alts:
            if a.action or len(a.items) != 1 or a.items[0].item.kind not in ("name", "string"):
                return None
            sub = a.items[0].item
            if self.accept_call(sub) is None:
                return None
            if sub.kind == "name":
                toks.add(sub.value)
            elif sub.value[1:-1] in self.keywords:
                kws.add(sub.value[1:-1])
            else:
                toks.add(OPS[sub.value[1:-1]])
        key = (tuple(sorted(toks)), tuple(sorted(kws)))
        if key not in self.growth_consts:
            self.growth_consts[key] = "FIRST_%d" % len(self.growth_consts)
        return self.growth_consts[key]

    def cond(self, n, unused=()):
        """A Java boolean expression for one named item, binding its variable (not if it is in
        {@code unused}: then a token item only matches)."""
        it = n.item
        var = n.name
        if it.kind == "cut":
            return "(_cut = true)"
        if it.kind in ("pos", "neg"):
            tset = self.token_set_item(it.sub)
            if tset:
                return "lookaheadSet(%s, %s)" % ("true" if it.kind == "pos" else "false", tset)
            sub = self.accept_call(it.sub) or self.atom_call(it.sub)
            return "lookahead(%s, mark, %s)" % ("true" if it.kind == "pos" else "false", sub)
        if var in unused:
            sub = it.sub if it.kind in ("forced", "opt") else it
            acc = self.accept_call(sub) if it.kind != "forced" or sub.kind == "string" else None
            if acc:
                if it.kind == "forced":
                    return "expectForcedToken(%s, %s)" % (acc, java_str(sub.value[1:-1]))
                if it.kind == "opt":
                    return "(%s || true)" % acc
                return acc
        if it.kind == "forced":
            sub = it.sub
            if sub.kind == "string":
                call = "expectForcedToken(%s, %s)" % (self.atom_call(sub), java_str(sub.value[1:-1]))
            else:
                call = "expectForcedResult(%s, %s)" % (self.atom_call(sub), java_str(sub.key()))
            return "(%s = %s) != null" % (var, call) if var else "%s != null" % call
        if it.kind == "opt":
            call = self.atom_call(it.sub)
            test = "((%s = %s) != null || true)" % (var, call) if var else "(%s != null || true)" % call
            guard = self.first_guard(NamedItem(None, it.sub))
            if guard:
                # as for a required item (below): a call its FIRST set rules out would fail at once
                # (skipped() makes its depth check), and an optional item then matches nothing
                return "(%s ? %s : skipped())" % (guard, test)
            return test
        call = self.atom_call(it)
        test = "(%s = %s) != null" % (var, call) if var else "%s != null" % call
        guard = self.first_guard(n)
        if guard:
            # The call cannot succeed unless the token at the mark is one its FIRST set holds; it reads
            # no further token before failing then, nor raises. firstless() makes its depth check.
            return "(%s ? %s : firstless())" % (guard, test)
        return test

    def first_guard(self, n):
        """A Java test guarding a call to a rule or synthetic method item whose FIRST set is known (it
        cannot match without reading one of those tokens, nor raise before), else None: a token set
        constant's canStart, or, when every way in starts with a soft keyword, atSoftKeyword."""
        it = n.item
        if it.kind == "name":
            if it.value not in self.rules:
                return None
        elif it.kind not in ("group", "plus", "gather"):
            return None
        s = set()
        self.first_alt([n], s)
        if self.first_any in s or not s:
            return None
        softs = sorted(t for k, t in s if k == "S")
        if softs and len(softs) == len(s) and len(softs) <= 2:
            # a NAME with one of those texts (expectSoftKeyword's test)
            test = " || ".join("atSoftKeyword(%s)" % java_str(w) for w in softs)
            return test if len(softs) == 1 else "(%s)" % test
        first = self.first_set_const(set(t for k, t in s if k == "T") | ({"NAME"} if softs else set()),
                                     (t for k, t in s if k == "K"))
        second = self.second_token_set(it)
        if second:
            return "canStart2(%s, %s)" % (first, second)
        return "canStart(%s)" % first

    def first_set_const(self, toks, kws):
        """The FIRST_n constant of the set of these token types and keywords (made on first use; its
        keywords join the keyword table)."""
        key = (tuple(sorted(toks)), tuple(sorted(kws)))
        for kw in key[1]:
            if kw not in self.keywords:
                self.keywords.append(kw)
        if key not in self.growth_consts:
            self.growth_consts[key] = "FIRST_%d" % len(self.growth_consts)
        return self.growth_consts[key]

    def second_token_set(self, it):
        """For a call to a rule neither memoised nor left-recursive whose every alternative starts with two
        plain token items (assignment_expression: NAME ':='): the constant of the set its second token is
        in, else None. Such a call reads the token at the mark and, if that one matches, the next one, and
        fails without raising unless the second is in this set; canStart2 tests both (reading the second
        token only where the call would have read it) and the call is not made otherwise."""
        if it.kind != "name" or it.value not in self.rules:
            return None
        r = self.rules[it.value]
        if r.memo or r.left_rec or not r.alts:
            return None
        second = set()
        for a in r.alts:
            if len(a.items) < 2 or a.items[0].item.kind not in ("name", "string") \
                    or a.items[1].item.kind not in ("name", "string"):
                return None
            # (a soft keyword counts as a NAME: a guard built from these is a test the token must pass)
            first, tok = plain_token(a.items[0].item, self.rules), plain_token(a.items[1].item, self.rules)
            if first is None or tok is None:
                return None
            second.add(tok)
        return self.first_set_const((t for k, t in second if k == "T"), (t for k, t in second if k == "K"))

    def alt_vars(self, alt):
        names = []
        for i, n in enumerate(alt.items):
            if n.item.kind in ("pos", "neg", "cut"):
                continue
            if not n.name:
                n.name = "_v%d" % i
            if n.name not in names:
                names.append(n.name)
        return names

    def first_call_key(self, alt, leader):
        """The grammar key of an alternative's first item if it is a call whose result can be kept for a
        later alternative (a rule other than the leader being grown, or a group or loop), else None."""
        if not alt.items:
            return None
        it = alt.items[0].item
        if it.kind == "name":
            if it.value not in self.rules or it.value == leader:
                return None
        elif it.kind not in ("group", "star", "plus", "gather"):
            return None
        return it.key()

    @staticmethod
    def is_invalid(alt):
        return second_pass_only(alt)

    def shared_firsts(self, alts, leader):
        """Alternatives that start with the same call as an earlier one: {alt index: (k, provides)}. The
        first alternative to make the call (one not reserved for the second pass) keeps its result and
        the mark after it in _fk/_fkend; later ones take them instead of calling again. Every rule here is
        a function of the mark and the pass (state that changes meanwhile, the memo of later positions,
        holds results of that same kind), so the call would return the same result, or an equal one;
        it would make its depth check at the level the first call passed it at, and for a memoised rule
        find the first call's result in the memo. pegen makes the call again; the outcome is the same."""
        keys = [self.first_call_key(a, leader) for a in alts]
        out, provider = {}, {}
        for i, (alt, key) in enumerate(zip(alts, keys)):
            if key is None:
                continue
            if key in provider:
                out[i] = (provider[key], False)
            elif not self.is_invalid(alt) and key in keys[i + 1:]:
                provider[key] = len(provider)
                out[i] = (provider[key], True)
        return out

    def object_call(self, n):
        """An item's call as a Java expression of type Object, with its FIRST guard (null if ruled out)."""
        call = self.atom_call(n.item)
        guard = self.first_guard(n)
        return "(%s ? %s : firstlessNull())" % (guard, call) if guard else call

    def emit_alts(self, rule_name, alts, lines, memo_leave, leader=None):
        """Alternatives of a rule body; each success assigns _res and jumps to done. In a left-recursive
        leader's body, an alternative that starts with the leader itself takes the seed the memo holds
        (seededSelf). An alternative that starts with the same call as an earlier one takes that call's
        result (shared_firsts)."""
        shared = self.shared_firsts(alts, leader)
        for k in sorted({k for k, _ in shared.values()}):
            lines.append("        Object _f%d = null;" % k)
            lines.append("        int _f%dend = 0;" % k)
        for i, alt in enumerate(alts):
            names = self.alt_vars(alt)
            invalid = self.is_invalid(alt)
            kept = [n for n in alt.items if n.item.kind not in ("pos", "neg", "cut")]
            # an unnamed item's value is the result only as the alternative's one item without an action,
            # and then only if a caller uses this rule's result (see unused_results)
            single = not alt.action and len(kept) == 1
            matched = single and self.result_unused and kept[0].item.kind in ("name", "string") \
                and self.accept_call(kept[0].item) is not None
            if matched:
                unused = {kept[0].name}
            else:
                unused = set() if single else {n.name for n in kept if n.name.startswith("_v")}
            conds = [self.cond(n, unused) for n in alt.items]
            first = alt.items[0].item if alt.items else None
            if leader and first.kind == "name" and first.value == leader:
                var = alt.items[0].name
                call = "seededSelf(_seed, _seedEnd)"
                conds[0] = "(%s = %s) != null" % (var, call) if var else "%s != null" % call
            if i in shared:
                k, provides = shared[i]
                var = alt.items[0].name
                if provides:
                    conds[0] = "(%s = _f%d = %s) != null && (_f%dend = mark) >= 0" % (var, k, self.object_call(alt.items[0]), k)
                else:
                    conds[0] = "(%s = _f%d) != null && (mark = _f%dend) >= 0" % (var, k, k)
            lines.append("        // %s" % alt.key().replace("\n", " ")[:150])
            lines.append("        {")
            decl = len(lines)   # the declaration of the variables the code below uses, made at the end
            test = "\n                && ".join(conds) if conds else "true"
            if invalid:
                test = "callInvalidRules\n                && " + test
            lines.append("            if (%s) {" % test)
            self.tr.uses_extra = False
            if alt.action:
                vars_ = set(names)
                expr = self.tr.java(CParser(alt.action, vars_).expr())
            elif matched:
                expr = "MATCHED"
            elif len([n for n in alt.items if n.item.kind not in ("pos", "neg", "cut")]) == 1:
                expr = [n.name for n in alt.items if n.item.kind not in ("pos", "neg", "cut")][0]
            else:
                expr = "dummyName()"
            if self.is_string_constant(alt):
                # s=STRING {_PyPegen_constant_from_string(p, s)}: stringConstant() does both, from the
                # token's row (no Token object)
                var = alt.items[0].name
                test = "(%s = stringConstant()) != null" % var
                lines[-1] = "            if (%s) {" % test
                expr = var
            if self.tr.uses_extra:
                lines.append("                int _startLineno = tokLineno(_mark), _startColOffset = tokColOffset(_mark);")
                lines.append("                int _et = lastNonWhitespaceIndex();")
                lines.append("                int _endLineno = tokEndLineno(_et), _endColOffset = tokEndColOffset(_et);")
            lines.append("                _res = %s;" % expr)
            lines.append("                %s" % memo_leave)
            lines.append("            }")
            # (an item matched without keeping its value, as acceptToken does, names no variable)
            code = "\n".join(lines[decl:])
            used = [v for v in names if re.search(r"\b%s\b" % re.escape(v), code)]
            if used:
                lines.insert(decl, "            Object %s;" % ", ".join("%s = null" % v for v in used))
            lines.append("            mark = _mark;")
            if any(n.item.kind == "cut" for n in alt.items):
                lines.append("            if (_cut) { %s }" % memo_leave.replace("_res", "null"))
            lines.append("        }")

    @staticmethod
    def is_string_constant(alt):
        """Whether the alternative is `s=STRING { _PyPegen_constant_from_string(p, s) }`."""
        if len(alt.items) != 1 or not alt.action:
            return False
        n = alt.items[0]
        return n.item.kind == "name" and n.item.value == "STRING" and n.name \
            and re.fullmatch(r"\s*_PyPegen_constant_from_string\(p,\s*%s\)\s*" % n.name, alt.action) is not None

    def rule_method(self, name, alts, memo, leader, uses_extra_hint=True):
        lines = []
        slot = self.memo_slot(name) if (memo or leader) else -1
        body_name = name + "_raw" if leader else name + "_rule"
        if leader:
            lines.append("    Object %s_rule() {" % name)
            lines.append("        enter();")
            lines.append("        try {")
            lines.append("            int _mi = memoLookup(%d);" % slot)
            lines.append("            if (_mi >= 0) return memoResult(_mi);")
            lines.append("            int _mark = mark, _resmark = mark;")
            lines.append("            Object _res = null;")
            # A direct leader's body reads its own memo at the mark only through seededSelf (any other path
            # back to the rule at the same mark would be a longer cycle): the memo need not follow the
            # growth; it gets the final seed, what pegen's memo holds when the loop ends.
            direct = self.rules[name].direct and not reenters_at_start(self.rules, name)
            lines.append("            while (true) {")
            if not direct:
                lines.append("                memoStore(_mark, %d, _res, _resmark);" % slot)
            lines.append("                mark = _mark;")
            if self.counts_raw_rules:
                lines.append("                inRawRule++;")
                lines.append("                Object _raw;")
                lines.append("                try {")
                lines.append("                    _raw = %s(_res, _resmark);" % body_name)
                lines.append("                } finally {")
                lines.append("                    inRawRule--;")
                lines.append("                }")
            else:
                lines.append("                Object _raw = %s(_res, _resmark);" % body_name)
            lines.append("                if (_raw == null || mark <= _resmark) break;")
            lines.append("                _resmark = mark;")
            lines.append("                _res = _raw;")
            grow = self.growth_guard(name)
            if grow and direct:
                lines.append("                if (!callInvalidRules && !canStart(%s)) break;" % grow)
            elif grow:
                lines.append("                if (!callInvalidRules && !canStart(%s)) {" % grow)
                lines.append("                    memoStore(_mark, %d, _res, _resmark);" % slot)
                lines.append("                    break;")
                lines.append("                }")
            lines.append("            }")
            if direct:
                lines.append("            memoStore(_mark, %d, _res, _resmark);" % slot)
            lines.append("            mark = _resmark;")
            lines.append("            return _res;")
            lines.append("        } finally {")
            lines.append("            leave();")
            lines.append("        }")
            lines.append("    }")
            lines.append("")
        if leader:
            # _seed, _seedEnd: what the memo holds for this rule at the mark while the body runs (the
            # leader stored it just before): the seed so far and the mark after it, or null in the first
            # round. An alternative that starts with the rule itself would call it and find exactly
            # that; seededSelf() returns it instead, with the depth check the call would make.
            lines.append("    private Object %s(Object _seed, int _seedEnd) {" % body_name)
        else:
            lines.append("    Object %s() {" % body_name)
        lines.append("        enter();")
        if memo and not leader:
            lines.append("        int _mi = memoLookup(%d);" % slot)
            lines.append("        if (_mi >= 0) { leave(); return memoResult(_mi); }")
        if self.chain is not None and name == EXPRESSION_CHAIN[0] and not leader:
            lines += self.chain_shortcut()
        if self.entry is not None and name == EXPRESSION_ENTRY and not leader:
            lines += self.entry_shortcut()
        lines.append("        int _mark = mark;")
        lines.append("        Object _res = null;")
        if any(n.item.kind == "cut" for a in alts for n in a.items):
            lines.append("        boolean _cut = false;")
        # pegen reads the start token's position here (filling it); it is needed only when an action
        # uses EXTRA, so it is read then, from the same token.
        lines.append("        ensureToken();")
        if memo and not leader:
            leave = "leave(); memoStore(_mark, %d, _res, mark); return _res;" % slot
        else:
            leave = "leave(); return _res;"
        self.result_unused = self.result_key.get(name) in self.unused_results and not leader
        self.emit_alts(name, alts, lines, leave, name if leader else None)
        self.result_unused = False
        if memo and not leader:
            lines.append("        leave(); memoFail(_mark, %d);" % slot)
        else:
            lines.append("        leave();")
        lines.append("        return null;")
        lines.append("    }")
        lines.append("")
        return lines

    def token_set_const(self, s, name):
        """The constant of a token set, made under this name if no constant holds that set yet."""
        toks = tuple(sorted(t for k, t in s if k == "T"))
        kws = tuple(sorted(t for k, t in s if k == "K"))
        self.named_sets[name] = (toks, kws)    # (its keywords are the grammar's: numbered by then)
        return name

    def chain_shortcut(self):
        """The expression chain's levels in one step (see expression_chain)."""
        c = self.chain
        self.chain_mask = " | ".join("(1L << %d)" % self.memo_slot(n) for n in c.memo)
        prefix = self.token_set_const(c.prefix, "CHAIN_PREFIX")
        cont = self.token_set_const(c.cont, "CHAIN_CONT")
        last = EXPRESSION_CHAIN[-1]
        out = []
        out.append("        // The levels down to %s at once (expression_chain in tools/gen_parser.py): at a token" % last)
        out.append("        // that starts no unary level, %s runs at the depth they would call it at; if the token" % last)
        out.append("        // after its result continues no level, each level passes it up (memoised ones memoise it).")
        return out + self.shortcut_lines(prefix, cont, "CHAIN_MEMO", c.depth)

    def entry_shortcut(self):
        """The expression chain entered from EXPRESSION_ENTRY (see chain_entry)."""
        c = self.chain
        prefix, cont, depth, memo = self.entry
        names = ([EXPRESSION_ENTRY] if memo else []) + c.memo
        self.entry_mask = " | ".join("(1L << %d)" % self.memo_slot(n) for n in names)
        prefix = self.token_set_const(prefix | c.prefix, "ENTRY_PREFIX")
        cont = self.token_set_const(cont | c.cont, "ENTRY_CONT")
        out = []
        out.append("        // The expression chain entered here (chain_entry in tools/gen_parser.py): as %s's shortcut," % EXPRESSION_CHAIN[0])
        out.append("        // with this rule's first tokens of other alternatives ('lambda') and continuations ('if').")
        return out + self.shortcut_lines(prefix, cont, "ENTRY_MEMO", depth + c.depth)

    def shortcut_lines(self, prefix, cont, memo, depth):
        """The chain's last rule run at the depth the levels would call it at, its result passed up."""
        c = self.chain
        last = EXPRESSION_CHAIN[-1]
        out = []
        out.append("        if (!callInvalidRules && !canStart(%s) && memoUnknown(%s) && level + %d < depthLimit) {" % (prefix, memo, depth))
        out.append("            int _m = mark;")
        out.append("            level += %d;" % depth)
        if self.counts_raw_rules and c.leaders:
            out.append("            inRawRule += %d;" % c.leaders)
        out.append("            Object _r = %s_rule();" % last)
        if self.counts_raw_rules and c.leaders:
            out.append("            inRawRule -= %d;" % c.leaders)
        out.append("            level -= %d;" % depth)
        out.append("            if (_r == null) {")
        out.append("                memoFailAll(_m, %s);" % memo)
        out.append("                leave();")
        out.append("                return null;")
        out.append("            }")
        out.append("            if (!canStart(%s)) {" % cont)
        out.append("                memoStoreAll(_m, %s, _r, mark);" % memo)
        out.append("                leave();")
        out.append("                return _r;")
        out.append("            }")
        out.append("            mark = _m;")
        out.append("        }")
        return out

    def growth_guard(self, name):
        cont = self.growth.get(name)
        if cont is None:
            return None
        toks = sorted(t for k, t in cont if k == "T")
        kws = sorted(t for k, t in cont if k == "K")
        for kw in kws:
            if kw not in self.keywords:
                self.keywords.append(kw)
        key = (tuple(toks), tuple(kws))
        if key not in self.growth_consts:
            self.growth_consts[key] = "GROWS_%s" % name.upper()
        return self.growth_consts[key]

    def memo_slot(self, name):
        """Memoised rules (pegen's (memo) rules and left-recursive leaders) get dense slot numbers: the
        runtime keeps one memo cell per (token, slot)."""
        if name not in self.memo_slots:
            self.memo_slots[name] = len(self.memo_slots)
        return self.memo_slots[name]

    def loop_method(self, name, it):
        lines = []
        if it.kind in ("star", "plus"):
            call = self.cond(NamedItem("_e", it.sub))
            lines.append("    private Object %s() {" % name)
            lines.append("        enter();")
            # the list made at the first item, of a size most loops stay within (no ArrayList.grow call
            # at its first add, no list for a loop that matches nothing)
            lines.append("        java.util.ArrayList<Object> _seq = null;")
            lines.append("        int _mark = mark;")
            lines.append("        Object _e = null;")
            lines.append("        while (%s) {" % call)
            lines.append("            if (_seq == null) _seq = new java.util.ArrayList<>(4);")
            lines.append("            _seq.add(_e);")
            lines.append("            _mark = mark;")
            lines.append("        }")
            lines.append("        mark = _mark;")
            lines.append("        leave();")
            if it.kind == "plus":
                lines.append("        return _seq;")
            else:
                lines.append("        return _seq != null ? _seq : new java.util.ArrayList<>();")
            lines.append("    }")
        elif it.kind == "gather":
            first = self.cond(NamedItem("_e", it.sub))
            sep = self.cond(NamedItem(None, it.sep), {None})
            lines.append("    private Object %s() {" % name)
            lines.append("        enter();")
            lines.append("        int _start = mark;")
            lines.append("        Object _e = null;")
            lines.append("        if (!(%s)) { mark = _start; leave(); return null; }" % first)
            lines.append("        java.util.ArrayList<Object> _seq = new java.util.ArrayList<>(4);")
            lines.append("        _seq.add(_e);")
            lines.append("        int _mark = mark;")
            lines.append("        while (%s && %s) {" % (sep, first))
            lines.append("            _seq.add(_e);")
            lines.append("            _mark = mark;")
            lines.append("        }")
            lines.append("        mark = _mark;")
            lines.append("        leave();")
            lines.append("        return _seq;")
            lines.append("    }")
        else:
            return self.rule_method(name, it.value, False, False)[:-1] + [""] if False else \
                [l.replace("    Object %s() {" % (name + "_rule"), "    private Object %s() {" % name)
                 for l in self.rule_method(name, it.value, False, False)]
        lines.append("")
        return lines


def reenters_at_start(rules, leader):
    """Whether a rule the leader calls at its start position (lookaheads and invalid_* alternatives
    included, its direct call to itself not) can call the leader at that same position."""
    first = set(rules[leader].called_at_start)
    first.discard(leader)
    seen, todo = set(), list(first)
    while todo:
        r = todo.pop()
        if r == leader:
            return True
        if r in seen:
            continue
        seen.add(r)
        todo.extend(rules[r].called_at_start)
    return False


def unused_results(rules):
    """The rules and groups (by key) whose result no caller keeps: every reference to them is a lookahead
    or an unnamed item of an alternative whose result is an action's or dummyName(). Their alternatives
    that are one token without an action match it (acceptToken) and return MATCHED instead of the token,
    which is then never made as an object (pegen returns the token; nothing reads it)."""
    used, seen = set(), set()

    def ref(it, keep):
        k = it.kind
        if k == "name":
            if it.value in rules:
                (used if keep else seen).add(it.value)
        elif k == "group":
            (used if keep else seen).add(it.key())
            alts(it.value)
        elif k in ("opt", "forced"):
            ref(it.sub, keep)
        elif k in ("pos", "neg"):
            ref(it.sub, False)
        elif k in ("star", "plus", "gather"):
            ref(it.sub, True)
            if it.sep is not None:
                ref(it.sep, True)

    def alts(alternatives):
        for alt in alternatives:
            kept = [n for n in alt.items if n.item.kind not in ("pos", "neg", "cut")]
            single = not alt.action and len(kept) == 1
            for n in alt.items:
                auto = n.name is None or n.name.startswith("_v")
                ref(n.item, single or not auto or n.item.kind not in ("name", "group", "opt", "forced", "string"))

    for r in rules.values():
        alts(r.alts)
    return seen - used


OPS = {}
TOKENS = set()


def load_tokens(path):
    for line in open(path, encoding="utf-8"):
        line = line.split("#")[0].strip()
        if not line:
            continue
        parts = line.split()
        TOKENS.add(parts[0])
        if len(parts) > 1:
            OPS[parts[1].strip("'")] = parts[0]


def java_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(version):
    minor = int(version.split(".")[1])
    rules = read_grammar(os.path.join(ROOT, "tools", "grammar", "python-%s.gram" % version))
    load_tokens(os.path.join(ROOT, "tools", "grammar", "Tokens-%s" % version))
    analyse(rules)
    model = gen_ast.Model(gen_ast.load_versions())
    asdl = {}
    for t in gen_ast.parse_asdl(os.path.join(ROOT, "tools", "asdl", "Python-%s.asdl" % version)):
        if t.is_sum:
            for c in t.constructors:
                asdl[c.name] = c.fields
        else:
            asdl[t.name] = t.fields
    tr = Translator(model, asdl)
    em = Emitter(rules, tr, version)
    em.growth = growth_sets(rules)
    em.firsts, em.first_alt, em.first_any = token_firsts(rules, soft=True)
    # 3.10's actions read p->in_raw_rule, which pegen then counted around each seed-growing call.
    em.counts_raw_rules = "in_raw_rule" in open(os.path.join(ROOT, "tools", "grammar", "python-%s.gram" % version)).read()
    em.unused_results = unused_results(rules)
    em.result_key.update({r.name: r.name for r in rules.values()})
    em.chain = expression_chain(rules, em.growth)
    if em.chain is None:
        raise SystemExit("the expression chain %s does not have the expected shape" % " > ".join(EXPRESSION_CHAIN))
    em.entry = chain_entry(rules, em.chain)
    if em.entry is None:
        raise SystemExit("%s does not have the expected shape around %s" % (EXPRESSION_ENTRY, EXPRESSION_CHAIN[0]))
    body = []
    for r in rules.values():
        if r.memo or r.leader:
            em.memo_slot(r.name)
    for r in rules.values():
        body.append("    // %s%s%s%s" % (r.name, "[%s]" % r.type if r.type else "",
                                           " (memo)" if r.memo else "", " (left-recursive leader)" if r.leader else ""))
        if r.name.endswith("_without_invalid"):
            # pegen runs these with the invalid_* rules off (the memo does not know about it).
            body.append("    Object %s_rule() {" % r.name)
            body.append("        boolean _prev = callInvalidRules;")
            body.append("        callInvalidRules = false;")
            body.append("        try {")
            body.append("            return %s_body();" % r.name)
            body.append("        } finally {")
            body.append("            callInvalidRules = _prev;")
            body.append("        }")
            body.append("    }")
            body.append("")
            body += [l.replace("    Object %s_rule() {" % r.name, "    private Object %s_body() {" % r.name)
                     for l in em.rule_method(r.name, r.alts, r.memo, r.leader)]
            continue
        body += em.rule_method(r.name, r.alts, r.memo, r.leader)
    done = 0
    while done < len(em.synth_order):
        key = em.synth_order[done]
        name, it = em.synthetic[key]
        body.append("    // %s" % key.replace("\n", " ")[:150])
        body += em.loop_method(name, it)
        done += 1
    cls = "Parser3%d" % minor
    head = []
    head.append("// GENERATED by tools/gen_parser.py from tools/grammar/python-%s.gram. Do not edit." % version)
    head.append("// Regenerate with: python3 tools/gen_parser.py %s" % version)
    head.append("package org.jpyc.parse;")
    head.append("")
    head.append("import org.jpyc.ast.*;")
    head.append("import org.jpyc.object.PyConst;")
    head.append("import org.jpyc.object.PyObject;")
    head.append("import org.jpyc.source.DecodedSource;")
    head.append("import org.jpyc.tokenize.Token;")
    head.append("import org.jpyc.tokenize.TokenType;")
    head.append("import org.jpyc.version.PyVersion;")
    head.append("")
    head.append("/** The PEG parser of CPython %s's python.gram: one method per rule (see tools/gen_parser.py). */" % version)
    head.append('@SuppressWarnings({"unchecked", "unused"})')
    head.append("final class %s extends PegenHelpers {" % cls)
    for i, kw in enumerate(em.keywords):
        head.append("    static final int KW_%s = %d;" % (kw.upper(), i))
    head.append("    static final String[] KEYWORDS = {%s};" % ", ".join(java_str(k) for k in em.keywords))
    head.append("    static final String[] SOFT_KEYWORDS = {%s};" % ", ".join(java_str(k) for k in em.soft_keywords))
    head.append("")
    if em.growth_consts:
        head.append("    // Token sets: GROWS_x, the tokens after which a left-recursive rule's seed can grow (growth_sets in")
        head.append("    // the generator); FIRST_n, the tokens a guarded call can start with (first_guard).")
        for (toks, kws), cname in em.growth_consts.items():
            head.append("    private static final long[] %s = tokenSet(new TokenType[] {%s}, new int[] {%s});" % (
                cname, ", ".join("TokenType." + t for t in toks), ", ".join("KW_" + k.upper() for k in kws)))
        head.append("")
    if em.named_sets:
        head.append("    // The tokens that start a unary level of the expression chain (CHAIN_PREFIX), and those that")
        head.append("    // continue a level after an operand (CHAIN_CONT): see expression_chain in the generator.")
        for cname, (toks, kws) in em.named_sets.items():
            if any(k not in em.keywords for k in kws):
                raise SystemExit("%s: a keyword the grammar does not use" % cname)
            head.append("    private static final long[] %s = tokenSet(new TokenType[] {%s}, new int[] {%s});" % (
                cname, ", ".join("TokenType." + t for t in toks), ", ".join("KW_" + k.upper() for k in kws)))
        head.append("")
    head.append("    /** Memoised rules, each a slot of the memo of every token position. */")
    head.append("    static final int MEMO_SLOTS = %d;" % len(em.memo_slots))
    if em.chain_mask:
        head.append("    /** The memo slots of the expression chain's levels above %s. */" % EXPRESSION_CHAIN[-1])
        head.append("    private static final long CHAIN_MEMO = %s;" % em.chain_mask)
    if em.entry_mask:
        head.append("    /** CHAIN_MEMO with %s's slot. */" % EXPRESSION_ENTRY)
        head.append("    private static final long ENTRY_MEMO = %s;" % em.entry_mask)
    head.append("")
    head.append("    %s(DecodedSource source, PyVersion version) {" % cls)
    head.append("        super(source, version, KEYWORDS, SOFT_KEYWORDS, MEMO_SLOTS);")
    head.append("    }")
    head.append("")
    head.append("    @Override")
    head.append("    Object startRule(StartRule start) {")
    head.append("        return switch (start) {")
    head.append("            case FILE -> file_rule();")
    head.append("            case EVAL -> eval_rule();")
    head.append("            case INTERACTIVE -> interactive_rule();")
    head.append("            case FUNC_TYPE -> func_type_rule();")
    head.append("        };")
    head.append("    }")
    head.append("")
    fs = rules.get("fstring")
    if fs is not None and fs.type == "expr_ty" and "FSTRING_START" not in open(os.path.join(ROOT, "tools", "grammar", "python-%s.gram" % version)).read():
        # Before 3.12 (PEP 701) an f-string is one STRING token; each {expression} is parsed by a
        # second parser whose start rule is `fstring: star_expressions` (string_parser.c).
        head.append("    @Override")
        head.append("    Object fstringExpressionRule() {")
        head.append("        return fstring_rule();")
        head.append("    }")
        head.append("")
    text = "\n".join(head + body).rstrip() + "\n}\n"
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(os.path.join(OUT_DIR, cls + ".java"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    print("wrote %s: %d rules, %d synthetic, %d keywords, leaders %s" % (
        cls, len(rules), len(em.synthetic), len(em.keywords),
        sorted(r.name for r in rules.values() if r.leader)))


if __name__ == "__main__":
    for v in sys.argv[1:] or ["3.13"]:
        generate(v)
