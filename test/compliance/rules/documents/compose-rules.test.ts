import { findingsOf, handWritten } from './judge';
import { Compliance, DocumentKind, FoundationService, HandWrittenFile, Layer, LucidService, Plane, ServiceRuntime, Testing } from '../../../../src';

const compose = (text: string, ruleId: string) => findingsOf(DocumentKind.COMPOSE, text, ruleId);

const HARDENED = `
services:
  api:
    image: pickme/api:1.0
    user: "65532:65532"
    read_only: true
    tmpfs: [/tmp]
    cap_drop: [ALL]
    security_opt: ["no-new-privileges:true"]
    ports: ["127.0.0.1:8080:8080"]
    environment:
      LOG_LEVEL: info
      DB_PASSWORD_FILE: /run/secrets/db-password
  base:
    image: pickme/base:1.0
    scale: 0
`;

describe('the compose rules on a hand-written compose file', () => {
  test.each(['LUCID-CMP1', 'LUCID-CMP2', 'LUCID-CMP3', 'LUCID-CMP4', 'LUCID-CMP5', 'LUCID-CMP6'])(
    '%s: a hardened service complies, and a build-only one is not judged', (ruleId) => {
      expect(compose(HARDENED, ruleId)).toEqual([]);
    });

  test('LUCID-CMP1: no user, or root, is a finding per service', () => {
    expect(compose('services:\n  a: { image: x:1 }\n  b: { image: x:1, user: "0:0" }\n  c: { image: x:1, user: root }\n', 'LUCID-CMP1')).toEqual([
      'service "a": no user (the image\'s user, root unless it sets another)',
      'service "b": user "0:0"',
      'service "c": user "root"',
    ]);
  });

  test('LUCID-CMP2: a writable root and a relative tmpfs are findings', () => {
    expect(compose('services:\n  a: { image: x:1, read_only: false, tmpfs: [tmp] }\n', 'LUCID-CMP2')).toEqual([
      'service "a": read_only is "false"',
      'service "a": tmpfs "tmp"',
    ]);
  });

  test('LUCID-CMP3: capabilities kept or added, and no no-new-privileges, are findings', () => {
    expect(compose('services:\n  a: { image: x:1, cap_add: [NET_ADMIN] }\n', 'LUCID-CMP3')).toEqual([
      'service "a": cap_drop is not set',
      'service "a": cap_add "NET_ADMIN"',
      'service "a": security_opt has no no-new-privileges',
    ]);
  });

  test('LUCID-CMP4: privileged and the host\'s namespaces are findings', () => {
    expect(compose('services:\n  a: { image: x:1, privileged: true, network_mode: host, pid: host, ipc: host }\n', 'LUCID-CMP4')).toEqual([
      'service "a": privileged: true',
      'service "a": network_mode: "host"',
      'service "a": pid: "host"',
      'service "a": ipc: "host"',
    ]);
  });

  test('LUCID-CMP5: secrets in environment are findings in both forms, masked', () => {
    expect(compose([
      'services:',
      '  a:',
      '    image: x:1',
      '    environment:',
      '      DB_PASSWORD: hunter2',
      '      MONGODB_URL: mongodb://lucid:lucid@mongo:27017/lucid',
      '      API_TOKEN: ${API_TOKEN}',
      '  b:',
      '    image: x:1',
      '    environment: [JWT_SECRET=abc, PLAIN=1]',
    ].join('\n'), 'LUCID-CMP5')).toEqual([
      'service "a": environment DB_PASSWORD="***"',
      'service "a": environment MONGODB_URL="mongodb://lucid:***@mongo:27017/lucid"',
      'service "b": environment JWT_SECRET="***"',
    ]);
  });

  test('LUCID-CMP6: ports published on every interface are findings in both forms', () => {
    expect(compose([
      'services:',
      '  a:',
      '    image: x:1',
      '    ports:',
      '      - "8080:8080"',
      '      - 9090',
      '      - "[::1]:7070:7070"',
      '      - { target: 80, published: 8081 }',
      '      - { target: 80, published: 8082, host_ip: 127.0.0.1 }',
    ].join('\n'), 'LUCID-CMP6')).toEqual([
      'service "a": ports "8080:8080"',
      'service "a": ports "9090"',
      'service "a": ports "{\\"target\\":80,\\"published\\":8081}"',
    ]);
  });

  test('the compose snippet of Lucid\'s base-image guide (seed 002), read from its text, gets one finding per defect', () => {
    // As the guide writes it: no user, writable root, default capabilities.
    const { app, file } = handWritten(DocumentKind.COMPOSE, [
      'version: \'3.8\'',
      'services:',
      '  my-service:',
      '    build:',
      '      context: .',
      '      dockerfile: Dockerfile',
      '    image: lucid/my-service:latest',
      '    depends_on:',
      '      - lucid-base',
      '    networks:',
      '      - lucid-network',
    ].join('\n'));
    const found = app.compliance.findings().filter(f => f.path === file.node.path).map(f => `${f.ruleId} ${f.value}`);
    expect(found).toEqual([
      'LUCID-CMP1 service "my-service": no user (the image\'s user, root unless it sets another)',
      'LUCID-CMP2 service "my-service": read_only is not set',
      'LUCID-CMP3 service "my-service": cap_drop is not set',
      'LUCID-CMP3 service "my-service": security_opt has no no-new-privileges',
    ]);
    // ... and they stop synthesis, naming the file's construct.
    expect(app.compliance.errors().map(Compliance.format)[0]).toMatch(new RegExp(`^\\[${file.node.path}\\] LUCID-CMP1: `));
  });

  test('a missing hand-written file is a validation error with its path and the fix', () => {
    const app = Testing.app();
    new HandWrittenFile(app, 'gone', { path: 'nowhere/docker-compose.yml', kind: DocumentKind.COMPOSE });
    expect(app.validate()).toEqual([
      expect.stringMatching(/^\[.*Lucid\/gone\] the hand-written file ".*nowhere\/docker-compose.yml" cannot be read \(ENOENT\): fix the path/),
    ]);
  });
});

describe('the compose files the app writes', () => {
  test('comply with every compose rule, foundation services included', () => {
    const app = Testing.app();
    const redis = FoundationService.redis(app, 'redis');
    FoundationService.mongodb(app, 'mongo');
    FoundationService.elasticsearch(app, 'search');
    new LucidService(app, 'api', {
      plane: Plane.OPS,
      layer: Layer.CORE_SUPPORT,
      description: 'api',
      directory: 'apps/api',
      port: 8080,
      runtime: ServiceRuntime.python(),
      dependsOn: [redis],
    });
    const findings = app.compliance.findings().filter(f => f.ruleId.startsWith('LUCID-CMP'));
    expect(findings.map(Compliance.format)).toEqual([]);
    // Both files were judged, and the report says so.
    const report = Object.entries(Testing.synth(app)).find(([p]) => p.endsWith('COMPLIANCE.md'))![1];
    expect(report).toContain('| `docker-compose.yml` | compose file `docker-compose.yml` |');
    expect(report).toContain('| `docker-compose.base.yml` | compose file `docker-compose.base.yml` |');
    expect(report).toContain('| `.github/workflows/images.yml` | workflow `.github/workflows/images.yml` |');
  });
});
