/**
 * A small ICU-style message formatter: `{name}` placeholders and
 * `{count, plural, =0 {none} one {# case} other {# cases}}` with CLDR plural categories from
 * Intl.PluralRules (Arabic has six). Values are wrapped in Unicode isolates (FSI … PDI) so that a
 * Latin case reference or a number inside Arabic text keeps its own direction.
 */
export type MessageValues = Record<string, string | number>;

const FSI = '\u2068';
const PDI = '\u2069';

interface Ctx {
  locale: string;
  values: MessageValues;
  number: Intl.NumberFormat;
  plural: Intl.PluralRules;
}

/** Index of the brace that closes the one opened at `open`. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces in message: ${s}`);
}

function formatPart(body: string, ctx: Ctx, pound: string | null): string {
  let out = '';
  let i = 0;
  while (i < body.length) {
    const ch = body[i]!;
    if (ch === '{') {
      const end = closing(body, i);
      out += formatArgument(body.slice(i + 1, end), ctx);
      i = end + 1;
    } else if (ch === '#' && pound !== null) {
      out += pound;
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function formatArgument(arg: string, ctx: Ctx): string {
  const comma = arg.indexOf(',');
  if (comma < 0) {
    const name = arg.trim();
    const v = ctx.values[name];
    if (v === undefined) throw new Error(`missing value for {${name}}`);
    return FSI + (typeof v === 'number' ? ctx.number.format(v) : v) + PDI;
  }
  const name = arg.slice(0, comma).trim();
  const rest = arg.slice(comma + 1);
  const comma2 = rest.indexOf(',');
  const kind = rest.slice(0, comma2).trim();
  if (kind !== 'plural') throw new Error(`unsupported argument type ${kind}`);
  const n = Number(ctx.values[name]);
  const options = new Map<string, string>();
  const spec = rest.slice(comma2 + 1);
  let i = 0;
  while (i < spec.length) {
    const open = spec.indexOf('{', i);
    if (open < 0) break;
    const key = spec.slice(i, open).trim();
    const end = closing(spec, open);
    options.set(key, spec.slice(open + 1, end));
    i = end + 1;
  }
  const chosen = options.get(`=${n}`) ?? options.get(ctx.plural.select(n)) ?? options.get('other');
  if (chosen === undefined) throw new Error(`plural without 'other' for ${name}`);
  return formatPart(chosen, ctx, FSI + ctx.number.format(n) + PDI);
}

const cache = new Map<string, { number: Intl.NumberFormat; plural: Intl.PluralRules }>();

export function formatMessage(locale: string, message: string, values: MessageValues = {}): string {
  let f = cache.get(locale);
  if (!f) {
    f = { number: new Intl.NumberFormat(locale), plural: new Intl.PluralRules(locale) };
    cache.set(locale, f);
  }
  return formatPart(message, { locale, values, ...f }, null);
}
