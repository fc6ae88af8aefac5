package org.jpyc.codegen;

/** {@code COMPILER_SCOPE_*} (Python/compile.c): what kind of code unit is being compiled. */
public enum ScopeType { MODULE, CLASS, FUNCTION, ASYNC_FUNCTION, LAMBDA, COMPREHENSION, TYPEPARAMS }
