import { Construct } from 'constructs';
import { BakeString } from './bake-string';
import { BakeValue } from './bake-value';
import { BakeFunctionCall } from './function-call';
import { BakeFileModel, BakeGroup, BakeTarget } from './model';
import { architectureOf, perArchTargetName } from './per-arch';
import { renderBakeFile } from './render';
import { validateBakeModel } from './validate';
import type { ILucidApp } from '../core/app';
import { brand, hasBrand } from '../core/brand';
import { GeneratedFile } from '../core/generated-file';
import { requirePath } from '../core/path-grammar';
import { baseChain } from '../images/base-chain';
import { ImageKind, LucidImage } from '../images/lucid-image';
import { layerName } from '../service/layer';
import { LucidService } from '../service/lucid-service';
import { SecretSource } from '../service/secret';

/**
 * Options of an app's bake file.
 */
export interface BakeOptions {
  /**
   * The bake file, relative to the app's folder.
   * @default 'docker-bake.hcl'
   */
  readonly fileName?: string;
  /**
   * Also emit one target per image and platform, tagged `<tag>-<arch>` (e.g. `latest-arm64`,
   * `python-distroless-arm64`), in the group `per-arch`. The images workflow pushes these tags too.
   * @default false
   */
  readonly perArchitectureTags?: boolean;
}

/** The variables of the bake file; each can be overridden from the environment variable of the same name. */
const REGISTRY = 'REGISTRY';
const TAG = 'TAG';
const PLATFORMS = 'PLATFORMS';
const CACHE = 'CACHE';
const ATTEST = 'ATTEST';

const BAKE_FILE = Symbol.for('lucid-cdk.BakeFile');

/**
 * The app's `docker-bake.hcl`, derived from its images: one target per image, services built FROM a base
 * image of the app get that base as a `target:` context (bake builds it first and feeds it in, with no push
 * or pull in between), and groups by kind, plane, layer and service.
 *
 * The seeds' build-script flags map to bake's own: `--push`, `--no-cache`, `--set '*.platform=…'` or
 * `PLATFORMS=…`, `REGISTRY=…`, `TAG=…`, `CACHE=registry|gha`, `ATTEST=true`.
 */
export class BakeFile extends Construct {
  /** Whether `x` is a BakeFile (works across copies of this library). */
  public static isBakeFile(x: any): x is BakeFile {
    return hasBrand(x, BAKE_FILE);
  }

  /** Whether the file has one target per image and platform, tagged `<tag>-<arch>`. */
  public readonly perArchitectureTags: boolean;

  private readonly app: ILucidApp;

  /**
   * @param app the app whose images the file builds
   * @param id the construct id
   * @param options its options
   */
  constructor(app: ILucidApp, id: string, options: BakeOptions = {}) {
    super(app, id);
    brand(this, BAKE_FILE);
    this.app = app;
    this.perArchitectureTags = options.perArchitectureTags ?? false;
    const fileName = options.fileName ?? 'docker-bake.hcl';
    // An option of the app: the error names the app and the option the user gave.
    requirePath(app.node.path, 'bake.fileName', fileName);
    new GeneratedFile(this, app.filePath(fileName), { render: header => renderBakeFile(this.model(), header) });
    this.node.addValidation({ validate: () => validateBakeModel(this.model()).map(p => `${fileName}: ${p}`) });
  }

  /** The model of the bake file. */
  public model(): BakeFileModel {
    const images = LucidImage.all(this.app);
    const targets: BakeTarget[] = images.map(image => this.target(image));
    const groups: BakeGroup[] = [];
    const group = (name: string, members: LucidImage[], description: string) => {
      if (members.length > 0) {
        groups.push({ name, description, targets: members.map(m => m.targetName) });
      }
    };
    group('default', images, 'Every image of the stack');
    group('base', images.filter(i => i.kind === ImageKind.BASE), 'The base images');
    const services = images.filter(LucidService.isLucidService);
    group('services', services, 'The services');
    for (const plane of [...new Set(services.map(s => s.plane))].sort()) {
      group(plane, services.filter(s => s.plane === plane), `The services of the ${plane} plane`);
    }
    for (const layer of [...new Set(services.map(s => s.layer))].sort()) {
      group(layerName(layer), services.filter(s => s.layer === layer), `The services of layer ${layer}`);
    }
    for (const s of services) {
      const chain = baseChain(s);
      if (chain.length > 0) {
        group(`${s.targetName}-with-bases`, [...chain, s], `${s.targetName} and the base images it is built on`);
      }
    }
    if (this.perArchitectureTags) {
      const perArch: string[] = [];
      for (const image of images) {
        for (const platform of this.app.platforms) {
          const arch = architectureOf(platform);
          const name = perArchTargetName(image, platform);
          perArch.push(name);
          targets.push({
            name,
            description: `${image.targetName} for ${platform} only, tagged -${arch}`,
            inherits: [image.targetName],
            platforms: [BakeString.literal(platform)],
            tags: [tagOf(image, `-${arch}`)],
          });
        }
      }
      groups.push({ name: 'per-arch', description: 'One target per image and platform', targets: perArch });
    }
    return {
      variables: [
        { name: REGISTRY, defaultValue: BakeValue.fromString(BakeString.literal(this.app.registry)), description: 'Registry namespace of the image tags' },
        { name: TAG, defaultValue: BakeValue.fromString(BakeString.literal(this.app.tag)), description: 'Tag of every image' },
        {
          name: PLATFORMS,
          defaultValue: BakeValue.fromString(BakeString.literal(this.app.platforms.join(','))),
          description: 'Comma-separated platforms to build for',
        },
        {
          name: CACHE,
          defaultValue: BakeValue.fromString(BakeString.literal('')),
          description: 'Build cache: "registry" (<REGISTRY>/<image>:buildcache), "gha" (GitHub Actions cache, one scope per image), or empty for none',
          validations: [{ condition: `contains(["", "registry", "gha"], ${CACHE})`, errorMessage: 'CACHE must be "registry", "gha" or empty' }],
        },
        {
          name: ATTEST,
          defaultValue: BakeValue.fromBoolean(false),
          description: 'Attach SBOM and provenance attestations (needs an exporter that keeps them, such as --push)',
        },
      ],
      functions: [
        {
          name: 'cache_from',
          parameters: ['image'],
          result: `${CACHE} == "gha" ? ["type=gha,scope=\${image}"] : ${CACHE} == "registry" ? ["type=registry,ref=\${${REGISTRY}}/\${image}:buildcache"] : []`,
        },
        {
          name: 'cache_to',
          parameters: ['image'],
          result: `${CACHE} == "gha" ? ["type=gha,scope=\${image},mode=max"] : ${CACHE} == "registry" ? ["type=registry,ref=\${${REGISTRY}}/\${image}:buildcache,mode=max"] : []`,
        },
        {
          name: 'attestations',
          parameters: [],
          result: `${ATTEST} ? ["type=sbom", "type=provenance,mode=max"] : []`,
        },
      ],
      groups,
      targets,
    };
  }

  private target(image: LucidImage): BakeTarget {
    const contexts: { [name: string]: BakeString } = {};
    for (const base of image.baseImages) {
      // BuildKit matches a named context against the FROM reference in its familiar form, where a `:latest`
      // tag is dropped: the key must be written the same way or the build pulls the image instead.
      contexts[base.imageRef.replace(/:latest$/, '')] = BakeString.literal(`target:${base.targetName}`);
    }
    const labels: { [key: string]: BakeString } = {};
    const stageLabels = image.runtimeStage.labelMap();
    for (const key of Object.keys(stageLabels)) {
      labels[key] = BakeString.literal(stageLabels[key]);
    }
    const name = BakeString.literal(image._cacheName);
    return {
      name: image.targetName,
      description: image.description,
      context: BakeString.literal(image.directory),
      contexts,
      dockerfile: BakeString.literal('Dockerfile'),
      target: BakeString.literal(image.runtimeStage.name),
      labels,
      tags: [tagOf(image, '')],
      secret: image.buildSecrets.map(s => BakeString.literal(
        s.source === SecretSource.FILE ? `id=${s.id},src=${s.location}` : `id=${s.id},env=${s.location}`)),
      computed: {
        'platforms': BakeFunctionCall.of('split', [BakeString.literal(','), BakeString.variable(PLATFORMS)]),
        'cache-from': BakeFunctionCall.of('cache_from', [name]),
        'cache-to': BakeFunctionCall.of('cache_to', [name]),
        'attest': BakeFunctionCall.of('attestations'),
      },
    };
  }
}

/**
 * `${REGISTRY}/<imageName>:<tag>` with the image's tag template, `{tag}` written as `${TAG}`, and `suffix` after
 * it. The literal parts are literals of the BakeString, escaped by the renderer.
 */
function tagOf(image: LucidImage, suffix: string): BakeString {
  const parts: BakeString[] = [BakeString.variable(REGISTRY), BakeString.literal(`/${image.imageName}:`)];
  const marker = '\u0000';
  image.tagWith(marker).split(marker).forEach((text, i) => {
    if (i > 0) {
      parts.push(BakeString.variable(TAG));
    }
    parts.push(BakeString.literal(text));
  });
  parts.push(BakeString.literal(suffix));
  return BakeString.concat(...parts);
}
