import { JavaBase, NodeBase, RuntimeFamily, StaticBase, Testing } from '../../src';
import { last, parseStages } from '../util/dockerfile-facts';

describe('base images', () => {
  test('NodeBase installs production dependencies in the builder and runs distroless node', () => {
    // GIVEN
    const app = Testing.app();
    new NodeBase(app, 'node-base', { directory: 'images/node' });

    // WHEN
    const files = Testing.synth(app);
    const stages = parseStages(files['images/node/Dockerfile']);

    // THEN
    expect(files['images/node/Dockerfile']).toMatchSnapshot();
    expect(stages.map(s => [s.name, s.image])).toEqual([
      ['builder', 'node:22-trixie-slim'],
      ['runtime', 'gcr.io/distroless/nodejs22-debian13:nonroot'],
    ]);
    expect(last(stages[1], 'ENTRYPOINT')?.json).toEqual(['/nodejs/bin/node']);
    expect(last(stages[1], 'USER')?.args).toBe('65532:65532');
    expect(stages[1].instructions.some(i => i.keyword === 'RUN')).toBe(false);
    expect(files['images/node/.dockerignore']).toMatch(/^\*$\n!package-lock\.json\n!package\.json\n$/m);
  });

  test('StaticBase copies binaries with the library closure ldd finds at build time, never an architecture glob', () => {
    // GIVEN
    const app = Testing.app();
    new StaticBase(app, 'tools', {
      directory: 'images/tools',
      family: RuntimeFamily.CC_DEBIAN13,
      builderPackages: ['redis-tools'],
      binaries: ['/usr/bin/redis-cli'],
    });

    // WHEN
    const dockerfile = Testing.synth(app)['images/tools/Dockerfile'];
    const stages = parseStages(dockerfile);

    // THEN
    expect(dockerfile).toMatchSnapshot();
    expect(stages[1].image).toBe('gcr.io/distroless/cc-debian13:nonroot');
    expect(dockerfile).toContain('ldd "$b"');
    expect(dockerfile).not.toMatch(/x86_64|aarch64|amd64|arm64/);
    expect(dockerfile).toContain('COPY --from=builder /closure/ /\n');
  });

  test('StaticBase without binaries is a single distroless stage', () => {
    const app = Testing.app();
    new StaticBase(app, 'static', { directory: 'images/static' });
    const stages = parseStages(Testing.synth(app)['images/static/Dockerfile']);
    expect(stages.map(s => s.image)).toEqual(['gcr.io/distroless/static-debian13:nonroot']);
  });

  test('JavaBase with jlink runs a custom runtime on distroless cc, without JAVA_HOME', () => {
    // GIVEN
    const app = Testing.app();
    new JavaBase(app, 'java-base', { directory: 'images/java', jlinkModules: ['jdk.httpserver'] });

    // WHEN
    const dockerfile = Testing.synth(app)['images/java/Dockerfile'];
    const stages = parseStages(dockerfile);

    // THEN
    expect(dockerfile).toMatchSnapshot();
    expect(stages.map(s => s.image)).toEqual(['eclipse-temurin:21-jdk', 'gcr.io/distroless/cc-debian13:nonroot']);
    expect(dockerfile).toContain('jlink --add-modules java.base,jdk.httpserver');
    expect(last(stages[1], 'ENTRYPOINT')?.json).toEqual(['/opt/jre/bin/java', '-jar']);
    expect(dockerfile).not.toContain('JAVA_HOME');
  });

  test('a family of the wrong language is refused at once', () => {
    const app = Testing.app();
    expect(() => new NodeBase(app, 'x', { directory: 'x', family: RuntimeFamily.PYTHON3_DEBIAN13 }))
      .toThrow(/\[.*Lucid\/x\] family python3-debian13 is not a Node family: use one of nodejs/);
  });
});
