import type { IConstruct } from 'constructs';
import type { ILucidApp } from '../core/app';
import type { BaseImage, Dockerfile, RunMount, Stage } from '../dockerfile';
import type { RuntimeFamily } from '../runtimes';
import type { StructureCommandTest, StructureFileExistenceTest } from '../structure-test/model';

// The recipes sit below the image and service constructs that ask them: they see an image, a base image and a
// service's runtime through the interfaces below, which `LucidImage` and `ServiceRuntime` fit.

/**
 * An image as a recipe sees it: the construct files are generated under, and its build context.
 * @internal
 */
export interface RecipeImage extends IConstruct {
  /** The app the image belongs to. */
  readonly app: ILucidApp;
  /** The build context, relative to the app's folder. */
  readonly directory: string;
}

/**
 * An image of the app that a service builds FROM, as a recipe sees it.
 * @internal
 */
export interface RecipeBaseImage extends RecipeImage {
  /** The distroless family of its final stage. */
  readonly runtimeFamily: RuntimeFamily;
}

/**
 * A service's runtime as a recipe sees it; each recipe reads its own language's options as well.
 * @internal
 */
export interface RecipeRuntime {
  /** The runtime family (for Java, the JRE's family even when a jlink runtime runs on `cc`). */
  readonly family: RuntimeFamily;
}

/**
 * What a recipe builds a service's stages with: the service's Dockerfile and the image helpers it needs.
 * @internal
 */
export interface ServiceBuildContext {
  /** The service being built (to generate files into its build context). */
  readonly image: RecipeImage;
  /** Its Dockerfile. */
  readonly dockerfile: Dockerfile;
  /** Whether the health check runs the recipe's probe (HTTP or TCP), not a command of the user's. */
  readonly needsProbe: boolean;
  /** A distroless base image of a family (the `nonroot` tag). */
  fromFamily(family: RuntimeFamily): BaseImage;
  /** An image of the app as a base image. */
  fromLucidImage(image: RecipeBaseImage): BaseImage;
  /** The secret mounts of the steps that fetch dependencies. */
  secretMounts(): RunMount[];
}

/**
 * The stages a recipe built for a service, and how the service is run and probed.
 * @internal
 */
export interface BuiltService {
  /** The runtime (final) stage; the service adds env, user, port, labels and the health check. */
  readonly runtime: Stage;
  /** The distroless family of the runtime stage. */
  readonly family: RuntimeFamily;
  /** The exec-form entrypoint. */
  readonly entrypoint: string[];
  /** The signal that stops the program at once. */
  readonly stopSignal: string;
  /** The exec-form HTTP probe: exits 0 only when `url` answers 2xx within the timeout. */
  readonly probe: (url: string, timeoutSeconds: number) => string[];
  /**
   * The exec-form TCP probe: exits 0 only when a connection to `port` on loopback opens within the timeout.
   * @default - the recipe has none: a TCP health check is an error
   */
  readonly tcpProbe?: (port: number, timeoutSeconds: number) => string[];
}

/**
 * What a structure test knows about the image it tests.
 * @internal
 */
export interface ImageFacts {
  /** Whether the image is a service (it carries the app), not a base image. */
  readonly service: boolean;
  /** The language's runtime family (for Java, the JRE's family even when a jlink runtime runs on `cc`). */
  readonly family: RuntimeFamily;
  /** The entrypoint of the runtime stage. */
  readonly entrypoint: string[];
  /** The program that runs the image's language (a Java base image's java), when the entrypoint does not say. */
  readonly program?: string;
  /** A service's runtime, for the recipes that check what its options name (the Debian programs). */
  readonly runtime?: RecipeRuntime;
  /** Whether a service's health check runs the recipe's probe. */
  readonly probe?: boolean;
}

/**
 * The recipe an image follows and what it needs to know about the image: what the image's structure test checks.
 * @internal
 */
export interface ImageRecipe {
  /** The recipe of the image's language. */
  readonly recipe: LanguageRecipe;
  /** What the recipe reads of the image. */
  readonly facts: ImageFacts;
}

/**
 * Everything lucid-cdk knows about one language: how a service in it is built and run, what its structure
 * test checks, its size budget and the probe programs the compliance rules can trust.
 * @internal
 */
export interface LanguageRecipe {
  /** The recipe's name, the key of the registry. */
  readonly name: string;
  /** Lucid's size budget of an image in this language, in MB. */
  readonly defaultBudgetMb: number;
  /** Whether an HTTP health check works without an interpreter in the runtime (the recipe compiles its probe). */
  readonly compiledProbe: boolean;
  /** Builds a service's stages; base-image-only recipes have none. */
  buildService?(context: ServiceBuildContext, runtime: RecipeRuntime): BuiltService;
  /** Problems of a service's options that can never be built. */
  serviceProblems?(runtime: RecipeRuntime): string[];
  /** Files a structure test expects present (or absent) beyond the absence of a shell. */
  structureFiles(facts: ImageFacts): StructureFileExistenceTest[];
  /** Commands a structure test runs with the image's own programs, in exec form. */
  structureCommands(facts: ImageFacts): StructureCommandTest[];
  /** Whether `command` is the HTTP probe this recipe generates, which exits 1 outside 200-299. */
  isOwnProbe(command: string[]): boolean;
}
