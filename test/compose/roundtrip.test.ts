import * as fc from 'fast-check';
import { lucidStack } from './models';
import { readBack, render } from './util';
import { ComposeFileModel } from '../../src/compose';
import { toComposeObject } from '../../src/compose/compose-object';
import { unrepresentableCharacter } from '../../src/compose/escape';
import { renderCompose } from '../../src/compose/render';

/** Pieces that trip YAML writers and compose's interpolation. */
const TRICKY = [
  '$', '$$', '${X}', '$X', '${X:-d}', '$${', '\n', '\r\n', '\t', '#', ' #', ': ', ':', '- ', '? ', '*', '&', '!', '%',
  '@', '`', '|', '>', '"', "'", '\\', '{', '}', '[', ']', ',', ' ', 'yes', 'no', 'on', 'off', 'y', 'n', 'null',
  'Null', '~', 'true', 'False', '0777', '0o17', '0x1f', '1:30', '1e3', '.nan', '-.inf', '2001-12-14', '=', '<<',
  '---', '...', 'é', '日本', '😀', '\u200b',
];

/** Strings built from tricky pieces and arbitrary Unicode (all code points, any length). */
export const trickyString = fc.array(
  fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ unit: 'grapheme-ascii', maxLength: 4 })),
  { maxLength: 8 },
).map(parts => parts.join(''));

const representable = trickyString.filter(s => unrepresentableCharacter(s) === undefined);

describe('round trip through a YAML parser', () => {
  test('reading the stack file back and undoing $$ gives every value of the model', () => {
    // GIVEN
    const model = lucidStack();
    // WHEN
    const text = render(model);
    // THEN
    for (const version of ['1.1', '1.2'] as const) {
      const doc = readBack(text, version);
      expect(doc).toEqual(toComposeObject(model, false));
      const gw = doc.services['api-gateway'];
      const input = model.services['api-gateway'];
      expect(gw.environment).toEqual(input.environment);
      expect(gw.labels).toEqual(input.labels);
      expect(gw.command).toEqual(input.command);
      expect(gw.entrypoint).toEqual(input.entrypoint);
      expect(gw.healthcheck.test).toEqual(['CMD', ...input.healthcheck!.test!]);
      expect(gw.user).toBe(input.user);
      expect(gw.image).toBe(input.image);
      expect(gw.build.args).toEqual(input.imageBuild!.args);
      expect(gw.ports).toEqual([{ target: 8080, published: 8080, host_ip: '127.0.0.1' }, { target: 9090, protocol: 'udp' }]);
    }
  });

  test('any representable string in environment values, label keys and label values comes back unchanged (property)', () => {
    fc.assert(
      fc.property(
        fc.array(representable, { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(representable.filter(k => k.trim() !== ''), representable), { maxLength: 3 }),
        (values, labelPairs) => {
          // GIVEN
          const environment = Object.fromEntries(values.map((v, i) => [`V${i}`, v]));
          const labels: { [k: string]: string } = {};
          for (const [k, v] of labelPairs) {
            Object.defineProperty(labels, k, { value: v, enumerable: true, writable: true, configurable: true });
          }
          const model: ComposeFileModel = { services: { app: { image: 'x', environment, labels, command: values } } };
          // WHEN
          const text = render(model);
          // THEN
          for (const version of ['1.1', '1.2'] as const) {
            const app = readBack(text, version).services.app;
            expect(app.environment).toEqual(environment);
            expect(app.command).toEqual(values);
            expect(app.labels ?? {}).toEqual(labels);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('a string a compose file cannot carry is rejected, never written (property)', () => {
    const unrepresentable = trickyString.filter(s => unrepresentableCharacter(s) !== undefined);
    fc.assert(
      fc.property(unrepresentable, value => {
        expect(() => renderCompose({ services: { app: { image: 'x', environment: { V: value } } } }))
          .toThrow(/services\.app\.environment\.V: contains U\+[0-9A-F]{4}, which a compose file cannot carry/);
      }),
      { numRuns: 200 },
    );
  });
});
