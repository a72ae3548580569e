import { Construct } from 'constructs';
import { ImageKind, LucidImage, LucidImageProps } from './lucid-image';
import { invalidJavaModule } from '../core/errors';
import { Protocol } from '../dockerfile';
import { ImageRecipe, recipeNamed } from '../recipes';
import { addJavaBuilder, addJavaProbeSource, ccFamilyFor, JAVA_BUDGET_MB, JAVA_PROBE_DIR, JavaBuildTool, javaBinary, JLINK_HOME } from '../recipes/java';
import { isJavaModule } from '../recipes/words';
import { DistrolessUser, RuntimeFamily, RuntimeLanguage } from '../runtimes';

/**
 * Properties of a Java base image.
 */
export interface JavaBaseProps extends LucidImageProps {
  /**
   * The distroless Java family: the builder is a JDK of the same major.
   * @default RuntimeFamily.JAVA21_DEBIAN13
   */
  readonly family?: RuntimeFamily;
  /**
   * Build a custom runtime with `jlink` holding only these modules, and run it on distroless `cc` of the same
   * Debian release instead of the full JRE: the way under the 150 MB budget. `java.base` is always included.
   * @default - the family's full JRE
   */
  readonly jlinkModules?: string[];
  /**
   * Ports every image built on it exposes (EXPOSE is inherited). Leave it empty for a base that services with
   * ports of their own build on: each service exposes its own port, and LUCID-NET1 refuses any other.
   * @default []
   */
  readonly ports?: number[];
}

/**
 * A Java base image: distroless Java (`:nonroot`, UID 65532, no shell) or a jlink runtime on distroless `cc`,
 * with the HTTP health probe that services built on it use. The JRE's location is never written down:
 * `/usr/bin/java` (or the jlink runtime's `bin/java`) is used, and `JAVA_HOME` is not set.
 */
export class JavaBase extends LucidImage {
  public readonly kind = ImageKind.BASE;
  /** The path of the `java` binary in the image. */
  public readonly javaBinary: string;
  private readonly family: RuntimeFamily;
  private readonly runtimeFamilyOfStage: RuntimeFamily;

  /**
   * @param scope the construct this one belongs to (a LucidApp, or a construct inside one)
   * @param id the construct id: names the bake target and the compose service, so keep it short and stable
   * @param props its properties
   */
  constructor(scope: Construct, id: string, props: JavaBaseProps = { directory: '.' }) {
    const family = props.family ?? RuntimeFamily.JAVA21_DEBIAN13;
    super(scope, id, { description: `Lucid Java base image (${family.name})`, ...props, sizeBudgetMb: props.sizeBudgetMb ?? JAVA_BUDGET_MB });
    this.family = family;
    this._requireLanguage(family, RuntimeLanguage.JAVA, 'Java');
    const jlink = props.jlinkModules !== undefined;
    for (const m of props.jlinkModules ?? []) {
      if (!isJavaModule(m)) {
        throw invalidJavaModule(this.node.path, m);
      }
    }
    this.javaBinary = javaBinary(family, jlink);
    this.runtimeFamilyOfStage = jlink ? ccFamilyFor(family) : family;

    addJavaProbeSource(this);
    const builder = addJavaBuilder(this.dockerfile, family, {
      buildTool: JavaBuildTool.MAVEN,
      buildFiles: [],
      sources: [],
      jlinkModules: props.jlinkModules,
      probe: true,
      secretMounts: this._secretMounts(),
    }).jre!;
    const runtime = this.dockerfile.addStage('runtime', { baseImage: this._fromFamily(this.runtimeFamilyOfStage) });
    if (jlink) {
      runtime.addCopy([JLINK_HOME], JLINK_HOME, { fromStage: builder });
    }
    runtime.addCopy(['/build/probe'], JAVA_PROBE_DIR, { fromStage: builder });
    runtime.addEnv('LANG', 'C.UTF-8');
    // No WORKDIR /app here: created under the image's USER 65532 it would be writable by the services built on
    // this base; they create /app root-owned with their COPY.
    runtime.addUser(`${DistrolessUser.NONROOT_UID}:${DistrolessUser.NONROOT_GID}`);
    for (const port of props.ports ?? []) {
      runtime.addExpose(port, Protocol.TCP);
    }
    runtime.useEntrypoint([this.javaBinary, '-jar']);
    // Labels last: changing one invalidates no layer.
    this._addStandardLabels(runtime);
  }

  /** The Java family the image's JRE comes from (or that the jlink runtime was built from). */
  public get javaFamily(): RuntimeFamily {
    return this.family;
  }

  /** The distroless family of the runtime stage: the Java family, or `cc` with a jlink runtime. */
  public get runtimeFamily(): RuntimeFamily {
    return this.runtimeFamilyOfStage;
  }

  /** Java's recipe, with the JRE's family and java binary (a jlink runtime runs on `cc`). @internal */
  public _structureRecipe(): ImageRecipe {
    return { recipe: recipeNamed('java'), facts: { service: false, family: this.javaFamily, entrypoint: this._entrypoint(), program: this.javaBinary } };
  }
}
