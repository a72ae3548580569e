import * as fc from 'fast-check';
import { Decoded, decodeDockerfile, instructionLines } from './decode';
import { builderAndRuntime } from './util';
import { Dockerfile, Stage } from '../../src/dockerfile';

const RUNS = 1000;

/** Characters that stress every escaping layer, including the ones that must be rejected. */
const SPECIAL = fc.constantFrom(
  '\\', '"', "'", '$', '{', '}', ' ', '\t', '=', '#', '[', ']', ',', '<', '-', '\n', '\r', '\u0000', '\u0007',
  '\u007f', '\u0085', 'ü', '\u00a0', '\u2028', '\ufeff', '\ud800', '\udc00', 'a', '/', '`', '*', '🐳', '&&',
  '${', '$1', '\\\n',
);
const VALUE = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 16 }),
  fc.string({ unit: SPECIAL, maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

/** What may be rejected: line breaks and other control characters (tab excepted), unpaired surrogates. */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unrepresentable = (s: string) => CONTROL.test(s) || LONE_SURROGATE.test(s);

interface Field {
  /** Puts `value` into the Dockerfile. */
  readonly put: (s: { builder: Stage; runtime: Stage }, value: string) => void;
  /** Reads it back from the decoded instructions. */
  readonly get: (decoded: Decoded[]) => string;
  /** Which stage's path a rejection must name. */
  readonly stage: 'builder' | 'runtime';
  /** Besides unrepresentable strings, what else may be rejected (with the reason). */
  readonly alsoRejects?: (value: string) => boolean;
}

const find = (decoded: Decoded[], keyword: string) => decoded.filter(d => d.keyword === keyword).pop()!;

const FIELDS: { [name: string]: Field } = {
  'env value': {
    put: (s, v) => s.builder.addEnv('VALUE', v),
    get: d => find(d, 'ENV').pairs![0][1]!,
    stage: 'builder',
  },
  'label key': {
    put: (s, v) => s.runtime.addLabel(v, 'x'),
    get: d => find(d, 'LABEL').pairs![0][0],
    stage: 'runtime',
    // Docker splits a label at its first "=", even inside quotes: such a key cannot be written.
    alsoRejects: v => v === '' || v.includes('='),
  },
  'label value': {
    put: (s, v) => s.runtime.addLabel('org.lucid.test', v),
    get: d => find(d, 'LABEL').pairs![0][1]!,
    stage: 'runtime',
  },
  'arg default': {
    put: (s, v) => s.builder.addArg('DEFAULT', v),
    get: d => find(d, 'ARG').pairs![0][1]!,
    stage: 'builder',
  },
  'copy source': {
    put: (s, v) => s.runtime.addCopy([v], '/dst', { fromStage: s.builder }),
    get: d => find(d, 'COPY').args![0],
    stage: 'runtime',
    alsoRejects: v => v === '',
  },
  'copy destination': {
    put: (s, v) => s.runtime.addCopy(['/src'], v, { fromStage: s.builder }),
    get: d => find(d, 'COPY').args![1],
    stage: 'runtime',
    alsoRejects: v => v === '',
  },
  'workdir': {
    put: (s, v) => s.runtime.addWorkdir(v),
    get: d => find(d, 'WORKDIR').args![0],
    stage: 'runtime',
    alsoRejects: v => v === '',
  },
  'user': {
    put: (s, v) => s.runtime.addUser(v),
    get: d => find(d, 'USER').args![0],
    stage: 'runtime',
    alsoRejects: v => v === '',
  },
  'entrypoint argument': {
    put: (s, v) => s.runtime.useEntrypoint(['/venv/bin/python3', v]),
    get: d => find(d, 'ENTRYPOINT').args![1],
    stage: 'runtime',
  },
};

describe('every escaped field, with random strings', () => {
  test.each(Object.keys(FIELDS))('the %s is either written and read back unchanged, or rejected naming the path', (name) => {
    const field = FIELDS[name];
    fc.assert(fc.property(VALUE, (value) => {
      // GIVEN
      const { df, builder, runtime } = builderAndRuntime();
      field.put({ builder, runtime }, value);

      // WHEN
      const problems = df.validate();

      // THEN
      if (problems.length > 0) {
        const exec = name === 'entrypoint argument';
        const mayReject = exec
          ? value.includes('\0') || LONE_SURROGATE.test(value)
          : unrepresentable(value) || (field.alsoRejects?.(value) ?? false);
        expect(mayReject).toBe(true);
        for (const p of problems) {
          expect(p.startsWith(`[app/Dockerfile/${field.stage}] `)).toBe(true);
        }
        expect(() => df.render()).toThrow(problems[0]);
        return;
      }
      const text = df.render();
      const decoded = decodeDockerfile(text);
      expect(decoded).toHaveLength(instructionLines(text).length);
      expect(field.get(decoded)).toBe(value);
    }), { numRuns: RUNS });
  });

  test('rendering is deterministic: the same calls give the same bytes', () => {
    fc.assert(fc.property(fc.array(VALUE.filter(v => !unrepresentable(v)), { maxLength: 6 }), (values) => {
      // GIVEN two Dockerfiles built by the same calls
      const build = (): Dockerfile => {
        const { df, builder, runtime } = builderAndRuntime();
        values.forEach((v, n) => {
          builder.addEnv(`V${n}`, v);
          runtime.addLabel(`k${n}`, v);
        });
        return df;
      };

      // WHEN / THEN
      expect(build().render()).toBe(build().render());
    }), { numRuns: 200 });
  });
});
