import { Construct } from 'constructs';
import { OverviewImage, OverviewInput, OverviewService, OverviewStageSource, OverviewTalk } from './model';
import { renderOverview } from './render';
import { networksOf } from '../compose/compose-files';
import type { ILucidApp } from '../core/app';
import { invalidOverviewFileName } from '../core/errors';
import { GeneratedFile } from '../core/generated-file';
import { findAll } from '../core/tree-index';
import { ImageKind, LucidImage } from '../images/lucid-image';
import { RuntimeFamily, SupportStatus } from '../runtimes';
import { FoundationService } from '../service/foundation-service';
import { isStackService, LucidService } from '../service/lucid-service';

/**
 * Options of an app's stack overview.
 */
export interface StackOverviewOptions {
  /**
   * Write the overview. When false, the app has none (`app.overview` is undefined).
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * The overview's file name, in the app's folder.
   * @default 'STACK.md'
   */
  readonly fileName?: string;
}

/**
 * The app's `STACK.md`: the stack in pictures, drawn from the construct tree at every synthesis. Three Mermaid
 * diagrams (the planes and layers with every service in its cell; the build graph from upstream builder and
 * distroless images through the base images to the services, with the `target:` contexts bake wires; the
 * runtime graph of services by compose network with their start-up dependencies, solid, and who talks to whom,
 * dotted) and a table of every image: runtime family and its support status, size budget, port, plane and layer.
 *
 * Every LucidApp has one, as `app.overview`, unless its `overview.enabled` is false.
 */
export class StackOverview extends Construct {
  /** The file's path, relative to the project root. */
  public readonly filePath: string;
  private readonly app: ILucidApp;

  /**
   * @param app the app the overview draws
   * @param id the construct id
   * @param options its options
   */
  constructor(app: ILucidApp, id: string, options: StackOverviewOptions = {}) {
    super(app, id);
    this.app = app;
    const fileName = options.fileName ?? 'STACK.md';
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*\.md$/.test(fileName)) {
      throw invalidOverviewFileName(app.node.path, fileName);
    }
    this.filePath = app.filePath(fileName);
    new GeneratedFile(this, this.filePath, { render: header => renderOverview(header, this.input()) });
  }

  private input(): OverviewInput {
    const images = LucidImage.all(this.app);
    const lucid = images.filter(LucidService.isLucidService);
    const foundation = findAll(this.app).filter(FoundationService.isFoundationService);
    const networks = networksOf(lucid, foundation);
    const netsOf = (s: LucidService | FoundationService) => [...(networks.get(s) ?? [])].sort();
    const services: OverviewService[] = [
      ...lucid.map(s => ({
        name: s.serviceName,
        foundation: false,
        port: s.port,
        layer: s.layer,
        plane: s.plane,
        runs: s.runtimeFamily.name,
        networks: netsOf(s),
        dependsOn: s.dependsOn.filter(isStackService).map(d => d.serviceName),
      })),
      ...foundation.map(f => ({
        name: f.serviceName,
        foundation: true,
        port: f.port,
        layer: f.layer,
        runs: f.image,
        networks: netsOf(f),
        dependsOn: [],
      })),
    ];
    return {
      title: this.app.name,
      asOf: this.app.asOf,
      images: images.map(i => this.image(i)),
      services,
      talks: this.talks(lucid),
    };
  }

  private image(image: LucidImage): OverviewImage {
    const service = LucidService.isLucidService(image) ? image : undefined;
    // Only the images it is built on through the app reach it as bake contexts (as bake-file.ts wires them).
    const bases = image.baseImages;
    const sources: OverviewStageSource[] = [];
    for (const stage of image.dockerfile.stages) {
      const ref = stage.baseImage.imageRef;
      if (ref === undefined) {
        continue;
      }
      const base = bases.find(b => b.imageRef === ref);
      sources.push(base
        ? { stage: stage.name, appImage: base.targetName }
        : { stage: stage.name, upstream: ref, distroless: RuntimeFamily.all().some(f => ref.startsWith(`${f.repository}:`) || ref.startsWith(`${f.repository}@`)) });
    }
    return {
      name: image.targetName,
      isService: image.kind === ImageKind.SERVICE,
      description: image.description,
      family: image.runtimeFamily.name,
      support: supportOf(image.runtimeFamily, this.app.asOf),
      sizeBudgetMb: image.sizeBudgetMb,
      port: service?.port,
      plane: service?.plane,
      layer: service?.layer,
      sources,
    };
  }

  /**
   * Who talks to whom at run time, drawn dotted in the runtime graph: each Lucid service's `talksTo`, in
   * construct-tree and declaration order (what is not a running service is its validation's to report).
   */
  private talks(lucid: LucidService[]): OverviewTalk[] {
    return lucid.flatMap(s => s.talksTo.filter(isStackService).map(t => ({ from: s.serviceName, to: t.serviceName, label: 'talks to' })));
  }
}

/** A runtime family's support status in words, judged on `asOf` when the app gives a date. */
function supportOf(family: RuntimeFamily, asOf: string | undefined): string {
  const s = family.support;
  const move = s.replacement ? `; move to ${s.replacement}` : '';
  switch (s.status) {
    case SupportStatus.REMOVED:
      return `removed${s.removedOn ? ` on ${s.removedOn}` : ''}${move}`;
    case SupportStatus.DEPRECATED:
      return `deprecated${s.endOfLife ? ` (end of life ${s.endOfLife})` : ''}${move}`;
    default:
      if (s.endOfLife === undefined) {
        return 'supported';
      }
      if (asOf !== undefined && family.isDeprecated(asOf)) {
        return `past its end of life (${s.endOfLife}) on ${asOf}${move}`;
      }
      return `supported until ${s.endOfLife}`;
  }
}
