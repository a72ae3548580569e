import { DistrolessPythonBase } from '../images/distroless-python-base';
import { JavaBase } from '../images/java-base';
import { NodeBase } from '../images/node-base';
import { LanguageRecipe, recipeNamed } from '../recipes';
import type { DebianPackagesRuntimeOptions } from '../recipes/debian';
import type { GoRuntimeOptions } from '../recipes/go';
import { JavaBuildTool } from '../recipes/java';
import { RuntimeFamily, RuntimeLanguage } from '../runtimes';

/**
 * Options of a Python service.
 */
export interface PythonRuntimeOptions {
  /**
   * The distroless Python family the service runs on directly (ignored with `baseImage`).
   * @default RuntimeFamily.PYTHON3_DEBIAN13
   */
  readonly family?: RuntimeFamily;
  /**
   * Build FROM this Python base image of the app instead of distroless directly (the hybrid approach for
   * development and tests). The service then adds only its sources: a distroless stage cannot `pip install`.
   * @default - distroless directly, with the service's own builder stage
   */
  readonly baseImage?: DistrolessPythonBase;
  /**
   * A pip requirements file in the build context (not allowed with `baseImage`).
   * @default - none
   */
  readonly requirements?: string;
  /**
   * Install requirements with `pip --require-hashes`.
   * @default false
   */
  readonly requireHashes?: boolean;
  /**
   * The folder of the build context copied to `/app`.
   * @default 'app'
   */
  readonly source?: string;
  /**
   * The script run, relative to `/app`. Ignored when `module` is set.
   * @default 'main.py'
   */
  readonly main?: string;
  /**
   * A module run with `python -m` instead of a script.
   * @default - the `main` script
   */
  readonly module?: string;
}

/**
 * Options of a Java service.
 */
export interface JavaRuntimeOptions {
  /**
   * The distroless Java family (ignored with `baseImage`, which has its own).
   * @default RuntimeFamily.JAVA21_DEBIAN13
   */
  readonly family?: RuntimeFamily;
  /**
   * Run on this Java base image of the app (its JRE or jlink runtime, and its health probe).
   * @default - distroless Java directly
   */
  readonly baseImage?: JavaBase;
  /**
   * The build tool.
   * @default JavaBuildTool.MAVEN
   */
  readonly buildTool?: JavaBuildTool;
  /**
   * Build files copied before the sources, for a cached dependency layer.
   * @default ['pom.xml'] for Maven, ['build.gradle', 'settings.gradle'] for Gradle
   */
  readonly buildFiles?: string[];
  /**
   * Source folders copied after the dependency layer.
   * @default ['src']
   */
  readonly sources?: string[];
  /**
   * The executable jar the build produces, relative to the project folder (set the build's final name).
   * @default 'target/app.jar' for Maven, 'build/libs/app.jar' for Gradle
   */
  readonly artifact?: string;
  /**
   * Build a jlink runtime with these modules and run on distroless `cc` (ignored with `baseImage`).
   * @default - the family's full JRE
   */
  readonly jlinkModules?: string[];
  /**
   * JVM options placed before `-jar`.
   * @default []
   */
  readonly jvmOptions?: string[];
}

/**
 * Options of a Node service.
 */
export interface NodeRuntimeOptions {
  /**
   * The distroless Node family (ignored with `baseImage`).
   * @default RuntimeFamily.NODEJS22_DEBIAN13
   */
  readonly family?: RuntimeFamily;
  /**
   * Run on this Node base image of the app.
   * @default - distroless Node directly
   */
  readonly baseImage?: NodeBase;
  /**
   * Files that define the dependencies, copied first for a cached `npm ci` layer.
   * @default ['package.json', 'package-lock.json']
   */
  readonly manifestFiles?: string[];
  /**
   * App files and folders copied after the dependencies, into `/app`.
   * @default ['server.js']
   */
  readonly sources?: string[];
  /**
   * The script run, relative to `/app`.
   * @default 'server.js'
   */
  readonly main?: string;
}

/**
 * How a service's image is built and run: a distroless runtime family directly (production), or a base
 * image of the app (the hybrid approach for development and tests).
 */
export class ServiceRuntime {
  /** A Python service. */
  public static python(options: PythonRuntimeOptions = {}): ServiceRuntime {
    const family = options.baseImage?.runtimeFamily ?? options.family ?? RuntimeFamily.PYTHON3_DEBIAN13;
    return new ServiceRuntime('python', RuntimeLanguage.PYTHON, family, options, undefined, undefined);
  }

  /** A Java service. */
  public static java(options: JavaRuntimeOptions = {}): ServiceRuntime {
    const family = options.baseImage?.javaFamily ?? options.family ?? RuntimeFamily.JAVA21_DEBIAN13;
    return new ServiceRuntime('java', RuntimeLanguage.JAVA, family, undefined, options, undefined);
  }

  /** A Node service. */
  public static nodejs(options: NodeRuntimeOptions = {}): ServiceRuntime {
    const family = options.baseImage?.runtimeFamily ?? options.family ?? RuntimeFamily.NODEJS22_DEBIAN13;
    return new ServiceRuntime('nodejs', RuntimeLanguage.NODEJS, family, undefined, undefined, options);
  }

  /**
   * A Go service: a static binary (`CGO_ENABLED=0`) on distroless static, with a compiled HTTP probe. (Not
   * `go`: a reserved word in Go, which jsii generates bindings for.)
   * The language is `RuntimeLanguage.NATIVE`: the runtime ships no Go runtime, the binary carries it.
   */
  public static golang(options: GoRuntimeOptions = {}): ServiceRuntime {
    const family = options.family ?? RuntimeFamily.STATIC_DEBIAN13;
    return new ServiceRuntime('go', RuntimeLanguage.NATIVE, family, undefined, undefined, undefined, options);
  }

  /**
   * Programs that Debian packages (tor, redis-server): installed with `apt-get` in the family's Debian builder
   * (`debian:13-slim`), copied with their shared-library closure onto distroless `base` (or `cc`), run as 65532
   * without a shell. An HTTP or TCP health check runs a compiled probe; or give `HealthCheck.exec` with one of
   * the programs (e.g. `/usr/bin/redis-cli ping`). The root filesystem is read-only: point the programs'
   * data folders at `/tmp`, the writable tmpfs of the run contract.
   * The language is `RuntimeLanguage.NATIVE`.
   */
  public static debianPackages(options: DebianPackagesRuntimeOptions): ServiceRuntime {
    const family = options.family ?? RuntimeFamily.BASE_DEBIAN13;
    const copy: DebianPackagesRuntimeOptions = {
      ...options,
      packages: [...options.packages],
      programs: [...options.programs],
      entrypoint: options.entrypoint ? [...options.entrypoint] : undefined,
      files: options.files ? [...options.files] : undefined,
      configFiles: options.configFiles ? options.configFiles.map(f => ({ ...f })) : undefined,
    };
    return new ServiceRuntime('debian', RuntimeLanguage.NATIVE, family, undefined, undefined, undefined, undefined, copy);
  }

  /** The language. */
  public readonly language: RuntimeLanguage;
  /** The runtime family (for Java, the JRE's family even when a jlink runtime runs on `cc`). */
  public readonly family: RuntimeFamily;
  /** Python options, for Python services. */
  public readonly pythonOptions?: PythonRuntimeOptions;
  /** Java options, for Java services. */
  public readonly javaOptions?: JavaRuntimeOptions;
  /** Node options, for Node services. */
  public readonly nodeOptions?: NodeRuntimeOptions;
  /** Go options, for Go services. */
  public readonly goOptions?: GoRuntimeOptions;
  /** Debian package options, for services of programs that Debian packages. */
  public readonly debianOptions?: DebianPackagesRuntimeOptions;

  /**
   * The recipe that builds, runs, probes and tests services of this runtime.
   * @internal
   */
  public readonly _recipe: LanguageRecipe;

  private constructor(recipe: string, language: RuntimeLanguage, family: RuntimeFamily, py?: PythonRuntimeOptions,
    java?: JavaRuntimeOptions, node?: NodeRuntimeOptions, go?: GoRuntimeOptions, debian?: DebianPackagesRuntimeOptions) {
    this._recipe = recipeNamed(recipe);
    this.language = language;
    this.family = family;
    this.pythonOptions = py;
    this.javaOptions = java;
    this.nodeOptions = node;
    this.goOptions = go;
    this.debianOptions = debian;
  }
}
