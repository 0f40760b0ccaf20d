import { type FoldedText, foldCharsWithMap } from './char-fold.ts';
import { applyVariants, builtinVariants, type VariantDictionary } from './variants.ts';

export type { FoldedText } from './char-fold.ts';

/**
 * The search key of a text: character folding (char-fold.ts), then the 表記ゆれ dictionary
 * (variants.ts: the built-in one, or a municipality's with its own pairs). The index, the query and
 * the highlighter all fold here with the same dictionary, so 寄附 and 寄付 give one key, and a match
 * in the key maps back to the original text through the offset map. Stored text is never changed.
 */
export function foldWithMap(text: string, dictionary: VariantDictionary = builtinVariants()): FoldedText {
  return applyVariants(foldCharsWithMap(text), dictionary);
}

/** The search key with the built-in dictionary (one parameter: safe to pass to `map`). */
export function fold(text: string): string {
  return foldWithMap(text).text;
}

/** The search key with a municipality's dictionary. */
export function foldWith(text: string, dictionary: VariantDictionary | undefined): string {
  return foldWithMap(text, dictionary).text;
}
