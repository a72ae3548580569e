import { execFileSync } from 'child_process';
import * as path from 'path';

/** What the child reads from stdin and prints: marked's GFM tokens of the Markdown it was given, as JSON. */
const LEXER = `
import { marked } from 'marked';
let input = '';
process.stdin.setEncoding('utf-8');
process.stdin.on('data', d => { input += d; });
process.stdin.on('end', () => { process.stdout.write(JSON.stringify(marked.lexer(input, { gfm: true }))); });
`;

/** A token as marked's lexer gives it (the fields the tests read). */
export interface MarkdownToken {
  readonly type: string;
  readonly raw: string;
  readonly text?: string;
  readonly tokens?: MarkdownToken[];
}

/** A GFM table cell: its source text and its inline tokens. */
export interface MarkdownCell {
  readonly text: string;
  readonly tokens: MarkdownToken[];
}

/** A GFM table. */
export interface MarkdownTable extends MarkdownToken {
  readonly type: 'table';
  readonly header: MarkdownCell[];
  readonly rows: MarkdownCell[][];
}

/** The tables among `tokens`. */
export function tablesOf(tokens: MarkdownToken[]): MarkdownTable[] {
  return tokens.filter((t): t is MarkdownTable => t.type === 'table');
}

/**
 * The tokens marked (a CommonMark and GFM parser) reads from `markdown`. marked is an ES module, which jest's
 * CommonJS runtime cannot load, so it runs in a child node process.
 */
export function markdownTokens(markdown: string): MarkdownToken[] {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', LEXER], {
    cwd: path.join(__dirname, '..', '..'),
    input: markdown,
    encoding: 'utf-8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(out);
}
