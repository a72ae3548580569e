// Hostile values through the Dockerfile model, read back by BuildKit itself: 1,000 LABEL values, 1,000 ENV
// values and 1,000 ENTRYPOINT arguments, each drawn like the property tests' strings. A value the model refuses
// (for its stage, with the stage's path) is left out; every other one goes into one `FROM scratch` Dockerfile,
// which the e2e suite builds (no base to pull) and whose image config (`docker image inspect`) must hold each
// value exactly as given. The unit tests read the same rendering with a port of BuildKit's word rules; this is
// BuildKit's own parser.
import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { hostileStrings } from '../../test/util/hostile';
import { BaseImage, Dockerfile, Stage } from '../../src/dockerfile';
import type { DockerfileReadback } from '../../src/e2e/readback';

const COUNT = 1000;

function scratch(): { df: Dockerfile; stage: Stage } {
  const df = new Dockerfile(new Construct(undefined as any, 'readback'), 'Dockerfile');
  return { df, stage: df.addStage('image', { baseImage: BaseImage.fromRegistry('scratch', { hasShell: false }) }) };
}

/** The values of `put` the model accepts, one Dockerfile each. */
function accepted(seed: number, put: (stage: Stage, value: string, i: number) => void): string[] {
  return hostileStrings(seed, COUNT, 'abcXYZ019 _.:/-=@').filter((value, i) => {
    const { df, stage } = scratch();
    put(stage, value, i);
    return df.validate().length === 0;
  });
}

/** Writes the Dockerfile into `dir` and returns what BuildKit must read back. */
export function writeReadback(dir: string): DockerfileReadback {
  const labels = accepted(0x1abe1, (s, v) => s.addLabel('org.lucid.readback', v));
  const env = accepted(0xe7e, (s, v) => s.addEnv('READBACK', v));
  const entrypoint = accepted(0xe9, (s, v) => s.useEntrypoint(['/readback', v]));
  const { df, stage } = scratch();
  const expected: DockerfileReadback = {
    dir,
    labels: Object.fromEntries(labels.map((v, i) => [`org.lucid.readback.${i}`, v])),
    env: Object.fromEntries(env.map((v, i) => [`READBACK_${i}`, v])),
    entrypoint: ['/readback', ...entrypoint],
  };
  Object.entries(expected.labels).forEach(([k, v]) => stage.addLabel(k, v));
  Object.entries(expected.env).forEach(([k, v]) => stage.addEnv(k, v));
  stage.useEntrypoint(expected.entrypoint);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'Dockerfile'), df.render());
  return expected;
}
