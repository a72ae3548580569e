import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeReadback } from '../../scripts/e2e/readback';
import { readbackDifferences } from '../../src/e2e/readback';
import { decodeDockerfile } from '../dockerfile/decode';

describe('the Dockerfile readback of the e2e suite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-readback-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const want = writeReadback(dir);

  test('holds hundreds of hostile values of each kind, on a base that needs no pull', () => {
    expect(Object.keys(want.labels).length).toBeGreaterThan(300);
    expect(Object.keys(want.env).length).toBeGreaterThan(300);
    expect(want.entrypoint.length).toBeGreaterThan(300);
    expect([...Object.values(want.labels), ...Object.values(want.env)].some(v => v.includes('${'))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf-8')).toMatch(/^FROM scratch AS image$/m);
  });

  test('a config holding every value exactly has no difference; the port of BuildKit\'s word rules agrees', () => {
    // GIVEN the image config BuildKit would give, as the port of its word rules reads the Dockerfile
    const decoded = decodeDockerfile(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf-8'));
    const pairs = (kw: string) => decoded.filter(d => d.keyword === kw).flatMap(d => d.pairs ?? []);
    const config = {
      Labels: Object.fromEntries(pairs('LABEL')) as { [key: string]: string },
      Env: pairs('ENV').map(([k, v]) => `${k}=${v}`),
      Entrypoint: decoded.find(d => d.keyword === 'ENTRYPOINT')!.args!,
    };

    // THEN
    expect(readbackDifferences(want, config)).toEqual([]);
  });

  test('each value that comes back otherwise is named', () => {
    const key = Object.keys(want.labels)[0];
    const config = {
      Labels: { ...want.labels, [key]: 'changed' },
      Env: Object.entries(want.env).slice(1).map(([k, v]) => `${k}=${v}`),
      Entrypoint: want.entrypoint.slice(0, -1),
    };
    const differ = readbackDifferences(want, config);
    expect(differ).toEqual([
      `LABEL ${key}: ${JSON.stringify(want.labels[key])} read back as "changed"`,
      `ENV ${Object.keys(want.env)[0]}: ${JSON.stringify(Object.values(want.env)[0])} read back as undefined`,
      `ENTRYPOINT argument ${JSON.stringify(want.entrypoint[want.entrypoint.length - 1])} read back as undefined`,
      `ENTRYPOINT has ${want.entrypoint.length - 1} arguments, ${want.entrypoint.length} written`,
    ]);
  });
});
