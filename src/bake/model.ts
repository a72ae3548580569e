import { BakeString } from './bake-string';
import { BakeValue, BakeVariableType } from './bake-value';
import { BakeFunctionCall } from './function-call';

// The subset of bake's HCL file format that lucid-cdk emits, as plain data. Property names are camelCase (jsii);
// the renderer writes bake's attribute names (`cache-from`, `no-cache`, `error_message`, ...).
//
// Strings: names (of targets, groups, variables, functions, map keys) and descriptions are plain strings,
// written literally. Every other string value is a `BakeString`, which says which of its parts are variable
// references; the rest is written so that bake reads it back exactly. Only two attributes take HCL source as
// it is, unescaped: a variable's validation `condition` and a function's `result`.

/**
 * A bake file: variables, functions, groups and targets. Rendered in that order, each list in the order given.
 *
 * @see https://docs.docker.com/build/bake/reference/
 */
export interface BakeFileModel {
  /**
   * The variables, overridable from environment variables of the same name.
   * @see https://docs.docker.com/build/bake/reference/#variable
   */
  readonly variables: BakeVariable[];

  /**
   * The groups of targets.
   * @see https://docs.docker.com/build/bake/reference/#group
   */
  readonly groups: BakeGroup[];

  /**
   * The targets.
   * @see https://docs.docker.com/build/bake/reference/#target
   */
  readonly targets: BakeTarget[];

  /**
   * User-defined functions.
   * @default - none
   * @see https://docs.docker.com/build/bake/funcs/
   */
  readonly functions?: BakeFunction[];
}

/**
 * A `variable` block.
 *
 * @see https://docs.docker.com/build/bake/reference/#variable
 */
export interface BakeVariable {
  /**
   * The variable's name: a letter or `_`, then letters, digits or `_` (it is also the name of the environment
   * variable that overrides it).
   */
  readonly name: string;

  /**
   * The value used when no environment variable of the same name is set. (Named `defaultValue` because
   * `default` is a reserved word in several jsii target languages; rendered as `default`.)
   * @default - no default: the variable is empty unless set from the environment
   * @see https://docs.docker.com/build/bake/reference/#variabledefault
   */
  readonly defaultValue?: BakeValue;

  /**
   * The variable's type, rendered as `type`. Bake converts a value set from the environment to it, and rejects one that does not
   * convert.
   * @default - untyped
   * @see https://docs.docker.com/build/bake/reference/#variabletype
   */
  readonly valueType?: BakeVariableType;

  /**
   * What the variable is for, shown by `docker buildx bake --list=variables`.
   * @default - none
   * @see https://docs.docker.com/build/bake/reference/#variabledescription
   */
  readonly description?: string;

  /**
   * Checks of the variable's value, each a `validation` block.
   * @default - none
   * @see https://docs.docker.com/build/bake/reference/#variablevalidation
   */
  readonly validations?: BakeVariableValidation[];
}

/**
 * A `validation` block of a variable: bake fails with `errorMessage` when `condition` is false.
 *
 * @see https://docs.docker.com/build/bake/reference/#variablevalidation
 */
export interface BakeVariableValidation {
  /**
   * The condition, as HCL source, written UNESCAPED as it is given, e.g. `TAG != ""` or
   * `can(regex("^[0-9.]+$", TAG))`. Its variable references are not checked by lucid-cdk.
   */
  readonly condition: string;

  /** The message bake shows when the condition is false. Written literally. */
  readonly errorMessage: string;
}

/**
 * A `function` block: a user-defined function callable from templates.
 *
 * @see https://docs.docker.com/build/bake/funcs/
 */
export interface BakeFunction {
  /** The function's name: an HCL identifier. */
  readonly name: string;

  /** The names of its parameters, HCL identifiers. Rendered as `params`. */
  readonly parameters: string[];

  /**
   * The name of a parameter receiving any further arguments as a list.
   * @default - not variadic
   */
  readonly variadicParam?: string;

  /** The result, as HCL source, written UNESCAPED as it is given, e.g. `"${REGISTRY}/${name}"`. */
  readonly result: string;
}

/**
 * A `group` block: targets built together.
 *
 * @see https://docs.docker.com/build/bake/reference/#group
 */
export interface BakeGroup {
  /** The group's name: letters, digits, `_` and `-` (bake's rule for targets and groups). */
  readonly name: string;

  /** The names of the targets and groups it contains, in order. */
  readonly targets: string[];

  /**
   * What the group is for, shown by `docker buildx bake --list=targets`.
   * @default - none
   * @see https://docs.docker.com/build/bake/reference/#groupdescription
   */
  readonly description?: string;
}

/**
 * The network mode of a target's `RUN` instructions.
 *
 * @see https://docs.docker.com/build/bake/reference/#targetnetwork
 */
export enum BakeNetwork {
  /** The default network. */
  DEFAULT = 'default',
  /** The host's network (needs the `network.host` entitlement). */
  HOST = 'host',
  /** No network. */
  NONE = 'none',
}

/**
 * An entitlement a target's build needs.
 *
 * @see https://docs.docker.com/build/bake/reference/#targetentitlements
 */
export enum BakeEntitlement {
  /** Host networking. */
  NETWORK_HOST = 'network.host',
  /** Privileged `RUN --security=insecure`. */
  SECURITY_INSECURE = 'security.insecure',
}

/**
 * What a target's build evaluates instead of (or as) a build.
 *
 * @see https://docs.docker.com/build/bake/reference/#targetcall
 */
export enum BakeCall {
  /** Build the target. */
  BUILD = 'build',
  /** Evaluate the build checks (lint) of the Dockerfile. */
  CHECK = 'check',
  /** Show the build arguments and secrets the target uses. */
  OUTLINE = 'outline',
  /** List the stages of the Dockerfile. */
  TARGETS = 'targets',
}

/**
 * A `target` block: one image build. Attributes are written in this order, each omitted when undefined or empty:
 * description, inherits, context, contexts, dockerfile, target, args, labels, annotations, tags, platforms,
 * cache-from, cache-to, attest, secret, ssh, network, entitlements, pull, no-cache, call, output. Map keys
 * (contexts, args, labels) are written sorted.
 *
 * @see https://docs.docker.com/build/bake/reference/#target
 */
export interface BakeTarget {
  /** The target's name: letters, digits, `_` and `-` (bake's rule). */
  readonly name: string;

  /**
   * What the target builds, shown by `docker buildx bake --list=targets`.
   * @default - none
   * @see https://docs.docker.com/build/bake/reference/#targetdescription
   */
  readonly description?: string;

  /**
   * Names of targets whose attributes this one starts from, in order.
   * @default - none
   * @see https://docs.docker.com/build/bake/reference/#targetinherits
   */
  readonly inherits?: string[];

  /**
   * The build context: a path relative to the bake file's folder, or a URL.
   * @default - bake's default, `.`
   * @see https://docs.docker.com/build/bake/reference/#targetcontext
   */
  readonly context?: BakeString;

  /**
   * Named contexts, by name: `docker-image://…`, a Git or HTTP URL, a local path, or `target:<name>` to use
   * another target's result.
   * @default - none
   * @see https://docs.docker.com/build/bake/reference/#targetcontexts
   */
  readonly contexts?: { [name: string]: BakeString };

  /**
   * The Dockerfile, relative to the context.
   * @default - bake's default, `Dockerfile`
   * @see https://docs.docker.com/build/bake/reference/#targetdockerfile
   */
  readonly dockerfile?: BakeString;

  /**
   * The Dockerfile stage to build.
   * @default - the last stage
   * @see https://docs.docker.com/build/bake/reference/#targettarget
   */
  readonly target?: BakeString;

  /**
   * Build arguments, by name.
   * @default - none
   * @see https://docs.docker.com/build/bake/reference/#targetargs
   */
  readonly args?: { [name: string]: BakeString };

  /**
   * Image labels, by key.
   * @default - none
   * @see https://docs.docker.com/build/bake/reference/#targetlabels
   */
  readonly labels?: { [key: string]: BakeString };

  /**
   * Annotations (`[type:]key=value`, e.g. `index:org.opencontainers.image.title=x`).
   * @default - none
   * @see https://docs.docker.com/build/bake/reference/#targetannotations
   */
  readonly annotations?: BakeString[];

  /**
   * Image names and tags.
   * @default - none
   * @see https://docs.docker.com/build/bake/reference/#targettags
   */
  readonly tags?: BakeString[];

  /**
   * Platforms to build for, e.g. `linux/arm64`.
   * @default - the builder's platform
   * @see https://docs.docker.com/build/bake/reference/#targetplatforms
   */
  readonly platforms?: BakeString[];

  /**
   * Cache sources, in CSV form (`type=registry,ref=…`).
   * @default - none
   * @see https://docs.docker.com/build/bake/reference/#targetcache-from
   */
  readonly cacheFrom?: BakeString[];

  /**
   * Cache destinations, in CSV form (`type=gha,mode=max`).
   * @default - none
   * @see https://docs.docker.com/build/bake/reference/#targetcache-to
   */
  readonly cacheTo?: BakeString[];

  /**
   * Attestations, in CSV form (`type=provenance,mode=max`, `type=sbom`).
   * @default - none
   * @see https://docs.docker.com/build/bake/reference/#targetattest
   */
  readonly attest?: BakeString[];

  /**
   * Secrets exposed to the build, in CSV form (`id=npmrc,src=…` or `id=token,env=TOKEN`).
   * @default - none
   * @see https://docs.docker.com/build/bake/reference/#targetsecret
   */
  readonly secret?: BakeString[];

  /**
   * SSH agent sockets or keys exposed to the build (`default`, `id=path`).
   * @default - none
   * @see https://docs.docker.com/build/bake/reference/#targetssh
   */
  readonly ssh?: BakeString[];

  /**
   * The network mode of `RUN` instructions.
   * @default - bake's default network
   * @see https://docs.docker.com/build/bake/reference/#targetnetwork
   */
  readonly network?: BakeNetwork;

  /**
   * Entitlements the build needs.
   * @default - none
   * @see https://docs.docker.com/build/bake/reference/#targetentitlements
   */
  readonly entitlements?: BakeEntitlement[];

  /**
   * Whether to pull the base images again.
   * @default - bake's default (false)
   * @see https://docs.docker.com/build/bake/reference/#targetpull
   */
  readonly pull?: boolean;

  /**
   * Whether to build without the cache.
   * @default - bake's default (false)
   * @see https://docs.docker.com/build/bake/reference/#targetno-cache
   */
  readonly noCache?: boolean;

  /**
   * What to evaluate: a build, or a check, outline or list of stages.
   * @default - a build
   * @see https://docs.docker.com/build/bake/reference/#targetcall
   */
  readonly call?: BakeCall;

  /**
   * Outputs, in CSV form (`type=image,push=true`, `type=docker`).
   * @default - none (the builder's default)
   * @see https://docs.docker.com/build/bake/reference/#targetoutput
   */
  readonly output?: BakeString[];

  /**
   * List attributes computed by a function call instead of given as a list, by bake attribute name:
   * `platforms`, `cache-from`, `cache-to`, `attest`, `tags`, `output`, `secret`, `annotations`. An attribute given
   * here must not also be given as a list.
   * @default - none
   * @example { platforms: BakeFunctionCall.of('split', [BakeString.literal(','), BakeString.variable('PLATFORMS')]) }
   */
  readonly computed?: { [attribute: string]: BakeFunctionCall };
}
