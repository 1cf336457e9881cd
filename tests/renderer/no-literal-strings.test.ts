/**
 * "No user-visible string outside the message catalogues" (issue 4), enforced on the source:
 * every .tsx file of the renderer is parsed with the TypeScript compiler and any JSX text, or
 * string literal in a user-visible attribute, that holds a letter fails the test with its place.
 * Symbols (×, —, …) and record data (which comes from expressions) are fine.
 */
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '../../src-renderer');
const VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'aria-roledescription',
  'title',
  'placeholder',
  'alt',
  'label',
  'hint',
  'error',
]);
const LETTER = /\p{L}/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? tsxFiles(join(dir, d.name)) : d.name.endsWith('.tsx') ? [join(dir, d.name)] : [],
  );
}

/** Literal user-visible strings in one source text, as "line:col text". */
export function findLiterals(fileName: string, source: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (n: ts.Node) => {
    const { line, character } = sf.getLineAndCharacterOfPosition(n.getStart(sf));
    return `${line + 1}:${character + 1}`;
  };
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n) && LETTER.test(n.text)) found.push(`${where(n)} ${JSON.stringify(n.text.trim())}`);
    if (ts.isJsxAttribute(n) && VISIBLE_ATTRIBUTES.has(n.name.getText(sf)) && n.initializer) {
      const init = n.initializer;
      const literal = ts.isStringLiteral(init)
        ? init
        : ts.isJsxExpression(init) &&
            init.expression &&
            (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression))
          ? init.expression
          : undefined;
      if (literal && LETTER.test(literal.text))
        found.push(`${where(n)} ${n.name.getText(sf)}=${JSON.stringify(literal.text)}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

describe('no literal user-visible strings in the renderer', () => {
  it('finds literals in a sample (the check can fail)', () => {
    const sample = `export const A = () => <div title="Hello"><p>Cases</p><span aria-label={'Close'}>{t('x')}</span><b>×</b></div>;`;
    expect(findLiterals('sample.tsx', sample)).toEqual([
      '1:29 title="Hello"',
      '1:46 "Cases"',
      '1:61 aria-label="Close"',
    ]);
  });

  const files = tsxFiles(ROOT);
  it('has renderer sources to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  for (const file of files) {
    it(relative(ROOT, file), () => {
      expect(findLiterals(file, readFileSync(file, 'utf8'))).toEqual([]);
    });
  }
});
