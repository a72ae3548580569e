import { execFileSync } from 'child_process';
import * as fc from 'fast-check';
import { shellQuote } from '../../src/ci/shell';

/** What bash makes of `word`: the arguments it passes to printf, NUL-separated. */
function bashWords(words: string): string[] {
  const out = execFileSync('bash', ['-c', `printf '%s\\0' ${words}`], { encoding: 'utf-8' });
  return out.split('\0').slice(0, -1);
}

describe('shellQuote', () => {
  test('leaves plain words alone and single-quotes the rest', () => {
    expect(shellQuote('examples/lucid/apps/api/structure-test.yaml')).toBe('examples/lucid/apps/api/structure-test.yaml');
    expect(shellQuote('a b')).toBe('\'a b\'');
    expect(shellQuote('it\'s')).toBe('\'it\'\\\'\'s\'');
    expect(shellQuote('')).toBe('\'\'');
    expect(shellQuote('$HOME')).toBe('\'$HOME\'');
  });

  test('quotes what bash would expand, split or glob, and that bash reads back unchanged', () => {
    const nasty = ['$(id)', '`id`', '${HOME}', 'a;b', 'a|b', 'a&&b', '*', '~', 'a\nb', '"', '\'', '\\', '!x', 'x=$y', '-n', '{a,b}', '#c', ' lead', 'tab\there'];
    expect(bashWords(nasty.map(shellQuote).join(' '))).toEqual(nasty);
  });

  test('round-trips any string without NUL through bash', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'binary' }).filter(s => !s.includes('\0')), { minLength: 1, maxLength: 8 }), words => {
      expect(bashWords(words.map(shellQuote).join(' '))).toEqual(words);
    }), { numRuns: 200 });
  });

  test('rejects a NUL, which no shell word can hold', () => {
    expect(() => shellQuote('a\0b')).toThrow('NUL');
  });
});
