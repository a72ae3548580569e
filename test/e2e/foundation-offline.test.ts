import { execFileSync } from 'child_process';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { FoundationService, LucidImage, LucidService } from '../../src';
import { e2eComposeOverride, standinTags } from '../../src/e2e/run';
import { referenceApp } from '../util/reference-stack';

const STANDINS = path.join(__dirname, '..', '..', 'assets', 'e2e', 'standins.sh');

describe('the e2e suite and foundation services without an offline stand-in', () => {
  const app = referenceApp();
  const services = LucidImage.all(app).filter(LucidService.isLucidService);
  const declared = app.node.findAll().filter(FoundationService.isFoundationService);
  // GIVEN the images standins.sh says it provides (--list needs neither root nor the engine)
  const offline = standinTags(execFileSync('bash', [STANDINS, '--list'], { encoding: 'utf-8' }));

  test('reads the stand-in tags of standins.sh --list', () => {
    expect(offline.has('redis:8.0')).toBe(true);
    expect(offline.has('gcr.io/distroless/python3-debian13:nonroot')).toBe(true);
    expect(offline.has('redis')).toBe(false);
  });

  test('skips MongoDB and Elasticsearch, which have no stand-in (Redis is built by the app)', () => {
    expect(declared.filter(f => offline.has(f.image)).map(f => f.serviceName)).toEqual([]);
    expect(declared.filter(f => !offline.has(f.image)).map(f => f.serviceName).sort()).toEqual(['elasticsearch', 'mongodb']);
  });

  test('lets the services that depend on a skipped foundation service wait for the rest of their dependencies only', () => {
    // WHEN the override is written for the reference stack
    const running = declared.filter(f => offline.has(f.image));
    const notRun = declared.filter(f => !offline.has(f.image));
    const text = e2eComposeOverride(services, running, notRun);
    const doc = parseDocument(text, { customTags: [{ tag: '!reset', resolve: () => ({}) }, { tag: '!override', collection: 'map', resolve: (m: any) => m }] });
    expect(doc.errors).toEqual([]);
    const out = doc.toJS().services;
    // THEN no service waits for mongodb or elasticsearch, and every other dependency is kept
    expect(Object.keys(out).sort()).toEqual(services.map(s => s.serviceName).sort());
    for (const s of services) {
      const expected = s.dependsOn.map(d => d.serviceName).filter(n => n !== 'mongodb' && n !== 'elasticsearch');
      if (expected.length !== s.dependsOn.length) {
        const deps = Object.keys(out[s.serviceName].depends_on ?? {}).sort();
        expect({ s: s.serviceName, deps }).toEqual({ s: s.serviceName, deps: expected.sort() });
      } else {
        expect(out[s.serviceName].depends_on).toBeUndefined();
      }
    }
    expect(text).toContain('  auth-service:\n    network_mode: host\n    networks: !reset {}\n    ports: !reset []\n    depends_on: !override\n');
  });
});
