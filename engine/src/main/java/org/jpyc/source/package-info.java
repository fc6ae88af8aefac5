/**
 * Python source bytes to tokenizer input, as CPython decodes them: {@link org.jpyc.source.SourceDecoder}
 * (BOM, PEP 263 coding cookie, codecs, universal newlines, NUL bytes, per-version UTF-8 checks) and
 * {@link org.jpyc.source.PyCompileError}, the typed form of every error CPython raises while turning
 * source into an AST.
 */
package org.jpyc.source;
