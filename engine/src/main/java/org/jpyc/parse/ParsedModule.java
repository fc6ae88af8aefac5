package org.jpyc.parse;

import java.util.Set;
import org.jpyc.ast.ModNode;

/**
 * What the parser hands the compiler: the module, and every identifier the parser made on the way.
 * CPython's parser interns each identifier as it makes it ({@code _PyPegen_new_identifier},
 * {@code _PyPegen_join_names_with_dot}), before any code object exists, so a constant with the same
 * text later meets an interned str; that includes soft keywords and names read on alternatives that
 * failed, which the tree alone does not show.
 *
 * @param module              the {@code Module} node
 * @param identifiers         every identifier text the parse made (a read-only view)
 * @param importedUnicodedata whether the parse imported {@code unicodedata} (a non-ASCII identifier, a {@code \N{...}}
 *                            escape), whose namespace's names are interned from then on
 */
public record ParsedModule(ModNode module, Set<String> identifiers, boolean importedUnicodedata) {}
