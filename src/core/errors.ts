// The errors lucid-cdk throws, one factory per error, each saying what is wrong and how to fix it (in the
// manner of cdktf's errors.ts). Library code throws what these return and never assembles a message in place.
//
// Two ways of writing messages live here and nowhere else:
// - `formatProblem(path, message)`: a message about a construct, `[construct path] message`. Validations
//   (`node.addValidation`) return unprefixed messages; the app prefixes them with this function, as it does its
//   warnings, the render errors and the compliance findings. An error thrown about a construct is a
//   `ConstructError`: it carries the path as data and its message is written by the same function.
// - `problemList(head, problems)`: a list of problems, `head (N problems):` and one `  - problem` line each.
//
// Not exported from the package's index: jsii cannot export a subclass of Error, and the factories are no API.

const CONSTRUCT_ERROR = Symbol.for('lucid-cdk.ConstructError');

// ---------------------------------------------------------------------------------------------------------------
// Writing messages

/**
 * A message about the construct at `path`: `[path] message`. The one place the prefix is written.
 * @internal
 */
export function formatProblem(path: string, message: string): string {
  return `[${path}] ${message}`;
}

/**
 * A list of problems as one message: `head (N problems):`, then `  - problem` per line.
 * @internal
 */
export function problemList(head: string, problems: readonly string[]): string {
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  return `${head} (${count}):\n` + problems.map(p => `  - ${p}`).join('\n');
}

/**
 * An error about one construct: its path (`constructPath`) and what is wrong (`problem`) are kept apart, and the
 * message is `formatProblem(constructPath, problem)`.
 * @internal
 */
export class ConstructError extends Error {
  /** The path of the construct the error is about. */
  public readonly constructPath: string;
  /** What is wrong, without the path. */
  public readonly problem: string;

  constructor(constructPath: string, problem: string) {
    super(formatProblem(constructPath, problem));
    this.name = 'ConstructError';
    this.constructPath = constructPath;
    this.problem = problem;
    Object.defineProperty(this, CONSTRUCT_ERROR, { value: true });
  }
}

/**
 * Whether `e` is a ConstructError (a brand: the error may come from another copy of the library).
 * @internal
 */
export function isConstructError(e: unknown): e is ConstructError {
  return e !== null && typeof e === 'object' && CONSTRUCT_ERROR in e;
}

/**
 * The line for an error `e` raised while working on the construct at `path`: an error about a construct keeps
 * its own path, any other is prefixed with `path`.
 * @internal
 */
export function problemOf(path: string, e: unknown): string {
  if (isConstructError(e)) {
    return formatProblem(e.constructPath, e.problem);
  }
  const message = (e as { message?: unknown } | undefined)?.message;
  return formatProblem(path, typeof message === 'string' ? message : String(e));
}

// ---------------------------------------------------------------------------------------------------------------
// The app and synthesis

/**
 * Thrown when an app cannot be synthesized: lists every problem found, each with its construct path.
 * Its `name` is `SynthesisError` and its `problems` hold the list (jsii cannot export a subclass of Error, so
 * check the name rather than the class: `isSynthesisError`).
 * @internal
 */
export class SynthesisError extends Error {
  /** Every problem, each prefixed with `[construct path]`. */
  public readonly problems: string[];

  constructor(problems: string[]) {
    super(problemList('lucid-cdk wrote nothing', problems));
    this.name = 'SynthesisError';
    this.problems = problems;
  }
}

/**
 * Whether `e` is a SynthesisError, from this or another copy of the library.
 * @internal
 */
export function isSynthesisError(e: unknown): e is SynthesisError {
  return (e as { name?: unknown } | undefined)?.name === 'SynthesisError' && Array.isArray((e as SynthesisError).problems);
}

/** A construct created outside any LucidApp. @internal */
export function notInsideLucidApp(path: string): ConstructError {
  return new ConstructError(path, 'is not inside a LucidApp: create it with a LucidApp (or one of its children) as scope');
}

/** An app whose `outdir` leaves the project. @internal */
export function outdirOutsideProject(path: string, outdir: string | undefined): ConstructError {
  return new ConstructError(path, `outdir "${outdir}" must be a relative folder inside the project, e.g. "lucid"`);
}

// ---------------------------------------------------------------------------------------------------------------
// The image lock

/** An image lock file that is not the JSON the lock writes, or whose entries are invalid. @internal */
export function invalidImageLock(source: string, problems: readonly string[]): Error {
  return new Error(problemList(`invalid image lock ${source} (rewrite it with \`npx projen pin\`, or fix the entries by hand)`, problems));
}

/** Digests that `npx projen pin` could not resolve. @internal */
export function pinFailed(problems: readonly string[]): Error {
  return new Error(problemList('could not resolve the digests of these images (check the name and tag, the registry or the LUCID_PIN_MIRROR mirror, then run `npx projen pin` again)', problems));
}

// ---------------------------------------------------------------------------------------------------------------
// Generated files

/** A generated file created without a renderer. @internal */
export function noRenderer(filePath: string): Error {
  return new Error(`${filePath}: no renderer: pass a render function in the file's options, or override renderContent()`);
}

/**
 * A generated file, of the construct at `path`, whose path a lucid-cdk file of the project already writes.
 * @internal
 */
export function fileAlreadyWritten(path: string, relativePath: string, ownerPath: string): ConstructError {
  return new ConstructError(path, `would write ${relativePath}, which ${ownerPath} already writes: give each image and service a directory of its own`);
}

/** A generated object file whose object, after overrides, is invalid. @internal */
export function invalidGeneratedFile(filePath: string, problems: readonly string[]): Error {
  return new Error(problemList(`invalid ${filePath}`, problems));
}

// ---------------------------------------------------------------------------------------------------------------
// Dockerfiles, stages and image references

/** A stage whose scope is not a Dockerfile. @internal */
export function stageOutsideDockerfile(path: string, name: string): ConstructError {
  return new ConstructError(path, `a Stage must be created in a Dockerfile: use dockerfile.addStage("${name}", ...)`);
}

/** A stage name that Docker does not accept; `problem` says what is wrong with it and the fix. @internal */
export function invalidStageName(path: string, problem: string): ConstructError {
  return new ConstructError(path, problem);
}

/** A second stage of the same name. @internal */
export function duplicateStage(path: string, name: string): ConstructError {
  return new ConstructError(path, `a stage named "${name}" already exists: stage names must be unique`);
}

/** A lookup of a stage that does not exist. @internal */
export function noSuchStage(path: string, name: string, stageNames: readonly string[]): ConstructError {
  const known = stageNames.map(s => `"${s}"`).join(', ') || 'none';
  return new ConstructError(path, `has no stage "${name}": its stages are ${known}`);
}

/** A Dockerfile rendered while it has problems. @internal */
export function dockerfileNotRenderable(path: string, problems: readonly string[]): ConstructError {
  return new ConstructError(path, problemList('cannot render the Dockerfile', problems));
}

/** An instruction the renderer does not know: a defect of lucid-cdk itself. @internal */
export function unknownInstructionKind(kind: string): Error {
  return new Error(`unknown instruction kind ${kind}: this is a defect of lucid-cdk, please report it with the Dockerfile that caused it`);
}

/** An image whose Dockerfile has no stage to run. @internal */
export function imageHasNoStages(path: string): ConstructError {
  return new ConstructError(path, 'has no stages: an image needs a runtime stage, add one with image.dockerfile.addStage()');
}

/** A runtime family of another language than the image builds. @internal */
export function familyNotOfLanguage(path: string, family: string, language: string, families: readonly string[]): ConstructError {
  return new ConstructError(path, `family ${family} is not a ${language} family: use one of ${families.join(', ')}`);
}

/** A `.dockerignore` header line that a comment line cannot hold. @internal */
export function dockerignoreHeaderLine(line: string, bad: string): Error {
  return new Error(`.dockerignore header line ${JSON.stringify(line)} contains ${bad}: pass one array element per line`);
}

/** A copied path that a `.dockerignore` line cannot express; `why` says which character. @internal */
export function dockerignoreUnlistable(source: string, bad: string): Error {
  return new Error(`.dockerignore cannot list ${JSON.stringify(source)}: it contains ${bad}; rename the file, or copy the folder that holds it`);
}

/** A copied path with whitespace around it, which Docker trims from `.dockerignore` lines. @internal */
export function dockerignoreUntrimmed(source: string): Error {
  return new Error(`.dockerignore cannot list ${JSON.stringify(source)}: Docker trims the whitespace around each line; remove the spaces around the path`);
}

/** A copied path outside the build context. @internal */
export function dockerignoreOutsideContext(source: string): Error {
  return new Error(`.dockerignore cannot list "${source}": it is outside the build context; copy only paths inside the image's directory`);
}

/** An image reference that does not parse; `reason` says what is wrong. @internal */
export function invalidImageReference(reference: string, reason: string): Error {
  return new Error(`"${reference}" is not a valid image reference: ${reason}. Write [registry/]repository[:tag][@digest], e.g. gcr.io/distroless/python3-debian13:nonroot`);
}

/** An image tag Docker does not accept. @internal */
export function invalidTag(tag: string): Error {
  return new Error(`"${tag}" is not a valid tag: up to 128 letters, digits, "_", "." and "-", not starting with "." or "-"`);
}

/** An image whose tag template does not make a Docker tag. @internal */
export function invalidImageTagTemplate(path: string, template: string): ConstructError {
  return new ConstructError(path, `tag "${template}" does not make a valid image tag: up to 128 letters, digits, "_", "." and "-", not starting with "." or "-", where {tag} stands for the app's tag (e.g. "python-distroless" or "{tag}-python")`);
}

/** Two images of one app tagged with the same reference. @internal */
export function duplicateImageReference(path: string, reference: string, otherPath: string): ConstructError {
  return new ConstructError(path, `is tagged ${reference}, as is ${otherPath}: one would overwrite the other in the registry, bake and compose; give one of them another imageName or tag`);
}

/** An image digest Docker does not accept; `problem` says what is wrong and the fix. @internal */
export function invalidDigest(digest: string, problem: string): Error {
  return new Error(`"${digest}" is not a valid digest: ${problem}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Language recipes and services

/** A recipe name that is not registered. @internal */
export function unknownRecipe(name: string, names: readonly string[]): Error {
  return new Error(`no recipe named "${name}": use one of ${[...names].sort().join(', ')}`);
}

/** A service of a runtime whose recipe cannot build services. @internal */
export function noServiceRecipe(path: string, recipe: string): ConstructError {
  return new ConstructError(path, `no service recipe for ${recipe} runtimes: give the service a runtime of ServiceRuntime.python(), .java(), .nodejs() or .golang(), or declare the image as a base image`);
}

// ---------------------------------------------------------------------------------------------------------------
// Bake files and HCL

/** A bake model with problems. @internal */
export function invalidBakeFile(problems: readonly string[]): Error {
  return new Error(problemList('invalid bake file', problems));
}

/** A bake variable name HCL cannot take. @internal */
export function invalidBakeVariableName(name: string): Error {
  return new Error(`invalid bake variable name ${JSON.stringify(name)}: use a letter or "_", then letters, digits or "_"`);
}

/** A value given to `BakeString.concat` that is not a BakeString. @internal */
export function notABakeString(value: unknown): Error {
  return new Error(`BakeString.concat takes BakeString values, got ${JSON.stringify(value)}: wrap text in BakeString.literal()`);
}

/** An HCL header line with a line break. @internal */
export function hclHeaderLineBreak(line: string): Error {
  return new Error(`a header line cannot contain a line break: ${JSON.stringify(line)}; pass one array element per line`);
}

/** A number HCL has no literal for (NaN, Infinity). @internal */
export function hclNumberNotFinite(value: number): Error {
  return new Error(`HCL has no literal for the number ${value}: give a finite number`);
}

/** A name HCL does not accept as an identifier (`what`: attribute name, block type, ...). @internal */
export function invalidHclIdentifier(what: string, name: string): Error {
  return new Error(`invalid HCL ${what} ${JSON.stringify(name)}: expected a letter or "_", then letters, digits, "_" or "-"`);
}

/** Text holding half of a UTF-16 surrogate pair. @internal */
export function hclUnpairedSurrogate(codeUnit: number): Error {
  const hex = codeUnit.toString(16).toUpperCase();
  return new Error(`cannot write an unpaired UTF-16 surrogate (U+${hex}) to an HCL file: remove it, or complete the pair it belongs to`);
}

/** Text not in Unicode NFC. @internal */
export function hclNotNfc(value: string): Error {
  return new Error(`cannot write ${JSON.stringify(value)} to an HCL file: HCL reads every string in Unicode NFC; normalize it with .normalize('NFC')`);
}

// ---------------------------------------------------------------------------------------------------------------
// Compliance rules, packs and suppressions

/** A rule id outside the id grammar. @internal */
export function invalidRuleId(id: string, pack: string): Error {
  return new Error(`rule id "${id}" of pack ${pack} is invalid: use upper-case letters and digits in dash-separated parts, e.g. "LUCID-IMG1"`);
}

/** A rule id given twice in one pack. @internal */
export function duplicateRuleId(id: string, pack: string): Error {
  return new Error(`pack ${pack} already has a rule "${id}": give the new rule another id`);
}

/** A rule without its info or explanation. @internal */
export function ruleWithoutWords(id: string, pack: string): Error {
  return new Error(`rule "${id}" of pack ${pack} needs an info and an explanation with the fix`);
}

/** A rule without an `evaluate` method. @internal */
export function ruleWithoutEvaluate(id: string, pack: string): Error {
  return new Error(`rule "${id}" of pack ${pack} needs a rule object with an evaluate(construct) method`);
}

/** `RuleResult.nonCompliant([])`. @internal */
export function nonCompliantWithoutViolations(): Error {
  return new Error('RuleResult.nonCompliant() needs at least one violation: use RuleResult.compliant()');
}

/** A rule whose `evaluate` returned something else than a RuleResult. @internal */
export function ruleReturnedNoResult(): Error {
  return new Error('it returned no RuleResult: return RuleResult.compliant(), .nonCompliant([...]) or .notApplicable()');
}

/** A suppression without a rule id. @internal */
export function suppressionWithoutRuleId(path: string): ConstructError {
  return new ConstructError(path, 'a suppression needs the id of the rule it suppresses, e.g. "LUCID-PIN2"');
}

/** A suppression without a reason long enough to say why. @internal */
export function suppressionWithoutReason(path: string, ruleId: string, minLength: number): ConstructError {
  return new ConstructError(path, `the suppression of ${ruleId} needs a reason of at least ${minLength} characters that says why the rule does not apply here`);
}

/** A compliance report file name that is not a Markdown file name. @internal */
export function invalidReportFile(path: string, reportFile: string): ConstructError {
  return new ConstructError(path, `compliance.reportFile "${reportFile}" must be a file name ending in .md (letters, digits, ".", "_", "-"), e.g. "COMPLIANCE.md"`);
}

/** A hand-written file to judge that cannot be read. */
export function unreadableHandWrittenFile(path: string, file: string, reason: string): ConstructError {
  return new ConstructError(path, `the hand-written file "${file}" cannot be read (${reason}): fix the path (relative to the app's folder) or the file's syntax`);
}

/** A line of a hand-written Dockerfile that the Dockerfile model cannot hold. */
export function unreadableDockerfileLine(path: string, file: string, problem: string): ConstructError {
  return new ConstructError(path, `the hand-written Dockerfile "${file}", ${problem}`);
}

/** A hand-written file whose content is not a mapping. */
export function handWrittenFileNotMapping(path: string, file: string, kind: string): ConstructError {
  return new ConstructError(path, `the hand-written file "${file}" does not hold a mapping, so it is no ${kind} file: check that the path names the right file`);
}

// ---------------------------------------------------------------------------------------------------------------
// Compose files

/** A compose model with problems. @internal */
export function invalidComposeFile(problems: readonly string[]): Error {
  return new Error(problemList('invalid compose file', problems));
}

/** A duration compose cannot write. @internal */
export function invalidComposeDuration(milliseconds: number): Error {
  return new Error(`a compose duration must be a whole, non-negative number of milliseconds, got ${milliseconds}ms`);
}

// ---------------------------------------------------------------------------------------------------------------
// GitHub workflows

/** A workflow with problems. @internal */
export function invalidWorkflow(problems: readonly string[]): Error {
  return new Error(problemList('invalid workflow', problems));
}

/** A workflow that does not render to a YAML mapping: a defect of lucid-cdk itself. @internal */
export function workflowNotMapping(): Error {
  return new Error('a workflow renders to a mapping: this is a defect of lucid-cdk, please report it with the workflow\'s options');
}

/** A value that names a Debian package but is not one (it would reach a builder's shell). @internal */
export function invalidDebianPackage(path: string, option: string, name: string): ConstructError {
  return new ConstructError(path, `${option}: ${JSON.stringify(name)} is not a Debian package name: use lower-case letters, digits, "+", "-" and ".", optionally "=<version>" (e.g. "curl" or "curl=8.14.1-2")`);
}

/** A program or file path that is not a plain absolute path (it would reach a builder's shell). @internal */
export function invalidProgramPath(path: string, option: string, value: string): ConstructError {
  return new ConstructError(path, `${option}: ${JSON.stringify(value)} must be an absolute path without "." or "..", each part of letters, digits and "._+@-" (e.g. "/usr/bin/tor")`);
}

/** A jlink module that is not a Java module name. @internal */
export function invalidJavaModule(path: string, name: string): ConstructError {
  return new ConstructError(path, `jlinkModules: ${JSON.stringify(name)} is not a Java module name: use dot-separated identifiers of letters, digits and "_" (e.g. "jdk.httpserver")`);
}

/** An option naming a file or folder that breaks the path grammar (`core/path-grammar.ts`). @internal */
export function invalidPath(path: string, option: string, value: string, problem: string): ConstructError {
  return new ConstructError(path, `${option} ${JSON.stringify(value)} ${problem}`);
}

/** An environment variable name compose cannot hold. @internal */
export function invalidEnvName(path: string, name: string): ConstructError {
  return new ConstructError(path, `env name ${JSON.stringify(name)} is not a variable name compose can hold: use printable characters without spaces, line breaks or "=" (e.g. "POSTGRES_DB" or "discovery.type")`);
}

/** A shell word with a NUL character. @internal */
export function nulInShellWord(): Error {
  return new Error('a shell word cannot contain a NUL character: remove it from the value');
}

/** An action the pins do not cover. @internal */
export function noActionPin(action: string): Error {
  return new Error(`no pin for action ${action}: pin it to a commit SHA with ImagesWorkflowOptions.actionPins`);
}

// ---------------------------------------------------------------------------------------------------------------
// The runtime catalogue

/** A runtime family name that is not in the catalogue. @internal */
export function unknownFamily(name: string, known: readonly string[]): Error {
  return new Error(`Unknown distroless runtime family '${name}': use one of ${known.join(', ')}.`);
}

/** A date not written YYYY-MM-DD, or not a calendar date. @internal */
export function invalidIsoDate(what: string, value: string): Error {
  return new Error(`${what} must be an ISO date (YYYY-MM-DD), got '${value}'.`);
}

// ---------------------------------------------------------------------------------------------------------------
// The end-to-end suite

/** A command of the end-to-end suite that failed; `output` holds what it printed that explains why. @internal */
export function commandFailed(command: string, status: number | null, output: string): Error {
  return new Error(`${command} exited ${status}:\n${output}`);
}

/** The end-to-end suite started without root. @internal */
export function e2eNeedsRoot(): Error {
  return new Error('the end-to-end suite needs root (network namespaces, mounts): run it with sudo or as root');
}

/** A `${{ … }}` expression of a workflow that the cold-cache replay cannot evaluate offline. @internal */
export function replayExpressionUnsupported(where: string, expression: string): Error {
  return new Error(`${where}: cannot evaluate the expression \${{${expression}}} offline: write it as \`cond && value || 'default'\` (the replay takes the default of a branch build) or give the value literally`);
}

/** Workflow jobs whose `needs` form a cycle, which the replay cannot order. @internal */
export function replayNeedsCycle(cycle: string[]): Error {
  return new Error(`the workflow jobs need each other (${cycle.join(' -> ')}): remove one of these needs`);
}

/** An app with no image for the end-to-end suite to build. @internal */
export function e2eNoImages(appPath: string): Error {
  return new Error(`the app ${appPath} has no images to build: add a base image or a service to it`);
}

/** The e2e suite was asked to push a bake target the app does not have. @internal */
export function e2eUnknownTarget(target: string, known: string[]): Error {
  return new Error(`the e2e registry round trip names the bake target "${target}", which the app does not build: name one of ${known.join(', ')}`);
}

// The stack overview

/** A stack overview file name that is not a Markdown file name. @internal */
export function invalidOverviewFileName(path: string, fileName: string): ConstructError {
  return new ConstructError(path, `overview.fileName "${fileName}" must be a file name ending in .md (letters, digits, ".", "_", "-"), e.g. "STACK.md"`);
}

/** A Mermaid id prefix that is not a lower-case word. @internal */
export function invalidMermaidIdPrefix(prefix: string): Error {
  return new Error(`Mermaid id prefix "${prefix}" must be a lower-case word: use letters a-z and digits, starting with a letter`);
}

/** A Mermaid class name that is not letters and digits. @internal */
export function invalidMermaidClassName(name: string): Error {
  return new Error(`Mermaid class name "${name}" is not usable in classDef: use letters and digits, starting with a letter`);
}

/** A `compose.publishAddress` that is not an IP address. @internal */
export function invalidPublishAddress(path: string, address: string): ConstructError {
  return new ConstructError(path, `compose.publishAddress ${JSON.stringify(address)} is not an IP address, which compose needs for host_ip: give one such as "127.0.0.1" or "::1"`);
}

/** A construct of the app given an id its scope already holds. @internal */
export function duplicateConstructId(scopePath: string, id: string): ConstructError {
  return new ConstructError(scopePath, `already holds a construct with the id ${JSON.stringify(id)}: give each image and service of a scope an id of its own`);
}

/** A construct of the app given an empty id. @internal */
export function emptyConstructId(scopePath: string): ConstructError {
  return new ConstructError(scopePath, 'an image or service was given an empty id: give it one such as "api" (it names its bake target and compose service)');
}

/** Two services (or a service and a base image) that would be one compose service. @internal */
export function serviceNameTaken(path: string, name: string, otherPath: string): ConstructError {
  return new ConstructError(path, `is the compose service ${JSON.stringify(name)}, as is ${otherPath}: compose would keep one of them; give one of them another id`);
}

/** One compose secret name given two different sources. @internal */
export function secretSourceClash(path: string, name: string, source: string, otherPath: string, otherSource: string): ConstructError {
  return new ConstructError(path, `secret ${JSON.stringify(name)} reads ${source}, but ${otherPath} reads the secret of that name ${otherSource}: compose keeps one secret per name; give one of them another name, or both the same source`);
}

/** Two services that publish the same host port. @internal */
export function hostPortTaken(path: string, port: number, otherPath: string): ConstructError {
  return new ConstructError(path, `publishes host port ${port}, as does ${otherPath}: give one of them another port, or publish no ports (compose.publishPorts: false)`);
}

/** Services whose dependencies run in a cycle (`a => b => a`), reported at the first of them. @internal */
export function dependencyCycle(path: string, cycle: string): ConstructError {
  return new ConstructError(path, `dependsOn runs in a cycle, ${cycle}, which compose cannot start and CI cannot order: remove one of these dependencies`);
}

// BuildKit's build checks in the end-to-end suite

/** Output of `docker buildx bake --call check,format=json` that is not bake's JSON. @internal */
export function buildCheckOutputUnreadable(why: string): Error {
  return new Error(`the output of docker buildx bake --call check,format=json is not bake's JSON (${why}): run it by hand to see what it printed`);
}
