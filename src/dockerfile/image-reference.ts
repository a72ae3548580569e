import { invalidDigest, invalidImageReference, invalidTag } from '../core/errors';

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_NAME = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*$/;
const IPV6_HOST = /^\[[a-fA-F0-9:]+\]$/;
const PORT = /^[0-9]+$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST_HEX_LENGTH: { [algorithm: string]: number } = { sha256: 64, sha384: 96, sha512: 128 };
const MAX_NAME_LENGTH = 255;

/**
 * A container image reference, parsed and validated with the grammar of `distribution/reference`
 * (`[registry/]repository[:tag][@digest]`), and Docker's rule for telling a registry from the first path
 * component: it is a registry when it contains a `.` or a `:`, is `localhost`, or has upper-case letters.
 *
 * References are kept as written: `debian:13-slim` stays `debian:13-slim` (no `docker.io/library/` added).
 *
 * @see https://github.com/distribution/reference/blob/main/reference.go
 */
export class ImageReference {
  /**
   * Parses a reference.
   * @param reference the image reference, `[registry/]repository[:tag][@digest]`
   * @throws Error naming the reference and what is wrong with it.
   */
  public static parse(reference: string): ImageReference {
    const result = parseReference(reference);
    if (typeof result === 'string') {
      throw invalidImageReference(reference, result);
    }
    return result;
  }

  /**
   * Whether `reference` is a valid image reference.
   * @param reference the image reference to check
   */
  public static isValid(reference: string): boolean {
    return typeof parseReference(reference) !== 'string';
  }

  /** Why `ref` is not a valid image reference, or undefined when it is. @internal */
  public static _problem(ref: string): string | undefined {
    const result = parseReference(ref);
    return typeof result === 'string' ? result : undefined;
  }

  /** @internal */
  public static _create(registry: string | undefined, repository: string, tag?: string, digest?: string): ImageReference {
    return new ImageReference(registry, repository, tag, digest);
  }

  /** The registry host (and port) as written, e.g. `gcr.io` or `localhost:5000`; undefined for Docker Hub. */
  public readonly registry?: string;
  /** The repository path without the registry, as written, e.g. `distroless/python3-debian13` or `debian`. */
  public readonly repository: string;
  /** The tag, e.g. `nonroot`. */
  public readonly tag?: string;
  /** The digest, e.g. `sha256:<64 hex digits>`. */
  public readonly digest?: string;

  private constructor(registry: string | undefined, repository: string, tag?: string, digest?: string) {
    this.registry = registry;
    this.repository = repository;
    this.tag = tag;
    this.digest = digest;
  }

  /** `registry/repository` as written, e.g. `gcr.io/distroless/python3-debian13`. */
  public get name(): string {
    return this.registry ? `${this.registry}/${this.repository}` : this.repository;
  }

  /**
   * This reference with another tag (the digest, if any, is kept).
   * @throws Error when the tag is invalid.
   */
  public withTag(tag: string): ImageReference {
    if (!TAG.test(tag)) {
      throw invalidTag(tag);
    }
    return new ImageReference(this.registry, this.repository, tag, this.digest);
  }

  /**
   * This reference pinned to a digest (the tag, if any, is kept for readers; the digest wins when pulling).
   * @throws Error when the digest is invalid.
   */
  public withDigest(digest: string): ImageReference {
    const problem = digestProblem(digest);
    if (problem) {
      throw invalidDigest(digest, problem);
    }
    return new ImageReference(this.registry, this.repository, this.tag, digest);
  }

  /** The reference as written: `name[:tag][@digest]`. */
  public toString(): string {
    return this.name + (this.tag ? `:${this.tag}` : '') + (this.digest ? `@${this.digest}` : '');
  }
}

function parseReference(ref: string): ImageReference | string {
  if (typeof ref !== 'string' || ref.length === 0) {
    return 'it is empty';
  }
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    const problem = digestProblem(digest);
    if (problem) {
      return problem;
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      return `tag "${tag}" must be up to 128 letters, digits, "_", "." and "-", not starting with "." or "-"`;
    }
  }
  if (rest.length === 0) {
    return 'the repository name is missing';
  }
  if (rest.length > MAX_NAME_LENGTH) {
    return `the name must not be longer than ${MAX_NAME_LENGTH} characters`;
  }
  let registry: string | undefined;
  let repository = rest;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first) {
      registry = first;
      repository = rest.slice(slash + 1);
    }
  }
  if (registry !== undefined) {
    const problem = registryProblem(registry);
    if (problem) {
      return problem;
    }
  }
  for (const component of repository.split('/')) {
    if (!PATH_COMPONENT.test(component)) {
      return component === ''
        ? 'the repository path has an empty component'
        : `repository path component "${component}" must be lower-case letters and digits, separated by ".", "_", "__" or "-"`;
    }
  }
  if (registry === undefined && /^[a-f0-9]{64}$/.test(repository)) {
    return 'a 64-character hexadecimal repository name would be read as an image ID';
  }
  return ImageReference._create(registry, repository, tag, digest);
}

function registryProblem(registry: string): string | undefined {
  let host = registry;
  const portAt = registry.startsWith('[') ? registry.indexOf(']:') + 1 : registry.lastIndexOf(':');
  if (portAt > 0) {
    host = registry.slice(0, portAt);
    const port = registry.slice(portAt + 1);
    if (!PORT.test(port)) {
      return `registry port "${port}" must be a number`;
    }
  }
  if (!DOMAIN_NAME.test(host) && !IPV6_HOST.test(host)) {
    return `registry "${registry}" must be a host name (letters, digits, "-" and ".") with an optional :port`;
  }
  return undefined;
}

function digestProblem(digest: string): string | undefined {
  const m = /^([a-z0-9]+):(.*)$/.exec(digest);
  const length = m && Object.prototype.hasOwnProperty.call(DIGEST_HEX_LENGTH, m[1]) ? DIGEST_HEX_LENGTH[m[1]] : undefined;
  if (!m || length === undefined) {
    return `digest "${digest}" must be sha256:, sha384: or sha512: followed by lower-case hex digits`;
  }
  if (!new RegExp(`^[a-f0-9]{${length}}$`).test(m[2])) {
    return `digest "${digest}" must have ${length} lower-case hex digits after "${m[1]}:"`;
  }
  return undefined;
}
