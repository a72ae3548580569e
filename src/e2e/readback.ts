// Values the Dockerfile model wrote, read back from the image BuildKit built: what the e2e suite compares.

/**
 * A Dockerfile the suite builds as it is and reads back: the labels, environment and entrypoint BuildKit must
 * give the image, exactly. @internal
 */
export interface DockerfileReadback {
  /** The folder holding the Dockerfile (`FROM scratch`: nothing to pull). */
  readonly dir: string;
  readonly labels: { readonly [key: string]: string };
  readonly env: { readonly [key: string]: string };
  readonly entrypoint: string[];
}

/** The parts of an image's config (`docker image inspect -f '{{json .Config}}'`) a readback compares. @internal */
export interface ImageConfig {
  readonly Labels?: { readonly [key: string]: string } | null;
  readonly Env?: string[] | null;
  readonly Entrypoint?: string[] | null;
}

/** Each value of `want` that `config` holds differently (or not at all), described; none when all came back. @internal */
export function readbackDifferences(want: DockerfileReadback, config: ImageConfig): string[] {
  const labels = config.Labels ?? {};
  const env = new Map<string, string>((config.Env ?? []).map(e => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  const entrypoint = config.Entrypoint ?? [];
  const differ = [
    ...Object.entries(want.labels).filter(([k, v]) => labels[k] !== v)
      .map(([k, v]) => `LABEL ${k}: ${JSON.stringify(v)} read back as ${JSON.stringify(labels[k])}`),
    ...Object.entries(want.env).filter(([k, v]) => env.get(k) !== v)
      .map(([k, v]) => `ENV ${k}: ${JSON.stringify(v)} read back as ${JSON.stringify(env.get(k))}`),
    ...want.entrypoint.map((v, i) => [v, entrypoint[i]] as const).filter(([v, got]) => got !== v)
      .map(([v, got]) => `ENTRYPOINT argument ${JSON.stringify(v)} read back as ${JSON.stringify(got)}`),
  ];
  if (entrypoint.length !== want.entrypoint.length) {
    differ.push(`ENTRYPOINT has ${entrypoint.length} arguments, ${want.entrypoint.length} written`);
  }
  return differ;
}
