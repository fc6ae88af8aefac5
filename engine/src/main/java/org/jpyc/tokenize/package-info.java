/**
 * CPython's C tokenizer in Java: {@link org.jpyc.tokenize.Tokenizer} turns decoded source into the
 * {@link org.jpyc.tokenize.Token} stream the parser consumes, with CPython's positions (UTF-8 byte
 * columns), limits and error messages; per-version differences are {@code LexerRules}.
 */
package org.jpyc.tokenize;
