import * as path from 'path';
import { Construct } from 'constructs';
import { StructureCommandTest, StructureFileExistenceTest, StructureTestConfig } from './model';
import { GeneratedObjectFile } from '../core/generated-file';
import { IOverridableFile } from '../core/overridable-file';
import { stringifyYaml } from '../core/yaml-scalars';
// The image names this construct in its own signature and creates it: this file imports the image's type
// only, and asks the image which recipe its checks come from.
import type { LucidImage } from '../images/lucid-image';
import { DistrolessUser } from '../runtimes';

/** Paths a distroless runtime must not have: a shell or a package manager. */
const ABSENT = ['/bin/sh', '/bin/bash', '/usr/bin/sh', '/usr/bin/apt-get', '/usr/bin/dpkg', '/sbin/apk'];

/**
 * The container-structure-test config (schema 2.0.0) of an image, `<directory>/structure-test.yaml`, derived
 * from its model: its metadata (user 65532, ports, labels, entrypoint, env), the absence of a shell and package
 * manager, the presence of what it runs, and its runtime's version, checked with the image's own interpreter in
 * exec form (never `sh -c`, `id` or `whoami`, which a distroless image does not have).
 */
export class StructureTest extends Construct {
  /** The image tested. */
  public readonly image: LucidImage;
  /**
   * The config file, `<directory>/structure-test.yaml`: call `addOverride` / `addDeletionOverride` on it to add
   * or change tests (`commandTests.1`, `metadataTest.workdir`). The overridden config is checked before it is
   * written (schema 2.0.0, lists where the schema has lists).
   */
  public readonly file: IOverridableFile;

  /**
   * @param image the image to test
   * @param id the construct id
   */
  constructor(image: LucidImage, id: string) {
    super(image, id);
    this.image = image;
    this.file = new GeneratedObjectFile(this, image.app.filePath(path.posix.join(image.directory, 'structure-test.yaml')), {
      object: () => this.config(),
      validate: object => configProblems(object),
      // Quoted for every YAML reader (core/yaml-scalars.ts): args such as " \n" must come back as written.
      render: (object, header) => [...header.map(h => `# ${h}`), stringifyYaml(object)].join('\n'),
    });
  }

  /** The config. */
  public config(): StructureTestConfig {
    const stage = this.image.runtimeStage;
    const env = stage.envVars();
    const labels = stage.labelMap();
    return {
      schemaVersion: '2.0.0',
      metadataTest: {
        envVars: Object.keys(env).map(key => ({ key, value: env[key] })),
        labels: Object.keys(labels).sort().map(key => ({ key, value: labels[key] })),
        entrypoint: [...(stage.entrypoint ?? [])],
        cmd: [...(stage.cmd ?? [])],
        exposedPorts: stage.exposedPorts.map(p => `${p.port}/${p.protocol}`),
        workdir: stage.workdir,
        user: stage.user ?? `${DistrolessUser.NONROOT_UID}`,
      },
      fileExistenceTests: [
        ...ABSENT.map(p => ({ name: `no ${p}`, path: p, shouldExist: false })),
        ...this.present(),
      ],
      commandTests: this.commands(),
    };
  }

  private present(): StructureFileExistenceTest[] {
    const { recipe, facts } = this.image._structureRecipe();
    return recipe.structureFiles(facts);
  }

  private commands(): StructureCommandTest[] {
    const { recipe, facts } = this.image._structureRecipe();
    return recipe.structureCommands(facts);
  }
}

/** The problems of a config (computed, or overridden) that container-structure-test would refuse. */
function configProblems(config: any): string[] {
  if (config.schemaVersion !== '2.0.0') {
    return [`schemaVersion: ${JSON.stringify(config.schemaVersion)} is not "2.0.0", the schema of the tests lucid-cdk writes`];
  }
  const problems: string[] = [];
  for (const key of ['commandTests', 'fileExistenceTests', 'fileContentTests', 'licenseTests']) {
    const tests = config[key];
    if (tests === undefined) {
      continue;
    }
    if (!Array.isArray(tests)) {
      problems.push(`${key}: is not a list of tests`);
      continue;
    }
    tests.forEach((t, i) => {
      if (t === null || typeof t !== 'object' || Array.isArray(t) || typeof t.name !== 'string' || t.name === '') {
        problems.push(`${key}[${i}]: is not a test with a name`);
      }
    });
  }
  if (config.metadataTest !== undefined && (config.metadataTest === null || typeof config.metadataTest !== 'object' || Array.isArray(config.metadataTest))) {
    problems.push('metadataTest: is not a mapping');
  }
  return problems;
}
