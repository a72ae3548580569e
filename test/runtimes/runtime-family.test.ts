import {
  DebianRelease, DistrolessTag, RuntimeFamily, RuntimeLanguage, SupportStatus,
} from '../../src/runtimes';

const ARCH_IN_PATH = /amd64|arm64|aarch64|x86_64|x86-64|riscv64|s390x|ppc64|armhf|armel|i386/;

/** Every static constant of RuntimeFamily that holds a family. */
function staticFamilies(): RuntimeFamily[] {
  return Object.getOwnPropertyNames(RuntimeFamily)
    .map(key => (RuntimeFamily as any)[key])
    .filter(value => RuntimeFamily.isRuntimeFamily(value));
}

/** Every path-like string a family carries. */
function pathsOf(family: RuntimeFamily): string[] {
  return [
    family.interpreterPath, family.builder.interpreterPath, family.pythonSitePackagesPath,
    ...family.interpreterAliases, ...family.entrypoint, ...Object.values(family.env),
  ].filter((p): p is string => p !== undefined);
}

describe('RuntimeFamily catalogue', () => {
  test('holds exactly the families Lucid uses, current and legacy', () => {
    // GIVEN / WHEN
    const names = RuntimeFamily.all().map(f => f.name);

    // THEN
    expect(names).toEqual([
      'base-debian12', 'base-debian13', 'cc-debian12', 'cc-debian13',
      'java17-debian12', 'java17-debian13', 'java21-debian13', 'java25-debian13',
      'nodejs20-debian12', 'nodejs22-debian13', 'nodejs24-debian13', 'nodejs26-debian13',
      'python3-debian12', 'python3-debian13', 'static-debian12', 'static-debian13',
    ]);
  });

  test('all() is sorted by name and lists every static constant exactly once', () => {
    // GIVEN
    const all = RuntimeFamily.all();

    // WHEN
    const statics = staticFamilies();

    // THEN
    expect(all.map(f => f.name)).toEqual([...all.map(f => f.name)].sort());
    expect(new Set(all.map(f => f.name)).size).toBe(all.length);
    expect(new Set(statics)).toEqual(new Set(all));
    expect(statics).toHaveLength(all.length);
  });

  test('all() returns a copy that callers cannot use to change the catalogue', () => {
    // GIVEN
    const all = RuntimeFamily.all();

    // WHEN
    all.pop();

    // THEN
    expect(RuntimeFamily.all()).toHaveLength(all.length + 1);
  });

  test('every static constant is named after its family', () => {
    for (const key of Object.getOwnPropertyNames(RuntimeFamily)) {
      const value = (RuntimeFamily as any)[key];
      if (RuntimeFamily.isRuntimeFamily(value)) {
        expect(key).toBe(value.name.toUpperCase().replace(/-/g, '_'));
      }
    }
  });

  test('every repository is gcr.io/distroless/<name> and the name ends with its Debian release', () => {
    for (const family of RuntimeFamily.all()) {
      expect(family.repository).toBe(`gcr.io/distroless/${family.name}`);
      expect(family.name.endsWith(`-${family.debian}`)).toBe(true);
    }
  });

  test('every debian13 family is supported', () => {
    const current = RuntimeFamily.all().filter(f => f.debian === DebianRelease.DEBIAN13);
    expect(current.length).toBeGreaterThan(0);
    for (const family of current) {
      expect(family.support.status).toBe(SupportStatus.SUPPORTED);
      expect(family.support.replacement).toBeUndefined();
      expect(family.isDeprecated()).toBe(false);
    }
  });

  test('every debian12 family is flagged with an end of life and a debian13 replacement of the same language', () => {
    const legacy = RuntimeFamily.all().filter(f => f.debian === DebianRelease.DEBIAN12);
    expect(legacy.map(f => f.name)).toEqual([
      'base-debian12', 'cc-debian12', 'java17-debian12', 'nodejs20-debian12', 'python3-debian12', 'static-debian12',
    ]);
    for (const family of legacy) {
      expect(family.support.status).not.toBe(SupportStatus.SUPPORTED);
      expect(family.isDeprecated()).toBe(true);
      expect(family.support.endOfLife).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const replacement = family.replacementFamily();
      expect(replacement).toBeDefined();
      expect(RuntimeFamily.fromName(family.support.replacement!)).toBe(replacement);
      expect(replacement!.debian).toBe(DebianRelease.DEBIAN13);
      expect(replacement!.language).toBe(family.language);
      expect(replacement!.support.status).toBe(SupportStatus.SUPPORTED);
    }
  });

  test('removed families carry the removal date, which follows their end of life', () => {
    const removed = RuntimeFamily.all().filter(f => f.support.status === SupportStatus.REMOVED);
    expect(removed.map(f => f.name)).toEqual(['java17-debian12', 'nodejs20-debian12', 'python3-debian12']);
    for (const family of removed) {
      expect(family.support.removedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(family.support.removedOn! >= family.support.endOfLife!).toBe(true);
    }
    for (const family of RuntimeFamily.all().filter(f => f.support.status !== SupportStatus.REMOVED)) {
      expect(family.support.removedOn).toBeUndefined();
    }
  });

  test('every entry cites its sources, including the source of its support window', () => {
    for (const family of RuntimeFamily.all()) {
      expect(family.sources.length).toBeGreaterThan(0);
      expect(new Set(family.sources).size).toBe(family.sources.length);
      for (const citation of family.sources) {
        expect(citation).not.toContain(';');
      }
      for (const citation of family.support.source.split('; ')) {
        expect(family.sources).toContain(citation);
      }
    }
  });

  test('no path, entrypoint or env value names a CPU architecture', () => {
    for (const family of RuntimeFamily.all()) {
      for (const path of pathsOf(family)) {
        expect({ family: family.name, path, arch: ARCH_IN_PATH.test(path) }).toEqual({ family: family.name, path, arch: false });
      }
    }
  });

  test('every family publishes linux/amd64 and linux/arm64, as Docker platform strings', () => {
    for (const family of RuntimeFamily.all()) {
      expect(family.platforms).toEqual(expect.arrayContaining(['linux/amd64', 'linux/arm64']));
      for (const platform of family.platforms) {
        expect(platform).toMatch(/^linux\/[a-z0-9]+(\/v\d)?$/);
      }
      expect(new Set(family.platforms).size).toBe(family.platforms.length);
    }
  });

  test('every family sets the PATH and SSL_CERT_FILE of distroless static, and no JAVA_HOME', () => {
    for (const family of RuntimeFamily.all()) {
      expect(family.env.PATH).toBe('/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
      expect(family.env.SSL_CERT_FILE).toBe('/etc/ssl/certs/ca-certificates.crt');
      expect(family.env.JAVA_HOME).toBeUndefined();
      expect(family.releaseEnvNames).not.toContain('JAVA_HOME');
    }
  });

  test('every builder image has an explicit version tag, never latest', () => {
    for (const family of RuntimeFamily.all()) {
      const images = [family.builder.image, family.jdkImage, family.mavenImage, family.gradleImage].filter((i): i is string => !!i);
      for (const image of images) {
        expect(image).toMatch(/^[a-z0-9.-]+(\/[a-z0-9.-]+)*:[A-Za-z0-9_.-]+$/);
        expect(image.split(':')[1]).not.toBe('latest');
        expect(image.split(':')[1]).toMatch(/\d/);
      }
      expect(family.builder.description.length).toBeGreaterThan(20);
    }
  });

  test('the catalogue cannot be mutated through a family', () => {
    // GIVEN
    const family = RuntimeFamily.PYTHON3_DEBIAN13;

    // WHEN / THEN
    expect(() => family.builder.packages.push('python3-pip')).toThrow(TypeError);
    expect(() => family.entrypoint.push('-u')).toThrow(TypeError);
    expect(() => { (family.env as any).PATH = '/bin'; }).toThrow(TypeError);
    expect(() => { (family.support as any).status = SupportStatus.REMOVED; }).toThrow(TypeError);
    expect(() => { (family as any).name = 'python3'; }).toThrow(TypeError);
    expect(RuntimeFamily.PYTHON3_DEBIAN13.builder.packages).toEqual(['python3-venv']);
  });
});

describe('Python families', () => {
  const python = RuntimeFamily.all().filter(f => f.language === RuntimeLanguage.PYTHON);

  test('the builder interpreter is the runtime interpreter, on the same Debian release', () => {
    expect(python.map(f => f.name)).toEqual(['python3-debian12', 'python3-debian13']);
    for (const family of python) {
      expect(family.builder.interpreterPath).toBe(family.interpreterPath);
      expect(family.builder.image).toBe(`debian:${family.debian.replace('debian', '')}-slim`);
      expect(family.builder.packages).toEqual(['python3-venv']);
    }
  });

  test('interpreter, entrypoint and site-packages agree with the language version', () => {
    for (const family of python) {
      expect(family.interpreterPath).toBe(`/usr/bin/python${family.languageVersion}`);
      expect(family.entrypoint).toEqual([family.interpreterPath]);
      expect(family.pythonSitePackagesPath).toBe(`lib/python${family.languageVersion}/site-packages`);
      expect(family.interpreterAliases).toEqual(['/usr/bin/python', '/usr/bin/python3']);
      expect(family.env.LANG).toBe('C.UTF-8');
    }
  });

  test('python3-debian13 is Python 3.13 and python3-debian12 is Python 3.11', () => {
    expect(RuntimeFamily.PYTHON3_DEBIAN13.interpreterPath).toBe('/usr/bin/python3.13');
    expect(RuntimeFamily.PYTHON3_DEBIAN12.interpreterPath).toBe('/usr/bin/python3.11');
  });
});

describe('Java families', () => {
  const java = RuntimeFamily.all().filter(f => f.language === RuntimeLanguage.JAVA);

  test('run the jar given as CMD through /usr/bin/java, and set JAVA_VERSION but not JAVA_HOME', () => {
    expect(java.map(f => f.name)).toEqual(['java17-debian12', 'java17-debian13', 'java21-debian13', 'java25-debian13']);
    for (const family of java) {
      expect(family.entrypoint).toEqual(['/usr/bin/java', '-jar']);
      expect(family.interpreterPath).toBe('/usr/bin/java');
      expect(family.releaseEnvNames).toEqual(['JAVA_VERSION']);
    }
  });

  test('the JDK, Maven and Gradle images are of the same Java major, and the builder is the JDK', () => {
    for (const family of java) {
      const major = family.languageVersion!;
      expect(family.jdkImage).toBe(`eclipse-temurin:${major}-jdk`);
      expect(family.mavenImage).toBe(`maven:3.9-eclipse-temurin-${major}`);
      expect(family.gradleImage).toMatch(new RegExp(`^gradle:\\d+-jdk${major}$`));
      expect(family.builder.image).toBe(family.jdkImage);
      expect(family.name).toBe(`java${major}-${family.debian}`);
    }
  });

  test('Java 25 builds with Gradle 9, the first Gradle that runs on JDK 25', () => {
    expect(RuntimeFamily.JAVA25_DEBIAN13.gradleImage).toBe('gradle:9-jdk25');
    expect(RuntimeFamily.JAVA21_DEBIAN13.gradleImage).toBe('gradle:8-jdk21');
  });

  test('only Java families expose JDK, Maven and Gradle images', () => {
    for (const family of RuntimeFamily.all().filter(f => f.language !== RuntimeLanguage.JAVA)) {
      expect([family.jdkImage, family.mavenImage, family.gradleImage]).toEqual([undefined, undefined, undefined]);
    }
  });
});

describe('Node.js families', () => {
  const node = RuntimeFamily.all().filter(f => f.language === RuntimeLanguage.NODEJS);

  test('run /nodejs/bin/node, and build on the official node image of the same major and Debian codename', () => {
    const codename: { [debian: string]: string } = { debian12: 'bookworm', debian13: 'trixie' };
    expect(node.map(f => f.name)).toEqual(['nodejs20-debian12', 'nodejs22-debian13', 'nodejs24-debian13', 'nodejs26-debian13']);
    for (const family of node) {
      expect(family.interpreterPath).toBe('/nodejs/bin/node');
      expect(family.entrypoint).toEqual(['/nodejs/bin/node']);
      expect(family.builder.image).toBe(`node:${family.languageVersion}-${codename[family.debian]}-slim`);
      expect(family.builder.interpreterPath).not.toBe(family.interpreterPath);
    }
  });

  test('follow the Node.js LTS schedule: a later major never ends before an earlier one', () => {
    const current = node.filter(f => f.debian === DebianRelease.DEBIAN13);
    const ends = current.map(f => f.support.endOfLife!);
    expect(ends).toEqual([...ends].sort());
    expect(RuntimeFamily.NODEJS22_DEBIAN13.isDeprecated('2027-04-30')).toBe(false);
    expect(RuntimeFamily.NODEJS22_DEBIAN13.isDeprecated('2027-05-01')).toBe(true);
  });
});

describe('native families', () => {
  test('have no entrypoint and no interpreter, and build with build-essential on the same Debian release', () => {
    const native = RuntimeFamily.all().filter(f => f.language === RuntimeLanguage.NATIVE);
    expect(native).toHaveLength(6);
    for (const family of native) {
      expect(family.entrypoint).toEqual([]);
      expect(family.interpreterPath).toBeUndefined();
      expect(family.languageVersion).toBeUndefined();
      expect(family.builder.image).toBe(`debian:${family.debian.replace('debian', '')}-slim`);
      expect(family.builder.packages).toEqual(['build-essential']);
    }
  });
});

describe('RuntimeFamily.fromName', () => {
  test('returns the catalogue instance', () => {
    expect(RuntimeFamily.fromName('cc-debian13')).toBe(RuntimeFamily.CC_DEBIAN13);
    expect(RuntimeFamily.fromName(`cc-${RuntimeFamily.JAVA21_DEBIAN13.debian}`)).toBe(RuntimeFamily.CC_DEBIAN13);
  });

  test('throws an error that lists every known name', () => {
    // GIVEN
    let message = '';

    // WHEN
    try {
      RuntimeFamily.fromName('python3');
    } catch (e) {
      message = (e as Error).message;
    }

    // THEN
    expect(message).toMatch(/Unknown distroless runtime family 'python3'/);
    for (const family of RuntimeFamily.all()) {
      expect(message).toContain(family.name);
    }
  });
});

describe('RuntimeFamily.image', () => {
  test('defaults to the nonroot tag', () => {
    expect(RuntimeFamily.PYTHON3_DEBIAN13.image()).toBe('gcr.io/distroless/python3-debian13:nonroot');
  });

  test('renders every tag', () => {
    expect(RuntimeFamily.STATIC_DEBIAN13.image(DistrolessTag.LATEST)).toBe('gcr.io/distroless/static-debian13:latest');
    expect(RuntimeFamily.JAVA21_DEBIAN13.image(DistrolessTag.DEBUG)).toBe('gcr.io/distroless/java21-debian13:debug');
    expect(RuntimeFamily.NODEJS22_DEBIAN13.image(DistrolessTag.DEBUG_NONROOT)).toBe('gcr.io/distroless/nodejs22-debian13:debug-nonroot');
  });
});

describe('RuntimeFamily.isDeprecated', () => {
  test('without a date only the status counts', () => {
    expect(RuntimeFamily.NODEJS22_DEBIAN13.isDeprecated()).toBe(false);
    expect(RuntimeFamily.BASE_DEBIAN12.isDeprecated()).toBe(true);
    expect(RuntimeFamily.PYTHON3_DEBIAN12.isDeprecated()).toBe(true);
  });

  test('with a date, a supported family is deprecated only after its end of life', () => {
    expect(RuntimeFamily.NODEJS24_DEBIAN13.isDeprecated('2028-04-30')).toBe(false);
    expect(RuntimeFamily.NODEJS24_DEBIAN13.isDeprecated('2028-05-01')).toBe(true);
    expect(RuntimeFamily.PYTHON3_DEBIAN13.isDeprecated('2099-01-01')).toBe(false);
  });

  test('a family that is not supported stays deprecated whatever the date', () => {
    expect(RuntimeFamily.STATIC_DEBIAN12.isDeprecated('2000-01-01')).toBe(true);
  });

  test('rejects dates that are not ISO calendar dates', () => {
    expect(() => RuntimeFamily.PYTHON3_DEBIAN13.isDeprecated('2026-13-01')).toThrow(/ISO date/);
    expect(() => RuntimeFamily.PYTHON3_DEBIAN13.isDeprecated('2026-02-30')).toThrow(/ISO date/);
    expect(() => RuntimeFamily.PYTHON3_DEBIAN13.isDeprecated('1 May 2026')).toThrow(/ISO date/);
  });
});

describe('RuntimeFamily.isRuntimeFamily', () => {
  test('recognises families and nothing else', () => {
    expect(RuntimeFamily.isRuntimeFamily(RuntimeFamily.CC_DEBIAN13)).toBe(true);
    expect(RuntimeFamily.isRuntimeFamily({ name: 'cc-debian13' })).toBe(false);
    expect(RuntimeFamily.isRuntimeFamily(undefined)).toBe(false);
    expect(RuntimeFamily.isRuntimeFamily(null)).toBe(false);
  });
});
