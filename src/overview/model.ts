// What STACK.md is drawn from: plain data read off the construct tree once per rendering, so the renderer
// never touches a construct.

/** Where a stage of an image comes FROM. @internal */
export interface OverviewStageSource {
  /** The stage's name (`builder`, `runtime`). */
  readonly stage: string;
  /** The image of the app the stage is built on (bake feeds it in as a `target:` context), if it is one. */
  readonly appImage?: string;
  /** The upstream image reference otherwise (`python:3.12-trixie`, `gcr.io/distroless/...`). */
  readonly upstream?: string;
  /** Whether the upstream image is a distroless runtime of the catalogue (rather than a builder). */
  readonly distroless?: boolean;
}

/** An image the app builds: a base image or a service. @internal */
export interface OverviewImage {
  /** The bake target and compose service name. */
  readonly name: string;
  readonly isService: boolean;
  readonly description: string;
  /** The distroless runtime family of its final stage. */
  readonly family: string;
  /** Its family's support status, in words (`supported`, `removed on 2026-…; move to …`). */
  readonly support: string;
  readonly sizeBudgetMb: number;
  /** Services only. */
  readonly port?: number;
  readonly plane?: string;
  readonly layer?: number;
  /** The sources of its stages that are not other stages of the same Dockerfile, in stage order. */
  readonly sources: OverviewStageSource[];
}

/** A service of the running stack: a Lucid service or a foundation service. @internal */
export interface OverviewService {
  readonly name: string;
  /** Whether it runs an upstream image (a foundation service) rather than one the app builds. */
  readonly foundation: boolean;
  readonly port: number;
  readonly layer: number;
  /** Lucid services only. */
  readonly plane?: string;
  /** The runtime family (Lucid services) or the upstream image (foundation services). */
  readonly runs: string;
  /** Its compose networks, sorted. */
  readonly networks: string[];
  /** The services it needs running and healthy first (compose `depends_on`), in declaration order. */
  readonly dependsOn: string[];
}

/** A "talks to" link between two services: who calls whom at run time. @internal */
export interface OverviewTalk {
  readonly from: string;
  readonly to: string;
  /** What the link carries (`HTTP`, `Redis protocol`). */
  readonly label?: string;
}

/** Everything STACK.md shows. @internal */
export interface OverviewInput {
  /** The stack's name. */
  readonly title: string;
  /** The date support windows are judged against, if the app gives one. */
  readonly asOf?: string;
  /** Every image the app builds, in construct-tree order. */
  readonly images: OverviewImage[];
  /** Every service of the stack (Lucid services, then foundation services), in construct-tree order. */
  readonly services: OverviewService[];
  /** Who talks to whom at run time: drawn dotted in the runtime graph. */
  readonly talks: OverviewTalk[];
}
