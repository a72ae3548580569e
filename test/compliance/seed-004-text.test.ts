import * as fs from 'fs';
import * as path from 'path';
import { Compliance, DocumentKind, HandWrittenFile, LucidApp, Testing } from '../../src';

// The two service templates of Lucid's distroless standard (seed 004, "Implementation Examples"), copied
// verbatim into fixtures/, read from their text as a repository that keeps them by hand would.
function judge(template: string): { app: LucidApp; file: HandWrittenFile; errors: string[][] } {
  const app = Testing.app();
  const relative = `legacy/${template}/Dockerfile`;
  const target = path.join(app.project.outdir, app.filePath(relative));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(__dirname, 'fixtures', `seed-004-${template}.Dockerfile`), target);
  const file = new HandWrittenFile(app, template, { path: relative, kind: DocumentKind.DOCKERFILE });
  const prefix = `${file.node.path}/`;
  return {
    app,
    file,
    errors: app.compliance.errors().map(f => [f.ruleId, f.path.startsWith(prefix) ? f.path.slice(prefix.length) : f.path]).sort(),
  };
}

describe('the seed 004 templates, read from their text', () => {
  test('the Python template reads into the model, and gets one error finding per defect', () => {
    const { app, file, errors } = judge('python');
    expect(app.validate()).toEqual([]);
    // Read as written: the model renders the same instructions back.
    const rendered = file.dockerfile!.render();
    expect(rendered).toContain('RUN apt-get update && apt-get install -y --no-install-recommends build-essential curl ca-certificates && rm -rf /var/lib/apt/lists/*');
    expect(rendered).toContain('COPY --from=builder --chown=service_user:service_user /app /app');
    expect(rendered).toContain('HEALTHCHECK --interval=30s --timeout=10s --start-period=40s --retries=3 CMD ["python3", "-c", "import requests; requests.get(\'http://localhost:8080/health\', timeout=5)"]');
    expect(errors).toEqual([
      // the template has no LABEL at all
      ['LUCID-LBL1', 'Dockerfile/stage1'],
      // a bare Dockerfile, with no size budget for CI to check
      ['LUCID-IMG6', 'Dockerfile'],
      // HEALTHCHECK with requests, and no status check
      ['LUCID-HC2', 'Dockerfile/stage1'],
      // /usr/local/lib/python3.11, /usr/local/bin/python3.11 and uvicorn copied into distroless python
      ['LUCID-PATH2', 'Dockerfile/stage1'],
      // USER service_user
      ['LUCID-USR1', 'Dockerfile/stage1'],
      // /etc/passwd and /etc/group copied from the builder
      ['LUCID-USR3', 'Dockerfile/stage1'],
      // FROM gcr.io/distroless/python3-debian12:nonroot, removed upstream on 2026-05-12
      ['LUCID-IMG7', 'Dockerfile/stage1'],
    ].sort());
  });

  test('the Node template gets one error finding per defect, the foreign node binary among them', () => {
    const { errors } = judge('node');
    expect(errors).toEqual([
      ['LUCID-LBL1', 'Dockerfile/stage1'],
      ['LUCID-IMG6', 'Dockerfile'],
      // /usr/local/bin/node and node_modules copied from node:20-slim into distroless nodejs, whose node is
      // /nodejs/bin/node
      ['LUCID-PATH2', 'Dockerfile/stage1'],
      ['LUCID-USR1', 'Dockerfile/stage1'],
      ['LUCID-USR3', 'Dockerfile/stage1'],
      // FROM gcr.io/distroless/nodejs20-debian12:nonroot, removed upstream on 2026-02-27
      ['LUCID-IMG7', 'Dockerfile/stage1'],
    ].sort());
  });

  test('the report lists the hand-written Dockerfile under its path', () => {
    const { app } = judge('python');
    for (const f of app.compliance.findings()) {
      Compliance.suppress(app.node.findChild('python'), f.ruleId, 'the template is kept as Lucid\'s standard wrote it');
    }
    expect(renderReport(app)).toContain('| `legacy/python/Dockerfile` | Dockerfile, kept by hand |');
  });

  test('what the model cannot hold is a validation error with its line and a fix, and the app writes nothing', () => {
    const app = Testing.app();
    const target = path.join(app.project.outdir, app.filePath('legacy/Dockerfile'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, 'FROM debian:13-slim\nADD https://example.com/x.tgz /x\nVOLUME /data\n');
    new HandWrittenFile(app, 'legacy', { path: 'legacy/Dockerfile', kind: DocumentKind.DOCKERFILE });
    expect(app.validate()).toEqual([
      expect.stringMatching(/\[.*Lucid\/legacy\] the hand-written Dockerfile ".*legacy\/Dockerfile", line 2: ADD is not read: use COPY/),
      expect.stringMatching(/\[.*Lucid\/legacy\] the hand-written Dockerfile ".*legacy\/Dockerfile", line 3: VOLUME is not read: declare volumes in the compose file/),
    ]);
    expect(Testing.problems(app).length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(app.project.outdir, app.filePath('docker-bake.hcl')))).toBe(false);
  });
});

function renderReport(app: LucidApp): string {
  return Object.entries(Testing.synth(app)).find(([p]) => p.endsWith('COMPLIANCE.md'))?.[1] ?? '';
}
