import * as path from 'path';
import { Construct, IConstruct } from 'constructs';
import { BuildSecret } from './build-secret';
import type { ILucidApp } from '../core/app';
import { appOf } from '../core/app-of';
import { newConstructId } from '../core/construct-id';
import { duplicateImageReference, familyNotOfLanguage, imageHasNoStages, invalidImageTagTemplate } from '../core/errors';
import { GeneratedFile } from '../core/generated-file';
import { pathProblems } from '../core/path-grammar';
import { textProblems } from '../core/text';
import { findAll, memo } from '../core/tree-index';
import { BaseImage, Dockerfile, ImageReference, MountType, renderDockerignore, RunMount, Stage } from '../dockerfile';
import { ImageRecipe, recipeForLanguage } from '../recipes';
import { DistrolessTag, RuntimeFamily, RuntimeLanguage } from '../runtimes';
import { SecretSource } from './secret-source';
import { StructureTest } from '../structure-test/structure-test';

const LUCID_IMAGE = Symbol.for('lucid-cdk.LucidImage');
/** What stands for the app's tag in an image's tag template. */
const TAG_PLACEHOLDER = '{tag}';
/** Docker's rule for tags (distribution/reference `tag`). */
const DOCKER_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** Whether an image is a base image (built FROM by others) or a runnable service. */
export enum ImageKind {
  /** An image other images build FROM. Never a running service. */
  BASE = 'base',
  /** A runnable service. */
  SERVICE = 'service',
}

/**
 * Properties shared by every Lucid image.
 */
export interface LucidImageProps {
  /**
   * The build context: a folder relative to the app's folder. The generated `Dockerfile` and `.dockerignore`
   * are written into it.
   */
  readonly directory: string;

  /**
   * The image's repository name (without registry), tagged `<registry>/<imageName>:<tag>`. Several images may
   * share a repository when their tags differ.
   * @default `lucid-<id>`
   */
  readonly imageName?: string;

  /**
   * The image's tag, as a template in which `{tag}` stands for the app's tag (the `TAG` of the bake file, compose
   * and the workflow): `'python-distroless'` is a fixed tag, `'{tag}-python'` follows the app's. The result must be
   * a Docker tag. Per-architecture tags append `-<arch>` (`python-distroless-arm64`).
   * @default '{tag}'
   */
  readonly tag?: string;

  /**
   * The `description` label.
   * @default - a description derived from the image's kind and id
   */
  readonly description?: string;

  /**
   * The `version` label.
   * @default '1.0.0'
   */
  readonly version?: string;

  /**
   * The size budget in MB (10^6 bytes) the built image must stay under; measured by the e2e suite and CI.
   * @default - by runtime: Python 100, Java 150, Node 180, others 100
   */
  readonly sizeBudgetMb?: number;

  /**
   * Secrets the build steps that fetch dependencies need (private package index credentials).
   * @default []
   */
  readonly buildSecrets?: BuildSecret[];
}

/**
 * An image of a Lucid app: a multi-stage Dockerfile in its build context, with a `.dockerignore` derived from
 * what the Dockerfile copies. Base images and services are both Lucid images.
 */
export abstract class LucidImage extends Construct {
  /** Whether `x` is a LucidImage (works across copies of this library). */
  public static isLucidImage(x: any): x is LucidImage {
    return x !== null && typeof x === 'object' && LUCID_IMAGE in x;
  }

  /** Every Lucid image of an app, in construct-tree order. */
  public static all(app: IConstruct): LucidImage[] {
    return memo(app, 'LucidImage.all', () => findAll(app).filter(LucidImage.isLucidImage));
  }

  /** The app this image belongs to. */
  public readonly app: ILucidApp;
  /** The build context, relative to the app's folder. */
  public readonly directory: string;
  /** The repository name, without registry. */
  public readonly imageName: string;
  /** The tag template, in which `{tag}` stands for the app's tag. */
  public readonly tagTemplate: string;
  /** The `description` label. */
  public readonly description: string;
  /** The `version` label. */
  public readonly version: string;
  /**
   * The Dockerfile model of this image, rendered at synthesis: stages and instructions added to it after the
   * image is constructed (`image.dockerfile.stage('runtime').addEnv(...)`, `replaceStage`) are written and
   * validated like lucid-cdk's own.
   */
  public readonly dockerfile: Dockerfile;
  /** The image's container-structure-test config, whose `file` takes overrides. */
  public readonly structureTest: StructureTest;
  /** Whether this is a base image or a service. */
  public abstract readonly kind: ImageKind;

  /** Secrets mounted into the build steps that fetch dependencies. */
  public readonly buildSecrets: BuildSecret[];

  private readonly explicitBudget?: number;
  private readonly fromImages: LucidImage[] = [];
  /** `directory` as given, checked against the path grammar (`directory` is its normal form). */
  private readonly givenDirectory: string;

  /**
   * @param scope the construct this one belongs to (a LucidApp, or a construct inside one)
   * @param id the construct id: names the bake target and the compose service, so keep it short and stable
   * @param props its properties
   */
  constructor(scope: Construct, id: string, props: LucidImageProps) {
    super(scope, newConstructId(scope, id));
    Object.defineProperty(this, LUCID_IMAGE, { value: true });
    this.app = appOf(this);
    this.givenDirectory = props.directory;
    this.directory = path.posix.normalize(props.directory);
    this.imageName = props.imageName ?? `lucid-${id}`;
    this.tagTemplate = props.tag ?? TAG_PLACEHOLDER;
    this.version = props.version ?? '1.0.0';
    this.description = props.description ?? `Lucid ${id}`;
    this.explicitBudget = props.sizeBudgetMb;
    this.buildSecrets = [...(props.buildSecrets ?? [])];

    this.dockerfile = new Dockerfile(this, 'Dockerfile');
    const app = this.app;
    const dockerfile = this.dockerfile;
    new GeneratedFile(this, app.filePath(path.posix.join(this.directory, 'Dockerfile')), {
      render: header => withHeader(dockerfile.render(), header),
    });
    new GeneratedFile(this, app.filePath(path.posix.join(this.directory, '.dockerignore')), {
      render: header => renderDockerignore(dockerfile.contextSources(), header),
    });
    this.structureTest = new StructureTest(this, 'StructureTest');
    this.node.addValidation({ validate: () => this.validateImage() });
  }

  /** The distroless runtime family of the final stage (directly, or through a base image of the app). */
  public abstract get runtimeFamily(): RuntimeFamily;

  /** The size budget in MB. */
  public get sizeBudgetMb(): number {
    return this.explicitBudget ?? defaultBudget(this.runtimeFamily);
  }

  /** The final (runtime) stage. */
  public get runtimeStage(): Stage {
    const s = this.dockerfile.finalStage;
    if (!s) {
      throw imageHasNoStages(this.node.path);
    }
    return s;
  }

  /** The image reference this image is tagged with by default: `<registry>/<imageName>:<tag>`. */
  public get imageRef(): string {
    return `${this.app.registry}/${this.imageName}:${this.tag}`;
  }

  /** The image's tag with the app's tag: `tagTemplate` with `{tag}` replaced by it. */
  public get tag(): string {
    return this.tagWith(this.app.tag);
  }

  /**
   * The image's tag when the app's tag is `appTag`: `tagTemplate` with every `{tag}` replaced by it. The bake
   * file, compose and the workflow pass their `TAG` variable's reference.
   * @param appTag what `{tag}` stands for
   */
  public tagWith(appTag: string): string {
    return this.tagTemplate.split(TAG_PLACEHOLDER).join(appTag);
  }

  /**
   * The name the image's build cache is kept under (the GitHub Actions cache scope, the registry cache's
   * repository): the repository name, followed by the tag for an image with a tag of its own, so that images of one
   * repository keep their caches apart (`lucid-base-python-distroless`).
   * @internal
   */
  public get _cacheName(): string {
    return this.tagTemplate === TAG_PLACEHOLDER ? this.imageName : `${this.imageName}-${this.tagWith('tag')}`;
  }

  /** The images of this app that this image is built FROM (bake feeds them in as named contexts). */
  public get baseImages(): LucidImage[] {
    return [...this.fromImages];
  }

  /** The target name in the bake file, and the service name in compose: the construct id. */
  public get targetName(): string {
    return this.node.id;
  }

  /**
   * A FROM source for another image of this app, recorded as a build dependency.
   * @internal
   */
  public _fromLucidImage(image: LucidImage): BaseImage {
    if (!this.fromImages.includes(image)) {
      this.fromImages.push(image);
    }
    return BaseImage.fromRegistry(image.imageRef, { hasShell: false });
  }

  /** A FROM source for a distroless runtime family (no shell). @internal */
  protected _fromFamily(family: RuntimeFamily, tag: DistrolessTag = DistrolessTag.NONROOT): BaseImage {
    // Any family renders: compliance refuses a removed one (LUCID-IMG7) and warns of a deprecated one (LUCID-IMG8).
    return BaseImage.fromRegistry(family.image(tag), { hasShell: tag === DistrolessTag.DEBUG || tag === DistrolessTag.DEBUG_NONROOT });
  }

  /** The secret mounts of the build steps that fetch dependencies. @internal */
  protected _secretMounts(): RunMount[] {
    return this.buildSecrets.map(s => ({ mountType: MountType.SECRET, id: s.id, target: s.target, required: false }));
  }

  /**
   * Throws unless `family` is of `language`: a combination that can never build.
   * @internal
   */
  protected _requireLanguage(family: RuntimeFamily, language: RuntimeLanguage, label: string): void {
    if (family.language !== language) {
      const names = RuntimeFamily.all().filter(f => f.language === language).map(f => f.name);
      throw familyNotOfLanguage(this.node.path, family.name, label, names);
    }
  }

  /** The recipe of the image's language, and what it needs to know about the image. @internal */
  public _structureRecipe(): ImageRecipe {
    const family = this.runtimeFamily;
    return { recipe: recipeForLanguage(family.language), facts: { service: false, family, entrypoint: this._entrypoint() } };
  }

  /** The entrypoint of the runtime stage. @internal */
  protected _entrypoint(): string[] {
    return [...(this.runtimeStage.entrypoint ?? [])];
  }

  /** Adds the labels every Lucid image carries. @internal */
  protected _addStandardLabels(stage: Stage): void {
    stage.addLabel('maintainer', this.app.maintainer);
    stage.addLabel('version', this.version);
    stage.addLabel('description', this.description);
    stage.addLabel('org.opencontainers.image.title', this.imageName);
    stage.addLabel('org.opencontainers.image.description', this.description);
    stage.addLabel('org.opencontainers.image.version', this.version);
    stage.addLabel('org.opencontainers.image.authors', this.app.maintainer);
  }

  private validateImage(): string[] {
    const errors: string[] = [];
    if (this.directory.startsWith('..') || path.posix.isAbsolute(this.directory)) {
      errors.push(`directory "${this.directory}" must be a folder inside the app's folder`);
    } else {
      errors.push(...pathProblems('directory', this.givenDirectory, { allowDot: true }));
    }
    if (!/^[a-z0-9]+([._-][a-z0-9]+)*$/.test(this.imageName) || !ImageReference.isValid(`${this.app.registry}/${this.imageName}:latest`)) {
      errors.push(`imageName "${this.imageName}" is not a valid image name: use lower case letters and digits separated by ".", "_" or "-"`);
    }
    // Checked with a stand-in for the app's tag, so that the template is judged on its own.
    if (!DOCKER_TAG.test(this.tagWith('latest')) || !DOCKER_TAG.test(this.tag)) {
      errors.push(invalidImageTagTemplate(this.node.path, this.tagTemplate).problem);
    }
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_-]*$/.test(this.node.id)) {
      errors.push(`id "${this.node.id}" is used as bake target and compose service name: use letters, digits, "-" and "_"`);
    }
    const ids = new Set<string>();
    for (const s of this.buildSecrets) {
      if (!/^[A-Za-z0-9_.-]+$/.test(s.id)) {
        errors.push(`build secret id "${s.id}" is invalid: use only letters, digits, "-", "_" and "." (e.g. "pip-index")`);
      }
      if (ids.has(s.id)) {
        errors.push(`build secret "${s.id}" is declared twice`);
      }
      ids.add(s.id);
      if (!s.target.startsWith('/')) {
        errors.push(`build secret "${s.id}" must be mounted at an absolute path, got "${s.target}": give one such as "/run/secrets/${s.id}"`);
      }
      if (s.source === SecretSource.FILE) {
        errors.push(...pathProblems(`build secret "${s.id}" from`, s.location));
      }
      if (s.source === SecretSource.ENVIRONMENT ? !/^[A-Za-z_][A-Za-z0-9_]*$/.test(s.location) : (s.location === '' || /[,\n"]/.test(s.location))) {
        errors.push(`build secret "${s.id}" reads from "${s.location}", which is not a valid ${s.source === SecretSource.ENVIRONMENT ? 'environment variable name' : 'file path (no commas, quotes or newlines)'}: rename it`);
      }
    }
    // The labels bake writes as HCL strings (which bake reads as NFC) and the Dockerfile as LABEL lines.
    errors.push(...textProblems([['description', this.description], ['version', this.version]], { nfc: true }));
    if (!(this.sizeBudgetMb > 0)) {
      errors.push(`sizeBudgetMb must be a positive number of MB, got ${this.sizeBudgetMb}`);
    }
    const { byId, byRef } = memo(this.app, 'LucidImage.byIdAndRef', () => {
      const imagesById = new Map<string, LucidImage[]>();
      const imagesByRef = new Map<string, LucidImage[]>();
      for (const image of LucidImage.all(this.app)) {
        for (const [map, key] of [[imagesById, image.node.id], [imagesByRef, image.imageRef]] as const) {
          map.set(key, map.get(key) ?? []);
          map.get(key)!.push(image);
        }
      }
      return { byId: imagesById, byRef: imagesByRef };
    });
    for (const other of byId.get(this.node.id) ?? []) {
      if (other !== this) {
        errors.push(`another image (${other.node.path}) has the same id "${this.node.id}": ids name bake targets and compose services and must be unique in the app`);
      }
    }
    for (const other of byRef.get(this.imageRef) ?? []) {
      if (other !== this) {
        errors.push(duplicateImageReference(this.node.path, this.imageRef, other.node.path).problem);
      }
    }
    return errors;
  }
}

function defaultBudget(family: RuntimeFamily): number {
  return recipeForLanguage(family.language).defaultBudgetMb;
}

/** Puts comment lines after any parser directive (`# syntax=`), which must stay first. */
function withHeader(content: string, header: string[]): string {
  const comments = header.map(h => `# ${h}\n`).join('');
  const m = /^(#\s*syntax\s*=[^\n]*\n)/i.exec(content);
  return m ? m[1] + comments + content.slice(m[1].length) : comments + content;
}
