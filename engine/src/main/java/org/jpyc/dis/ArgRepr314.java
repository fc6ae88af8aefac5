package org.jpyc.dis;

import org.jpyc.code.Instruction;

/**
 * 3.14 dis: {@code END_ASYNC_FOR} jumps {@code from} its target, a fourth fast-local pair
 * ({@code LOAD_FAST_BORROW_LOAD_FAST_BORROW}), {@code LOAD_COMMON_CONSTANT},
 * {@code LOAD_SPECIAL}, {@code IS_OP} and {@code CONTAINS_OP}.
 */
class ArgRepr314 extends ArgRepr313 {
    @Override
    String[] pairOps() {
        return new String[] {"LOAD_FAST_LOAD_FAST", "LOAD_FAST_BORROW_LOAD_FAST_BORROW",
            "STORE_FAST_LOAD_FAST", "STORE_FAST_STORE_FAST"};
    }

    @Override
    String jumpPreposition(CodeContext c, int op) {
        return is(c, op, "END_ASYNC_FOR") ? "from" : "to";
    }

    @Override
    String more(CodeContext c, Instruction in, int op, int arg) {
        if (is(c, op, "LOAD_COMMON_CONSTANT")) return listItem(c, in, "common_constants", arg);
        if (is(c, op, "LOAD_SPECIAL")) return listItem(c, in, "special_method_names", arg);
        if (is(c, op, "IS_OP")) return arg != 0 ? "is not" : "is";
        if (is(c, op, "CONTAINS_OP")) return arg != 0 ? "not in" : "in";
        return "";
    }
}
