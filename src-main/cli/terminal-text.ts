/**
 * Text that came from outside — a partner's contact card (name, organisation), a bundle's
 * purpose, received case titles and people's names, a file name, an error message quoting any
 * of them — shown on a terminal. What a terminal would act on, or what would make the line
 * read other than it is, is neutralised:
 *
 *   - C0 controls (ESC sequences could rewrite the screen or hide a line; CR returns to the
 *     start of the line), DEL and the C1 controls (U+0080–U+009F: CSI, NEL, …) become spaces;
 *   - line breaks become spaces as well (terminalSafe: one line, so that a value cannot start
 *     a line of its own such as "sender key: VERIFIED"); terminalText keeps \n and \t for
 *     multi-line bodies, which printRecord then indents under their label;
 *   - the line and paragraph separators U+2028/U+2029 become spaces;
 *   - bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and every other
 *     invisible format character (Unicode category Cf: U+200B–U+200D, U+2060, U+FEFF, U+00AD,
 *     tag characters, …) become U+FFFD "�", visibly: a right-to-left override could make
 *     "txt.exe" read "exe.txt", or reorder a line to say what it does not;
 *   - a lone surrogate (not text) becomes U+FFFD too.
 *
 * Letters of every script are kept as they are: Arabic, Hebrew, Persian text prints (the
 * terminal lays it out right to left by itself); what goes is only the invisible controls
 * that could steer that layout.
 */

/** C0 controls except \t and \n, DEL, C1 controls. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** line breaks and tabs (terminalSafe only) */
const BREAKS = /[\t\n\u2028\u2029]/g;
/** the separators alone (terminalText: \n and \t stay) */
const SEPARATORS = /[\u2028\u2029]/g;
/** bidi controls and every other invisible format character, and lone surrogates */
const INVISIBLE = /[\p{Cf}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

const REPLACEMENT = '\uFFFD';

/** One line of outside text for a terminal (see the rules above). */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, ' ').replace(BREAKS, ' ').replace(INVISIBLE, REPLACEMENT);
}

/** What terminalEscaped writes as an escape: every control, separator, format character, lone surrogate. */
const ESCAPED =
  /[\u0000-\u001F\u007F-\u009F\u2028\u2029]|\p{Cf}|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/**
 * One line for an error message that may echo what the user typed (an id, a file name, an
 * option value): what terminalSafe would blank out is written as a visible escape instead —
 * \n, \r, \t, \e for ESC, \xHH for other C0 and C1 controls, \uHHHH for separators, bidi
 * and other format characters and lone surrogates — so the line stays one line, nothing in it
 * acts on the terminal, and the user sees exactly which character was wrong.
 */
export function terminalEscaped(text: string): string {
  return text.replace(ESCAPED, (c) => {
    const short = SHORT_ESCAPES[c];
    if (short) return short;
    const code = c.codePointAt(0)!;
    if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
    let out = '';
    for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
  });
}

/** Outside text for a terminal that may span lines (\n and \t kept; the caller indents). */
export function terminalText(text: string): string {
  return text.replace(CONTROL, ' ').replace(SEPARATORS, ' ').replace(INVISIBLE, REPLACEMENT);
}

/**
 * The last line of defence on everything the CLI prints (Output.print and note): bidi and
 * other format characters, separators and C1 controls never reach the terminal, whatever a
 * command forgot. C0 controls are left: the CLI's own output uses \n, \t, \r\n (CSV) and the
 * ESC sequences of bold search matches; outside text has lost them already (terminalSafe).
 */
export function neutraliseInvisible(text: string): string {
  return text
    .replace(/[\u0080-\u009F]/g, ' ')
    .replace(SEPARATORS, ' ')
    .replace(INVISIBLE, REPLACEMENT);
}

/**
 * JSON output (--json) with the same characters written as \u escapes: the same JSON value,
 * but nothing in it that a terminal or a pager showing it would act on. They can only occur
 * inside strings, where an escape means the same.
 */
export function escapeInvisibleInJson(json: string): string {
  return json.replace(/[\u0080-\u009F\u2028\u2029]|\p{Cf}/gu, (c) => {
    let out = '';
    for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
  });
}
