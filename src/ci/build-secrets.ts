import { hasExpression, wrap } from './expression';
import { script, shellQuote } from './shell';
import { Step } from './workflow-model';
import type { BuildSecret } from '../images/build-secret';
import type { LucidImage } from '../images/lucid-image';
import { SecretSource } from '../service/secret';

// The build secrets of the images, given to bake from the repository's GitHub secrets. Bake builds an image and the
// app's images it is built FROM in one graph, so a bake step needs the secrets of that whole chain.
//
// ENVIRONMENT secrets: the bake file reads `env=<VAR>`; the bake step's `env:` sets <VAR> from the GitHub secret.
// FILE secrets: the bake file reads `src=<from>`, a path in the app's folder that is not in the checkout. A step
// writes each file from its GitHub secret to `$RUNNER_TEMP/lucid-secrets/<id>` (mode 0600), and each bake step
// replaces the entry with `--set <target>.secrets+=id=<id>,src=<that file>`: buildx merges secrets by id, so
// `+=` replaces that one entry and keeps the others (buildx 0.29). The folder is outside bake's working directory,
// so the step also grants bake `fs.read` on it (`allow`), which buildx's filesystem entitlements require.
// @see https://docs.docker.com/build/bake/overrides/
// @see https://docs.docker.com/reference/cli/docker/buildx/bake/#allow

/** The folder, in the runner's temp folder (emptied by the runner after each job), of the secret files. */
const SECRETS_DIR = 'lucid-secrets';

/** A GitHub secret name: letters, digits and `_`, not starting with a digit, and not `GITHUB_…`. */
const SECRET_NAME = /^(?!github_)[A-Za-z_][A-Za-z0-9_]*$/i;

/** What a valid GitHub secret name is, for error messages. */
const SECRET_NAME_RULE = 'use letters, digits and "_", not starting with a digit or "GITHUB_"';

/**
 * The variables the workflow sets for bake and its scripts. A build secret read from one of them would replace
 * the workflow's value (bake reads its variables from the environment).
 */
const WORKFLOW_VARIABLES = ['ATTEST', 'CACHE', 'IMAGE', 'PLATFORM', 'PLATFORMS', 'REGISTRY', 'REPOSITORY', 'TAG'];

/** A build secret with the image that declares it. */
interface DeclaredSecret {
  readonly image: LucidImage;
  readonly secret: BuildSecret;
}

/** The inputs and env that give a bake step the secrets of the images it builds. */
export interface BakeSecretInputs {
  /** `set` lines pointing each FILE secret at its file. */
  readonly set: string[];
  /** The `allow` input granting bake read access to the secret files, when there are any. */
  readonly allow?: string;
  /** `VAR: ${{ secrets.NAME }}` for each ENVIRONMENT secret. */
  readonly env: { [name: string]: string };
}

/**
 * The GitHub secret a build secret is read from: `names[id]`, or by default the environment variable's name
 * (ENVIRONMENT) or the id upper-cased with every other character than a letter or digit as `_` (FILE:
 * `pip-conf` → `PIP_CONF`).
 */
export function gitHubSecretName(secret: BuildSecret, names: { [id: string]: string }): string {
  return mapped(secret, names) ?? (secret.source === SecretSource.ENVIRONMENT ? secret.location : secret.id.toUpperCase().replace(/[^A-Z0-9]/g, '_'));
}

/** The name `names` maps a secret's id to, if any (an own key: an id such as `constructor` is no mapping). */
function mapped(secret: BuildSecret, names: { [id: string]: string }): string | undefined {
  return Object.prototype.hasOwnProperty.call(names, secret.id) ? names[secret.id] : undefined;
}

/** The build secrets of a chain of images (an image and those it is built on), in that order. */
function declared(chain: LucidImage[]): DeclaredSecret[] {
  return chain.flatMap(image => image.buildSecrets.map(secret => ({ image, secret })));
}

/** The FILE secrets of a chain, one per id (every file of an id is written from the same GitHub secret). */
function fileSecrets(chain: LucidImage[]): BuildSecret[] {
  const byId = new Map<string, BuildSecret>();
  for (const { secret } of declared(chain)) {
    if (secret.source === SecretSource.FILE && !byId.has(secret.id)) {
      byId.set(secret.id, secret);
    }
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** The env var through which the file-writing step reads a GitHub secret. */
function fileEnvVar(name: string): string {
  return `SECRET_${name}`;
}

/** The bake inputs and env that give the build of `chain[0]` (and the images it is built on) their secrets. */
export function bakeSecretInputs(chain: LucidImage[], names: { [id: string]: string }): BakeSecretInputs {
  const files = fileSecrets(chain);
  const set: string[] = [];
  for (const { image, secret } of declared(chain)) {
    if (secret.source === SecretSource.FILE) {
      set.push(`${image.targetName}.secrets+=id=${secret.id},src=${wrap('runner.temp')}/${SECRETS_DIR}/${secret.id}`);
    }
  }
  const env: { [name: string]: string } = {};
  const entries = declared(chain).filter(d => d.secret.source === SecretSource.ENVIRONMENT)
    .map(d => [d.secret.location, wrap(`secrets.${gitHubSecretName(d.secret, names)}`)] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  for (const [name, value] of entries) {
    env[name] = value;
  }
  return {
    set: [...new Set(set)].sort(),
    ...(files.length > 0 ? { allow: `fs.read=${wrap('runner.temp')}/${SECRETS_DIR}` } : {}),
    env,
  };
}

/**
 * The step that writes the FILE secrets of `chain` from their GitHub secrets, before the first bake step; none
 * when there are none. Values reach the script through `env:` only. An empty (or missing) GitHub secret, as in a
 * pull request from a fork, writes an empty file with a warning, so that the build runs and its own error shows.
 */
export function writeSecretFilesStep(chain: LucidImage[], names: { [id: string]: string }): Step | undefined {
  const files = fileSecrets(chain);
  if (files.length === 0) {
    return undefined;
  }
  const env: { [name: string]: string } = {};
  const lines = ['umask 077', `dir="$RUNNER_TEMP"/${shellQuote(SECRETS_DIR)}`, 'mkdir -p "$dir"'];
  for (const secret of files) {
    const name = gitHubSecretName(secret, names);
    const variable = fileEnvVar(name);
    env[variable] = wrap(`secrets.${name}`);
    lines.push(
      `if [ -z "$${variable}" ]; then echo ${shellQuote(`::warning::the GitHub secret ${name} is empty or not set: build secret ${secret.id} is an empty file`)}; fi`,
      `printf '%s' "$${variable}" > "$dir"/${shellQuote(secret.id)}`,
    );
  }
  return {
    name: `Write the build secret files (${files.map(f => f.id).join(', ')})`,
    env,
    shell: 'bash',
    run: script(lines),
  };
}

/** The last step of a job that wrote secret files: removes them whatever happened before. */
export function removeSecretFilesStep(chain: LucidImage[]): Step | undefined {
  if (fileSecrets(chain).length === 0) {
    return undefined;
  }
  return {
    name: 'Remove the build secret files',
    if: 'always()',
    shell: 'bash',
    run: script([`rm -rf "$RUNNER_TEMP"/${shellQuote(SECRETS_DIR)}`]),
  };
}

/**
 * The problems of the build secrets' wiring: `names` must map ids of build secrets to valid GitHub secret names,
 * every secret's GitHub secret name must be valid, no ENVIRONMENT secret may replace a variable of the workflow,
 * and one bake step cannot set one variable from two GitHub secrets.
 *
 * @param chains each image of the app followed by the images it is built on
 */
export function validateBuildSecrets(chains: LucidImage[][], names: { [id: string]: string }): string[] {
  const errors: string[] = [];
  const all = declared(chains.map(chain => chain[0]));
  const ids = [...new Set(all.map(d => d.secret.id))].sort();
  for (const [id, name] of Object.entries(names)) {
    if (!ids.includes(id)) {
      errors.push(`buildSecretNames names "${id}", which is not the id of a build secret of the app's images: remove it, or use one of ${ids.length > 0 ? ids.map(i => `"${i}"`).join(', ') : '(none: the app has no build secrets)'}`);
    }
    if (!hasExpression(name) && !SECRET_NAME.test(name)) {
      errors.push(`buildSecretNames["${id}"] "${name}" is not a GitHub secret name: ${SECRET_NAME_RULE}`);
    }
  }
  for (const { image, secret } of all) {
    const where = `build secret "${secret.id}" of ${image.node.path}`;
    const name = gitHubSecretName(secret, names);
    if (mapped(secret, names) === undefined && !SECRET_NAME.test(name)) {
      errors.push(`${where} would be read from the GitHub secret "${name}", which is not a valid secret name (${SECRET_NAME_RULE}): `
        + `name the secret to read it from with buildSecretNames: { "${secret.id}": "<SECRET_NAME>" }`);
    }
    if (secret.source === SecretSource.ENVIRONMENT && WORKFLOW_VARIABLES.includes(secret.location)) {
      errors.push(`${where} reads the environment variable ${secret.location}, which the workflow sets for bake itself: read it from another variable ("location")`);
    }
    if (secret.source === SecretSource.FILE && /^\.{1,2}$/.test(secret.id)) {
      errors.push(`${where} is a file secret whose id cannot name the file the workflow writes it to: use letters or digits in its id`);
    }
  }
  const conflicts = new Set<string>();
  for (const chain of chains) {
    const byVariable = new Map<string, DeclaredSecret>();
    for (const d of declared(chain).filter(x => x.secret.source === SecretSource.ENVIRONMENT)) {
      const first = byVariable.get(d.secret.location);
      if (first === undefined) {
        byVariable.set(d.secret.location, d);
      } else if (gitHubSecretName(first.secret, names) !== gitHubSecretName(d.secret, names)) {
        conflicts.add(`the build of ${chain[0].targetName} would set the environment variable ${d.secret.location} from two GitHub secrets, `
          + `${gitHubSecretName(first.secret, names)} (build secret "${first.secret.id}" of ${first.image.node.path}) and `
          + `${gitHubSecretName(d.secret, names)} (build secret "${d.secret.id}" of ${d.image.node.path}): `
          + 'map both ids to one secret in buildSecretNames, or read them from different variables');
      }
    }
  }
  return [...errors, ...conflicts];
}
