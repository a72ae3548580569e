import {
  Layer, LucidService, LucidServiceProps, Plane, ServiceRuntime, Testing,
} from '../../src';
import { JavaBuildTool } from '../../src/recipes/java';
import { ParsedStage, parseStages } from '../util/dockerfile-facts';

function props(overrides: Partial<LucidServiceProps> = {}): LucidServiceProps {
  return {
    plane: Plane.CHAIN,
    layer: Layer.SERVICE_INTEGRATION,
    description: 'a Java service',
    directory: 'apps/java-svc',
    port: 8080,
    runtime: ServiceRuntime.java(),
    ...overrides,
  };
}

function dockerfile(p: LucidServiceProps = props()): string {
  const app = Testing.app();
  new LucidService(app, 'java-svc', p);
  return Testing.synth(app)['apps/java-svc/Dockerfile'];
}

/** A RUN instruction's command without its flags, and the targets of its cache mounts. */
function runOf(args: string): { command: string; cacheTargets: string[] } {
  const words = args.split(' ');
  const flags = words.filter(w => w.startsWith('--mount='));
  const cacheTargets = flags.filter(f => f.includes('type=cache')).map(f => /target=([^,]+)/.exec(f)![1]);
  return { command: words.filter(w => !w.startsWith('--mount=')).join(' '), cacheTargets };
}

/** The folder a Maven or Gradle step keeps its downloads in. */
function repositoryOf(command: string, tool: JavaBuildTool): string {
  if (tool === JavaBuildTool.MAVEN) {
    return /-Dmaven\.repo\.local=(\S+)/.exec(command)?.[1] ?? '/root/.m2/repository';
  }
  const home = /--gradle-user-home[ =](\S+)/.exec(command)?.[1] ?? '/root/.gradle';
  return `${home}/caches`;
}

function under(p: string, dir: string): boolean {
  return p === dir || p.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}

function stageNamed(stages: ParsedStage[], name: string): ParsedStage {
  return stages.find(s => s.name === name)!;
}

/** Instructions' keyword and arguments, `COPY src ./src` style. */
function lines(stage: ParsedStage): string[] {
  return stage.instructions.map(i => `${i.keyword} ${i.args}`);
}

describe('a Java service', () => {
  // The GitHub Actions cache (type=gha) stores layers, never cache mounts. With the build files unchanged the
  // dependency layer is a cache hit while its mount is empty: a step after it must find what it needs in layers.
  test.each([
    [JavaBuildTool.MAVEN, 'dependency:go-offline', 'package'],
    [JavaBuildTool.GRADLE, 'dependencies', 'build'],
  ])('with %s, the package step builds whatever a cold runner\'s cache holds', (tool, fetchGoal, packageGoal) => {
    // GIVEN / WHEN
    const builder = stageNamed(parseStages(dockerfile(props({ runtime: ServiceRuntime.java({ buildTool: tool }) }))), 'builder');
    const runs = builder.instructions.filter(i => i.keyword === 'RUN').map(i => runOf(i.args));
    const fetch = runs.find(r => r.command.includes(` ${fetchGoal}`))!;
    const pkg = runs.find(r => r.command.includes(` ${packageGoal}`))!;

    // THEN: the downloads are kept in the layer (restored with it), not in a mount (lost on a cold runner) ...
    expect(fetch).toBeDefined();
    expect(pkg).toBeDefined();
    const fetched = repositoryOf(fetch.command, tool);
    expect(fetch.cacheTargets.filter(t => under(fetched, t) || under(t, fetched))).toEqual([]);
    // ... the package step reads the same repository ...
    expect(repositoryOf(pkg.command, tool)).toBe(fetched);
    expect(pkg.cacheTargets.filter(t => under(fetched, t) || under(t, fetched))).toEqual([]);
    // ... and may fetch what the dependency step did not resolve (a plugin's own dependencies): never offline.
    expect(pkg.command).not.toMatch(/(^| )(--offline|-o)( |$)/);
  });

  test('jlink runs in a stage of its own that copies no sources, so a source change does not re-run it', () => {
    // GIVEN / WHEN
    const text = dockerfile(props({ runtime: ServiceRuntime.java({ jlinkModules: ['jdk.httpserver'] }) }));
    const stages = parseStages(text);
    const jlinkStage = stages.find(s => s.instructions.some(i => i.keyword === 'RUN' && i.args.includes('jlink ')))!;

    // THEN
    expect(jlinkStage).toBeDefined();
    expect(jlinkStage.name).not.toBe('builder');
    const copies = jlinkStage.instructions.filter(i => i.keyword === 'COPY').map(i => i.args);
    expect(copies).toEqual(['.lucid/HealthCheck.java /build/probe-src/HealthCheck.java']);
    // The runtime takes the JRE and the probe from it, and only the jar from the builder.
    const runtime = text.slice(text.lastIndexOf('\nFROM '));
    expect(runtime.split('\n').filter(l => l.startsWith('COPY'))).toEqual([
      `COPY --from=${jlinkStage.name} /opt/jre /opt/jre`,
      `COPY --from=${jlinkStage.name} /build/probe /opt/lucid/probe`,
      'COPY --from=builder --chown=0:0 /build/target/app.jar /app/app.jar',
    ]);
  });

  test('the jar is built on the build platform, and jlink on the target platform', () => {
    // GIVEN / WHEN
    const text = dockerfile(props({ runtime: ServiceRuntime.java({ jlinkModules: ['jdk.httpserver'] }) }));

    // THEN a jar is the same on every platform: an arm64 image's Maven build runs natively, not emulated
    expect(text).toMatch(/^FROM --platform=\$BUILDPLATFORM maven:3\.9-eclipse-temurin-21 AS builder$/m);
    // while jlink links the target platform's own modules
    expect(text).toMatch(/^FROM maven:3\.9-eclipse-temurin-21 AS jre$/m);
    expect(text).toMatch(/^FROM gcr\.io\/distroless\/cc-debian13:nonroot AS runtime$/m);
  });

  test('the builder fetches dependencies before it copies the sources', () => {
    // GIVEN / WHEN
    const builder = stageNamed(parseStages(dockerfile()), 'builder');
    const l = lines(builder);
    const pom = l.indexOf('COPY pom.xml ./');
    const fetch = l.findIndex(x => x.includes('dependency:go-offline'));
    const src = l.indexOf('COPY src ./src');

    // THEN
    expect(pom).toBeGreaterThanOrEqual(0);
    expect(fetch).toBeGreaterThan(pom);
    expect(src).toBeGreaterThan(fetch);
    // The probe is not compiled after the sources either: it lives in the JRE stage.
    expect(l.some(x => x.includes('javac'))).toBe(false);
  });
});
