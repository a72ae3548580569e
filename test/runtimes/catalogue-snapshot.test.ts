import { RuntimeFamily } from '../../src/runtimes';

/** The whole public state of a family, as plain JSON. */
function describeFamily(family: RuntimeFamily): unknown {
  return {
    name: family.name,
    repository: family.repository,
    language: family.language,
    debian: family.debian,
    languageVersion: family.languageVersion,
    interpreterPath: family.interpreterPath,
    interpreterAliases: family.interpreterAliases,
    entrypoint: family.entrypoint,
    platforms: family.platforms,
    support: family.support,
    builder: family.builder,
    jdkImage: family.jdkImage,
    mavenImage: family.mavenImage,
    gradleImage: family.gradleImage,
    pythonSitePackagesPath: family.pythonSitePackagesPath,
    env: family.env,
    releaseEnvNames: family.releaseEnvNames,
    image: family.image(),
    sources: family.sources,
  };
}

describe('the runtime catalogue', () => {
  test('matches the reviewed snapshot (update it only together with the upstream citations)', () => {
    // GIVEN / WHEN
    const table = JSON.parse(JSON.stringify(RuntimeFamily.all().map(describeFamily)));

    // THEN
    expect(table).toMatchSnapshot();
  });
});
