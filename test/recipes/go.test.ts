import { parse } from 'yaml';
import {
  Compliance, HealthCheck, Layer, LucidService, LucidServiceProps, Plane, RuntimeFamily, ServiceRuntime, Testing,
} from '../../src';
import { GO_PROBE_PROGRAM } from '../../src/recipes/go';
import { last, parseStages } from '../util/dockerfile-facts';

function props(overrides: Partial<LucidServiceProps> = {}): LucidServiceProps {
  return {
    plane: Plane.OPS,
    layer: Layer.CORE_SUPPORT,
    description: 'a Go service',
    directory: 'apps/go-svc',
    port: 8080,
    runtime: ServiceRuntime.golang(),
    ...overrides,
  };
}

function synth(p: LucidServiceProps = props()): { [path: string]: string } {
  const app = Testing.app();
  new LucidService(app, 'go-svc', p);
  return Testing.synth(app);
}

describe('a Go service', () => {
  test('builds a static binary in golang:1.24-trixie with the build and module caches mounted', () => {
    // GIVEN / WHEN
    const [builder] = parseStages(synth()['apps/go-svc/Dockerfile']);

    // THEN
    expect(builder.image).toBe('golang:1.24-trixie');
    expect(builder.name).toBe('builder');
    const envs = builder.instructions.filter(i => i.keyword === 'ENV').map(i => i.args);
    expect(envs).toEqual(expect.arrayContaining(['CGO_ENABLED="0"', 'GOTOOLCHAIN="local"']));
    const runs = builder.instructions.filter(i => i.keyword === 'RUN').map(i => i.args);
    expect(runs[0]).toBe('go mod download');
    const text = synth()['apps/go-svc/Dockerfile'];
    expect(text).toMatch(/^RUN --mount=type=cache,target=\/go\/pkg\/mod,id=go-mod go mod download$/m);
    expect(text).toMatch(/^RUN --mount=type=cache,target=\/root\/\.cache\/go-build,id=go-build --mount=type=cache,target=\/go\/pkg\/mod,id=go-mod GOOS="\$TARGETOS" GOARCH="\$TARGETARCH" go build /m);
    expect(runs[1]).toMatch(/go build -trimpath -ldflags='-s -w' -o \/out\/app\/server \.$/);
    expect(runs[2]).toMatch(/go build -trimpath -ldflags='-s -w' -o \/out\/usr\/local\/bin\/lucid-healthcheck \/probe\/main\.go$/);
  });

  test('cross-compiles on the build platform for the target platform, so an arm64 binary is never built emulated', () => {
    // GIVEN / WHEN
    const text = synth()['apps/go-svc/Dockerfile'];
    const [builder, runtime] = parseStages(text);

    // THEN the builder runs on the build machine's platform and hands the target's to go build
    expect(text).toMatch(/^FROM --platform=\$BUILDPLATFORM golang:1\.24-trixie AS builder$/m);
    expect(builder.instructions.filter(i => i.keyword === 'ARG').map(i => i.args)).toEqual(['TARGETOS', 'TARGETARCH']);
    const builds = builder.instructions.filter(i => i.keyword === 'RUN' && i.args.includes('go build'));
    expect(builds).toHaveLength(2);
    for (const b of builds) {
      expect(b.args).toMatch(/GOOS="\$TARGETOS" GOARCH="\$TARGETARCH" go build /);
    }
    // and the runtime stays on the target platform
    expect(text).toMatch(/^FROM gcr\.io\/distroless\/static-debian13:nonroot AS runtime$/m);
    expect(runtime.name).toBe('runtime');
  });

  test('runs on distroless static as 65532 with an exec-form entrypoint and a compiled probe', () => {
    // GIVEN / WHEN
    const stages = parseStages(synth()['apps/go-svc/Dockerfile']);
    const runtime = stages[stages.length - 1];

    // THEN
    expect(runtime.image).toBe('gcr.io/distroless/static-debian13:nonroot');
    expect(runtime.instructions.some(i => i.keyword === 'RUN')).toBe(false);
    expect(last(runtime, 'USER')!.args).toBe('65532:65532');
    expect(last(runtime, 'ENTRYPOINT')!.json).toEqual(['/app/server']);
    expect(last(runtime, 'STOPSIGNAL')!.args).toBe('SIGTERM');
    expect(last(runtime, 'HEALTHCHECK')!.json).toEqual(['/usr/local/bin/lucid-healthcheck', 'http://127.0.0.1:8080/health', '4']);
    const copies = runtime.instructions.filter(i => i.keyword === 'COPY').map(i => i.args);
    expect(copies).toEqual(['/out/app/server /app/server', '/out/usr/local/bin/lucid-healthcheck /usr/local/bin/lucid-healthcheck']);
    const text = synth()['apps/go-svc/Dockerfile'];
    expect(text).toContain('COPY --from=builder --chown=0:0 /out/app/server /app/server\n');
    expect(text).toContain('COPY --from=builder --chown=0:0 /out/usr/local/bin/lucid-healthcheck /usr/local/bin/lucid-healthcheck\n');
  });

  test('generates the probe source into its build context, where the builder copies it from', () => {
    // GIVEN / WHEN
    const files = synth();

    // THEN
    expect(files['apps/go-svc/.lucid/healthcheck.go']).toContain(GO_PROBE_PROGRAM);
    expect(files['apps/go-svc/Dockerfile']).toContain('COPY .lucid/healthcheck.go /probe/main.go');
    // The probe never follows a redirect nor a proxy, and accepts only 2xx.
    expect(GO_PROBE_PROGRAM).toContain('http.ErrUseLastResponse');
    expect(GO_PROBE_PROGRAM).toContain('res.StatusCode < 200 || res.StatusCode > 299');
    expect(GO_PROBE_PROGRAM).not.toMatch(/os\/exec|"sh"|curl/);
  });

  test('builds the package and binary it is given', () => {
    // GIVEN / WHEN
    const files = synth(props({ runtime: ServiceRuntime.golang({ packagePath: './cmd/proxy', binaryName: 'proxy', moduleFiles: ['go.mod', 'go.sum'] }) }));
    const stages = parseStages(files['apps/go-svc/Dockerfile']);

    // THEN
    expect(stages[0].instructions.find(i => i.keyword === 'COPY')!.args).toBe('go.mod go.sum ./');
    expect(files['apps/go-svc/Dockerfile']).toContain('-o /out/app/proxy ./cmd/proxy\n');
    expect(last(stages[1], 'ENTRYPOINT')!.json).toEqual(['/app/proxy']);
  });

  test('has a structure test for its binary, its probe and the absence of a shell', () => {
    // GIVEN / WHEN
    const config = parse(synth()['apps/go-svc/structure-test.yaml']);

    // THEN
    expect(config.metadataTest.user).toBe('65532:65532');
    expect(config.metadataTest.entrypoint).toEqual(['/app/server']);
    expect(config.fileExistenceTests).toEqual(expect.arrayContaining([
      { name: 'no /bin/sh', path: '/bin/sh', shouldExist: false },
      { name: '/app/server exists, owned by root', path: '/app/server', shouldExist: true, uid: 0 },
      { name: '/usr/local/bin/lucid-healthcheck exists, owned by root', path: '/usr/local/bin/lucid-healthcheck', shouldExist: true, uid: 0 },
    ]));
    expect(config.commandTests).toEqual([
      { name: 'health probe runs', command: '/usr/local/bin/lucid-healthcheck', args: [], exitCode: 1, expectedError: ['^usage: lucid-healthcheck '] },
    ]);
  });

  test('has a size budget of 50 MB', () => {
    const app = Testing.app();
    expect(new LucidService(app, 'go-svc', props()).sizeBudgetMb).toBe(50);
  });

  test('breaks no LUCID-STRICT rule', () => {
    // GIVEN
    const app = Testing.app();
    new LucidService(app, 'go-svc', props());

    // WHEN
    const errors = app.compliance.errors().map(Compliance.format);
    const health = app.compliance.findings().filter(f => f.ruleId.startsWith('LUCID-HC'));

    // THEN
    expect(app.validate()).toEqual([]);
    expect(errors).toEqual([]);
    expect(health).toEqual([]);
  });

  test.each([
    ['a family with an interpreter', props({ runtime: ServiceRuntime.golang({ family: RuntimeFamily.PYTHON3_DEBIAN13 }) }), 'family python3-debian13 is not a native family'],
    ['a package outside the module', props({ runtime: ServiceRuntime.golang({ packagePath: '../other' }) }), 'packagePath "../other" is not a package inside the module'],
    ['a binary name with a slash', props({ runtime: ServiceRuntime.golang({ binaryName: 'bin/server' }) }), 'binaryName "bin/server" is not a file name'],
  ])('%s is rejected', (_what, p, message) => {
    // GIVEN
    const app = Testing.app();
    new LucidService(app, 'go-svc', p);

    // WHEN / THEN
    expect(Testing.problems(app).join('\n')).toContain(message);
  });

  test('keeps an exec health check it is given', () => {
    const app = Testing.app();
    const svc = new LucidService(app, 'go-svc', props({ healthCheck: HealthCheck.exec(['/app/server', '-check']) }));
    expect(svc.healthCheckCommand).toEqual(['/app/server', '-check']);
  });
});
