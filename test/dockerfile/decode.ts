/**
 * Test helper: parses rendered Dockerfile text with the real `dockerfile-ast` parser and decodes every value the
 * way BuildKit does (see buildkit-words.ts), so tests can compare what comes out with what was put in.
 *
 * What dockerfile-ast gives and what we take from it:
 * - instructions, their keywords, flags (`Flag.getName/getValue`) and the raw argument text
 *   (`getRawArgumentsContent()`), which already has the flags removed;
 * - for ENV/LABEL/ARG, the `Property` name and value *ranges*. `Property.getValue()` applies dockerfile-ast's
 *   own unescaping, which is not BuildKit's (it keeps `\$` as `\$`), so values are decoded with
 *   `processWord()` instead, after checking that dockerfile-ast and BuildKit's `parseWords` split the text the
 *   same way;
 * - for JSON (exec) forms, the raw argument text, decoded with `JSON.parse` as BuildKit decodes it with Go's
 *   encoding/json. (`JSONArgument.getJSONValue()` drops spaces and mangles escapes such as `\n`, `\u00fc`.)
 */
import { DockerfileParser } from 'dockerfile-ast';
import { parseWords, processWord, splitAtFirstEquals } from './buildkit-words';

/** One decoded instruction. */
export interface Decoded {
  readonly keyword: string;
  /** Flags, as `[name, value]` (value null for a bare flag like --link). */
  readonly flags: [string, string | null][];
  /** ENV, LABEL, ARG: the decoded key/value pairs (value undefined for `ARG NAME`). */
  readonly pairs?: [string, string | undefined][];
  /** COPY paths (sources then destination), exec-form arguments, WORKDIR/USER/... as one-element list. */
  readonly args?: string[];
  /** Shell-form RUN command, verbatim. */
  readonly shell?: string;
  /** FROM: image or stage, and the stage name. */
  readonly from?: { image: string; name: string | null };
}

/** Parses `text` and decodes every instruction. Throws when dockerfile-ast and BuildKit's reading disagree. */
export function decodeDockerfile(text: string): Decoded[] {
  const df = DockerfileParser.parse(text);
  const offsets = lineOffsets(text);
  const slice = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
    text.slice(offsets[r.start.line] + r.start.character, offsets[r.end.line] + r.end.character);

  return df.getInstructions().map((i: any): Decoded => {
    const keyword: string = i.getKeyword();
    const flags: [string, string | null][] = typeof i.getFlags === 'function'
      ? i.getFlags().map((f: any) => [f.getName(), f.getValue()])
      : [];
    const raw: string = i.getRawArgumentsContent() ?? '';
    switch (keyword) {
      case 'FROM':
        return { keyword, flags, from: { image: i.getImage(), name: i.getBuildStage() } };
      case 'ENV':
      case 'LABEL':
      case 'ARG': {
        const words = parseWords(raw);
        const props: any[] = keyword === 'ARG' ? [i.getProperty()] : i.getProperties();
        if (props.length !== words.length) {
          throw new Error(`${keyword}: dockerfile-ast found ${props.length} properties, BuildKit ${words.length} words in ${raw}`);
        }
        const pairs = words.map((w, n): [string, string | undefined] => {
          const [rawKey, rawValue] = splitAtFirstEquals(w);
          const p = props[n];
          const astKey = slice(p.getNameRange());
          const astValue = p.getValueRange() ? slice(p.getValueRange()) : undefined;
          if (astKey !== rawKey || astValue !== rawValue) {
            throw new Error(`${keyword}: dockerfile-ast split ${JSON.stringify([astKey, astValue])}, BuildKit ${JSON.stringify([rawKey, rawValue])}`);
          }
          return [processWord(rawKey), rawValue === undefined ? undefined : processWord(rawValue)];
        });
        return { keyword, flags, pairs };
      }
      case 'COPY':
        return {
          keyword,
          flags,
          args: raw.trimStart().startsWith('[')
            ? (JSON.parse(raw) as string[]).map(processWord)
            : raw.split(/[\t\v\f\r ]+/).map(processWord),
        };
      case 'RUN':
        return raw.trimStart().startsWith('[') ? { keyword, flags, args: JSON.parse(raw) } : { keyword, flags, shell: raw };
      case 'ENTRYPOINT':
      case 'CMD':
        return { keyword, flags, args: JSON.parse(raw) };
      case 'HEALTHCHECK': {
        const m = /^CMD\s+(\[.*)$/s.exec(raw);
        if (!m) {
          throw new Error(`HEALTHCHECK without exec-form CMD: ${raw}`);
        }
        return { keyword, flags, args: JSON.parse(m[1]) };
      }
      case 'WORKDIR':
      case 'USER':
      case 'STOPSIGNAL':
        return { keyword, flags, args: [processWord(raw)] };
      default:
        return { keyword, flags, args: raw.split(/\s+/) };
    }
  });
}

/** The instruction lines of a rendered file: not blank, not comments. */
export function instructionLines(text: string): string[] {
  return text.split('\n').filter(l => l.trim() !== '' && !l.startsWith('#'));
}

function lineOffsets(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') {
      out.push(i + 1);
    }
  }
  return out;
}
