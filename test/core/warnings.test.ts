import { ComplianceLevel, Compliance, FoundationService, LucidApp, Testing } from '../../src';
import { warningReport } from '../../src/app/warnings';

function finding(ruleId: string, path: string, value: string) {
  return { ruleId, pack: 'LucidStrict', level: ComplianceLevel.WARNING, path, info: `${ruleId} requires this.`, value, fix: 'do that', suppressed: false };
}

describe('warningReport', () => {
  test('groups findings by rule, one line per finding, with paths relative to the app', () => {
    // GIVEN
    const findings = [
      finding('LUCID-IMG5', 'P/Lucid/b/Dockerfile/runtime', 'FROM "x:1"'),
      finding('LUCID-CTX2', 'P/Lucid/a', 'folder a'),
      finding('LUCID-IMG5', 'P/Lucid/a/Dockerfile/builder', 'FROM "y:2"'),
    ];

    // WHEN
    const lines = warningReport('P/Lucid', findings, [], []);

    // THEN
    expect(lines).toEqual([
      'warning LUCID-CTX2 (1 finding): LUCID-CTX2 requires this.',
      '  a: folder a. Fix: do that',
      'warning LUCID-IMG5 (2 findings): LUCID-IMG5 requires this.',
      '  b/Dockerfile/runtime: FROM "x:1". Fix: do that',
      '  a/Dockerfile/builder: FROM "y:2". Fix: do that',
    ]);
  });

  test('lists construct warnings and unused suppressions after the rules', () => {
    const lines = warningReport('P/Lucid', [],
      [{ path: 'P/Lucid/redis', ruleId: 'LUCID-IMG5', reason: 'pinned by the mirror' }],
      [{ path: 'P/Lucid/api', message: 'something to look at' }]);
    expect(lines).toEqual([
      'warning (1):',
      '  api: something to look at',
      'warning: 1 suppression matches no finding (remove them):',
      '  redis: LUCID-IMG5 (reason given: "pinned by the mirror")',
    ]);
  });

  test('is what synthesis prints: one heading per rule, not one long line per finding', () => {
    // GIVEN
    const app: LucidApp = Testing.app();
    FoundationService.redis(app, 'redis');
    Compliance.suppress(app, 'LUCID-USR1', 'nothing here runs as root anyway');
    const printed: string[] = [];
    const logger = app.project.logger as any;
    const original = logger.warn;
    logger.warn = (...text: any[]) => printed.push(text.join(' '));

    // WHEN
    try {
      Testing.synth(app);
    } finally {
      logger.warn = original;
    }

    // THEN
    expect(printed).toEqual([
      'warning LUCID-IMG5 (1 finding): Registry images are pinned by digest, not only by tag.',
      expect.stringMatching(/^ {2}redis: image "redis:8\.0"\. Fix: pin it as redis:8\.0@sha256:<digest>/),
      'warning: 1 suppression matches no finding (remove them):',
      '  .: LUCID-USR1 (reason given: "nothing here runs as root anyway")',
    ]);
  });
});
