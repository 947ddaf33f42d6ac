// Text PostgreSQL cannot store in a text column: the NUL character and lone UTF-16 surrogates.

// A lone surrogate: a high one not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- the NUL byte is exactly what is looked for
const NUL = /\u0000/g;

/** Whether a string holds a character PostgreSQL cannot store in a text column. */
export function hasForbiddenCharacters(text: string): boolean {
  NUL.lastIndex = 0;
  LONE_SURROGATE.lastIndex = 0;
  return NUL.test(text) || LONE_SURROGATE.test(text);
}

/** The text of an uploaded file made storable: NUL bytes dropped, lone surrogates replaced by U+FFFD. */
export function storableText(text: string): string {
  return text.replace(NUL, '').replace(LONE_SURROGATE, '\uFFFD');
}
