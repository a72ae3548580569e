import { IConstruct } from 'constructs';
import { Compliance, Testing } from '../../src';
import { markdownCode, markdownText, undoVisibleEscapes, visibleEscapes } from '../../src/core/markdown';
import { hostileStrings } from '../util/hostile';
import { MarkdownCell, MarkdownTable, markdownTokens, tablesOf as tables } from '../util/markdown';

/** The inline tokens a cell may hold: plain text and backslash escapes (and, for a code cell, one code span). */
const PLAIN = new Set(['text', 'escape']);

/** The text of a table cell as marked reads it, or why it is not plain text. */
function cellText(cell: MarkdownCell, allowed: ReadonlySet<string>): string {
  const bad = cell.tokens.filter(t => !allowed.has(t.type));
  if (bad.length > 0) {
    throw new Error(`cell ${JSON.stringify(cell.text)} holds ${bad.map(t => t.type).join(', ')}`);
  }
  return cell.tokens.map(t => t.text ?? '').join('');
}

function tablesOf(markdown: string): MarkdownTable[] {
  return tables(markdownTokens(markdown));
}

describe('Markdown escaping', () => {
  const strings = hostileStrings(6, 1000, 'abcXYZ019 .-');

  test('every hostile string in a table cell reads back as written, in one cell, as plain text', () => {
    // GIVEN a two-column table with each string in its first column
    const markdown = ['| text | after |', '| --- | --- |', ...strings.map(s => `| ${markdownText(s)} | end |`)].join('\n');

    // WHEN marked reads it
    const [table] = tablesOf(markdown);

    // THEN each row has exactly its two cells, and the first shows exactly the string
    expect(table.rows).toHaveLength(strings.length);
    table.rows.forEach((row, i) => {
      expect(row).toHaveLength(2);
      expect(undoVisibleEscapes(cellText(row[0], PLAIN))).toEqual(strings[i]);
      expect(cellText(row[1], PLAIN)).toEqual('end');
    });
  });

  test('every hostile string in a code span of a table cell reads back as written', () => {
    const markdown = ['| code | after |', '| --- | --- |', ...strings.map(s => `| ${markdownCode(s, true)} | end |`)].join('\n');
    const [table] = tablesOf(markdown);
    expect(table.rows).toHaveLength(strings.length);
    table.rows.forEach((row, i) => {
      expect(row).toHaveLength(2);
      expect(row[0].tokens.map(t => t.type)).toEqual(['codespan']);
      expect(undoVisibleEscapes(cellText(row[0], new Set(['codespan'])))).toEqual(strings[i]);
    });
  });

  test('every hostile string in a heading reads back as written, as plain text', () => {
    const headings = markdownTokens(strings.map(s => `## ${markdownText(s)}\n`).join('\n')).filter(t => t.type !== 'space');
    expect(headings).toHaveLength(strings.length);
    strings.forEach((s, i) => {
      const heading = headings[i];
      expect(heading.type).toEqual('heading');
      expect(heading.tokens!.every(t => PLAIN.has(t.type))).toBe(true);
      expect(undoVisibleEscapes(heading.tokens!.map(t => t.text ?? '').join(''))).toEqual(s);
    });
  });

  test.each([
    ['a line feed', 'one\ntwo', 'one\\ntwo'],
    ['a carriage return', 'one\r\ntwo', 'one\\r\\ntwo'],
    ['NUL and C1 controls', 'a\u0000b\u0085c\u009b', 'a\\u0000b\\u0085c\\u009b'],
    ['a line separator and a BOM', 'a\u2028b\ufeff', 'a\\u2028b\\ufeff'],
    ['a right-to-left override', 'abc\u202edef', 'abc\\u202edef'],
    ['an unpaired surrogate', 'a\ud800b', 'a\\ud800b'],
    ['spaces at the ends', '  a b ', '\\u0020\\u0020a b\\u0020'],
    ['a backslash', 'C:\\n', 'C:\\\\n'],
  ])('show %s visibly', (_what, s, shown) => {
    expect(visibleEscapes(s)).toEqual(shown);
    expect(undoVisibleEscapes(shown)).toEqual(s);
  });

  test('leave plain punctuation alone, so reports stay readable', () => {
    expect(markdownText('runs as 65532:65532 (nonroot), e.g. a/b-c.d')).toEqual('runs as 65532:65532 (nonroot), e.g. a/b-c.d');
    expect(markdownText('**bold** <b>x</b> [a](b) `c` |d| ~~e~~ https://x.test www.x.test a@b.test $x$ &amp;'))
      .toEqual('\\*\\*bold\\*\\* \\<b\\>x\\</b\\> \\[a\\](b) \\`c\\` \\|d\\| \\~\\~e\\~\\~ https\\://x.test www\\.x.test a\\@b.test \\$x\\$ \\&amp;');
  });
});

describe('COMPLIANCE.md', () => {
  test('shows 1,000 hostile suppression reasons exactly as written, each in its own cell, with no markup live', () => {
    // GIVEN an app with one suppression per hostile reason (each long enough to be accepted)
    const app = Testing.app();
    const reasons = hostileStrings(14, 1000, 'abc XYZ 019').map(s => `${s} (lab only)`);
    reasons.forEach((reason, i) => Compliance.suppress(app as unknown as IConstruct, `ACME-R${i}`, reason));

    // WHEN the report is written and read back by a Markdown parser
    const report = Testing.synth(app)['COMPLIANCE.md'];
    const suppressions = tablesOf(report).find(t => t.header.map(h => h.text).join('|') === 'construct|rule|reason|matches a finding')!;

    // THEN each suppression is one row of four cells whose reason cell is exactly the reason lucid-cdk stored
    const stored = app.compliance.suppressions();
    expect(stored).toHaveLength(reasons.length);
    expect(suppressions.rows).toHaveLength(stored.length);
    suppressions.rows.forEach((row, i) => {
      expect(row).toHaveLength(4);
      expect(undoVisibleEscapes(cellText(row[2], PLAIN))).toEqual(stored[i].reason);
      expect(undoVisibleEscapes(cellText(row[1], new Set(['codespan'])))).toEqual(`ACME-R${i}`);
    });
  });
});
