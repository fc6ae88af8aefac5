/**
 * The AST optimizer of CPython 3.13 ({@code Python/ast_opt.c}): {@link org.jpyc.astopt.AstOptimizer}
 * folds constant expressions in place before the symbol table is built. The walk ({@code AstFold}),
 * the node rewrites ({@code Folds}, {@code FormatFold}) and the evaluation of Python operations on
 * constants ({@code ConstantOps}, {@code IntOps}, {@code FloatOps}, {@code ComplexOps}, with the size
 * guards of {@code SafeOps} and the C math library of {@code LibM}) are separate classes.
 */
package org.jpyc.astopt;
