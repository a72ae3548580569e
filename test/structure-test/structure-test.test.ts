import { parse } from 'yaml';
import { HealthCheckKind, LucidImage, LucidService } from '../../src';
import { referenceApp, referenceFiles } from '../util/reference-stack';

const files = referenceFiles();
const images = LucidImage.all(referenceApp());

describe.each(images.map(i => [i.node.id, i] as const))('the structure test of %s', (_id, image) => {
  const text = files[`${image.directory}/structure-test.yaml`];
  const config = parse(text);
  // A base for static or copied binaries (distroless static or base, nothing copied in) has no program to run.
  const binaryBase = image.kind === 'base' && image.runtimeStage.entrypoint === undefined;

  test('is a schema 2.0.0 config with only the keys container-structure-test knows', () => {
    expect(config.schemaVersion).toBe('2.0.0');
    expect(Object.keys(config).sort()).toEqual(['commandTests', 'fileExistenceTests', 'metadataTest', 'schemaVersion']);
    expect(Object.keys(config.metadataTest).every(k => ['envVars', 'labels', 'entrypoint', 'cmd', 'exposedPorts', 'workdir', 'user'].includes(k))).toBe(true);
    for (const t of config.fileExistenceTests) {
      expect(Object.keys(t).every(k => ['name', 'path', 'shouldExist', 'uid', 'permissions'].includes(k))).toBe(true);
    }
    for (const t of config.commandTests) {
      expect(Object.keys(t).every(k => ['name', 'command', 'args', 'expectedOutput', 'expectedError', 'exitCode'].includes(k))).toBe(true);
    }
  });

  test('checks the image\'s metadata against the model', () => {
    expect(config.metadataTest.user).toBe('65532:65532');
    if (binaryBase) {
      expect(config.metadataTest.entrypoint).toEqual([]);
    } else {
      expect(config.metadataTest.entrypoint).toEqual(image.runtimeStage.entrypoint);
    }
    expect(config.metadataTest.exposedPorts).toEqual(image.runtimeStage.exposedPorts.map(p => `${p.port}/${p.protocol}`));
    if (LucidService.isLucidService(image)) {
      expect(config.metadataTest.labels).toEqual(expect.arrayContaining([
        { key: 'org.lucid.plane', value: image.plane },
        { key: 'org.lucid.expose', value: String(image.port) },
      ]));
    }
  });

  test('checks from outside that there is no shell and no package manager', () => {
    const absent = config.fileExistenceTests.filter((t: any) => !t.shouldExist).map((t: any) => t.path);
    expect(absent).toEqual(expect.arrayContaining(['/bin/sh', '/bin/bash', '/usr/bin/apt-get', '/usr/bin/dpkg']));
  });

  test('runs the image\'s own interpreter (or a Go image\'s own probe) in exec form, never a shell, id or whoami', () => {
    // Debian's programs (redis, tor): each program with --version, and the compiled probe when the check is TCP
    const debian = LucidService.isLucidService(image) ? image.runtime.debianOptions : undefined;
    if (debian) {
      const probe = LucidService.isLucidService(image) && image.healthCheck.kind === HealthCheckKind.TCP ? ['/usr/local/bin/lucid-healthcheck'] : [];
      expect(config.commandTests.map((t: any) => t.command)).toEqual([...debian.programs, ...probe]);
      expect(config.commandTests.filter((t: any) => t.command !== '/usr/local/bin/lucid-healthcheck').every((t: any) => t.args[0] === '--version')).toBe(true);
      expect(text).not.toMatch(/\b(sh -c|whoami|\bid\b)\b/);
      return;
    }
    expect(config.commandTests.length).toBe(binaryBase ? 0 : 1);
    if (binaryBase) {
      return;
    }
    const [t] = config.commandTests;
    expect(t.command).toMatch(/^\/(usr\/bin\/python3\.13|nodejs\/bin\/node|opt\/jre\/bin\/java|usr\/bin\/java|usr\/local\/bin\/lucid-healthcheck)$/);
    expect(text).not.toMatch(/\b(sh -c|whoami|\bid\b|pip --version|javac)\b/);
  });
});
