import { BuilderImage } from './builder-image';
import { FamilyData } from './data/family-data';
import { JAVA17_DEBIAN12, JAVA17_DEBIAN13, JAVA21_DEBIAN13, JAVA25_DEBIAN13 } from './data/java';
import { BASE_DEBIAN12, BASE_DEBIAN13, CC_DEBIAN12, CC_DEBIAN13, STATIC_DEBIAN12, STATIC_DEBIAN13 } from './data/native';
import { NODEJS20_DEBIAN12, NODEJS22_DEBIAN13, NODEJS24_DEBIAN13, NODEJS26_DEBIAN13 } from './data/nodejs';
import { PYTHON3_DEBIAN12, PYTHON3_DEBIAN13 } from './data/python';
import { DebianRelease } from './debian-release';
import { DistrolessTag } from './distroless-tag';
import { checkIsoDate } from './iso-date';
import { RuntimeLanguage } from './runtime-language';
import { SupportStatus } from './support-status';
import { SupportWindow } from './support-window';
import { unknownFamily } from '../core/errors';

const RUNTIME_FAMILY_SYMBOL = Symbol.for('lucid-cdk.runtimes.RuntimeFamily');

/** The registry every family is published under. */
const REGISTRY = 'gcr.io/distroless';

/**
 * One Google distroless image family (`gcr.io/distroless/<name>`) with the facts Lucid derives its files from:
 * interpreter path, entrypoint, platforms, environment, support window and the builder image that matches
 * it exactly. The catalogue is closed: use the static constants, `all()` or `fromName()`.
 *
 * Every fact is cited (`sources`); `src/runtimes/README.md` says how to update the table when upstream changes.
 *
 * @see https://github.com/GoogleContainerTools/distroless
 */
export class RuntimeFamily {
  /** Python 3.13 on Debian 13 (`/usr/bin/python3.13`; venv module present, no pip, no shell). */
  public static readonly PYTHON3_DEBIAN13 = new RuntimeFamily(PYTHON3_DEBIAN13);
  /** Temurin 17 JRE on Debian 13. */
  public static readonly JAVA17_DEBIAN13 = new RuntimeFamily(JAVA17_DEBIAN13);
  /** Temurin 21 JRE on Debian 13. */
  public static readonly JAVA21_DEBIAN13 = new RuntimeFamily(JAVA21_DEBIAN13);
  /** Temurin 25 JRE on Debian 13. */
  public static readonly JAVA25_DEBIAN13 = new RuntimeFamily(JAVA25_DEBIAN13);
  /** Node.js 22 on Debian 13 (`/nodejs/bin/node`, no npm). */
  public static readonly NODEJS22_DEBIAN13 = new RuntimeFamily(NODEJS22_DEBIAN13);
  /** Node.js 24 on Debian 13 (`/nodejs/bin/node`, no npm). */
  public static readonly NODEJS24_DEBIAN13 = new RuntimeFamily(NODEJS24_DEBIAN13);
  /** Node.js 26 on Debian 13 (`/nodejs/bin/node`, no npm). */
  public static readonly NODEJS26_DEBIAN13 = new RuntimeFamily(NODEJS26_DEBIAN13);
  /** glibc, libssl and certificates on Debian 13, for dynamically linked programs. */
  public static readonly BASE_DEBIAN13 = new RuntimeFamily(BASE_DEBIAN13);
  /** `base` plus libstdc++ on Debian 13, for C++ and Rust programs. */
  public static readonly CC_DEBIAN13 = new RuntimeFamily(CC_DEBIAN13);
  /** Certificates, tzdata and users only (no libc) on Debian 13, for static binaries. */
  public static readonly STATIC_DEBIAN13 = new RuntimeFamily(STATIC_DEBIAN13);

  /** Legacy: Python 3.11 on Debian 12. Removed upstream; use `PYTHON3_DEBIAN13`. */
  public static readonly PYTHON3_DEBIAN12 = new RuntimeFamily(PYTHON3_DEBIAN12);
  /** Legacy: Java 17 on Debian 12. Removed upstream; use `JAVA17_DEBIAN13`. */
  public static readonly JAVA17_DEBIAN12 = new RuntimeFamily(JAVA17_DEBIAN12);
  /** Legacy: Node.js 20 on Debian 12. Removed upstream; use `NODEJS22_DEBIAN13`. */
  public static readonly NODEJS20_DEBIAN12 = new RuntimeFamily(NODEJS20_DEBIAN12);
  /** Legacy: `base` on Debian 12. Deprecated upstream; use `BASE_DEBIAN13`. */
  public static readonly BASE_DEBIAN12 = new RuntimeFamily(BASE_DEBIAN12);
  /** Legacy: `cc` on Debian 12. Deprecated upstream; use `CC_DEBIAN13`. */
  public static readonly CC_DEBIAN12 = new RuntimeFamily(CC_DEBIAN12);
  /** Legacy: `static` on Debian 12. Deprecated upstream; use `STATIC_DEBIAN13`. */
  public static readonly STATIC_DEBIAN12 = new RuntimeFamily(STATIC_DEBIAN12);

  /**
   * Every family in the catalogue, sorted by name.
   */
  public static all(): RuntimeFamily[] {
    return [...CATALOGUE];
  }

  /**
   * The family with the given name (e.g. `python3-debian13`).
   *
   * @param name the family name, which is the last segment of its repository
   * @throws if no such family exists; the message lists the known names
   */
  public static fromName(name: string): RuntimeFamily {
    const found = CATALOGUE.find(f => f.name === name);
    if (!found) {
      throw unknownFamily(name, CATALOGUE.map(f => f.name));
    }
    return found;
  }

  /**
   * Whether `x` is a RuntimeFamily, also across two loaded copies of this library.
   *
   * @param x any value
   */
  public static isRuntimeFamily(x: any): x is RuntimeFamily {
    return x !== null && typeof x === 'object' && RUNTIME_FAMILY_SYMBOL in x;
  }

  /** Family name, the last segment of the repository, e.g. `python3-debian13`. */
  public readonly name: string;
  /** Image repository, e.g. `gcr.io/distroless/python3-debian13`. */
  public readonly repository: string;
  /** The language runtime the image ships. */
  public readonly language: RuntimeLanguage;
  /** The Debian release the image is built from. */
  public readonly debian: DebianRelease;
  /**
   * Language version: Python `major.minor`, Java and Node.js major.
   *
   * @default - none for NATIVE families
   */
  public readonly languageVersion?: string;
  /**
   * Absolute path of the interpreter in the image (architecture-independent; for Java a symlink into the
   * architecture-specific JRE directory, which must never be hard-coded).
   *
   * @default - none for NATIVE families
   */
  public readonly interpreterPath?: string;
  /** Other paths in the image that are symlinks to the interpreter (Python: `/usr/bin/python`, `/usr/bin/python3`). */
  public readonly interpreterAliases: string[];
  /** The image's own ENTRYPOINT (exec form); empty for static, base and cc. */
  public readonly entrypoint: string[];
  /** Platforms of the image index upstream publishes, as Docker platform strings (`linux/arm64`, …). */
  public readonly platforms: string[];
  /** Upstream support window. */
  public readonly support: SupportWindow;
  /** The build-stage image that matches this runtime exactly (for JAVA the JDK image, same as `jdkImage`). */
  public readonly builder: BuilderImage;
  /**
   * Plain JDK image of the same Java major (javac, jlink, jdeps), e.g. `eclipse-temurin:21-jdk`.
   *
   * @default - none for non-JAVA families
   */
  public readonly jdkImage?: string;
  /**
   * Maven image on the JDK of the same Java major, e.g. `maven:3.9-eclipse-temurin-21`.
   *
   * @default - none for non-JAVA families
   */
  public readonly mavenImage?: string;
  /**
   * Gradle image on the JDK of the same Java major, e.g. `gradle:8-jdk21`.
   *
   * @default - none for non-JAVA families
   */
  public readonly gradleImage?: string;
  /**
   * Go toolchain image on the same Debian release, for static Go binaries, e.g. `golang:1.24-trixie`.
   *
   * @default - none for families that are not native (static, base, cc)
   */
  public readonly goImage?: string;
  /**
   * Site-packages directory relative to a virtual environment built for this runtime,
   * e.g. `lib/python3.13/site-packages`.
   *
   * @default - none for non-PYTHON families
   */
  public readonly pythonSitePackagesPath?: string;
  /** Environment the image sets with a fixed value (`PATH`, `SSL_CERT_FILE`, `LANG`). */
  public readonly env: { [key: string]: string };
  /** Environment variables the image sets whose value changes with each upstream release (`JAVA_VERSION`). */
  public readonly releaseEnvNames: string[];
  /** Every citation the entry relies on. */
  public readonly sources: string[];

  private constructor(data: FamilyData) {
    Object.defineProperty(this, RUNTIME_FAMILY_SYMBOL, { value: true });
    this.name = data.name;
    this.repository = `${REGISTRY}/${data.name}`;
    this.language = data.language;
    this.debian = data.debian;
    this.languageVersion = data.languageVersion;
    this.interpreterPath = data.interpreterPath;
    this.interpreterAliases = freeze([...data.interpreterAliases]);
    this.entrypoint = freeze([...data.entrypoint]);
    this.platforms = freeze([...data.platforms]);
    const support = data.support;
    if (support.endOfLife !== undefined) checkIsoDate(`${data.name} endOfLife`, support.endOfLife);
    if (support.removedOn !== undefined) checkIsoDate(`${data.name} removedOn`, support.removedOn);
    this.support = freeze({ ...support });
    this.builder = freeze({ ...data.builder, packages: freeze([...data.builder.packages]) });
    this.jdkImage = data.jdkImage;
    this.mavenImage = data.mavenImage;
    this.gradleImage = data.gradleImage;
    this.goImage = data.goImage;
    this.pythonSitePackagesPath = data.pythonSitePackagesPath;
    this.env = freeze({ ...data.env });
    this.releaseEnvNames = freeze([...data.releaseEnvNames]);
    this.sources = freeze([...new Set(data.sources)]);
    Object.freeze(this);
  }

  /**
   * Image reference for a tag, e.g. `gcr.io/distroless/python3-debian13:nonroot`.
   *
   * @param tag the distroless tag
   * @default DistrolessTag.NONROOT
   */
  public image(tag: DistrolessTag = DistrolessTag.NONROOT): string {
    return `${this.repository}:${tag}`;
  }

  /**
   * Whether the family should no longer be used: its status is not SUPPORTED or, when a date is given,
   * its end of life lies before that date. There is no "now": output must not depend on the clock, so
   * callers that care about dates pass one.
   *
   * @param asOf ISO date (`YYYY-MM-DD`) to compare the end of life with
   * @default - only the status counts
   */
  public isDeprecated(asOf?: string): boolean {
    if (this.support.status !== SupportStatus.SUPPORTED) {
      return true;
    }
    if (asOf === undefined) {
      return false;
    }
    checkIsoDate('asOf', asOf);
    return this.support.endOfLife !== undefined && this.support.endOfLife < asOf;
  }

  /**
   * Whether upstream has removed the family's images: its status is REMOVED and, when a date is given, the
   * removal lies on or before that date. A removed family's images no longer exist, so nothing built on them
   * can be pulled or rebuilt.
   *
   * @param asOf ISO date (`YYYY-MM-DD`) to compare the removal date with
   * @default - only the status counts
   */
  public isRemoved(asOf?: string): boolean {
    if (this.support.status !== SupportStatus.REMOVED) {
      return false;
    }
    if (asOf === undefined || this.support.removedOn === undefined) {
      return true;
    }
    checkIsoDate('asOf', asOf);
    return this.support.removedOn <= asOf;
  }

  /**
   * The family to move to, if upstream names one.
   *
   * @returns the replacement family, or undefined when none is needed
   */
  public replacementFamily(): RuntimeFamily | undefined {
    return this.support.replacement === undefined ? undefined : RuntimeFamily.fromName(this.support.replacement);
  }

  /**
   * The family name.
   */
  public toString(): string {
    return this.name;
  }
}

// Every family, sorted by name. Built after the class so the static constants exist.
const CATALOGUE: RuntimeFamily[] = [
  RuntimeFamily.PYTHON3_DEBIAN13, RuntimeFamily.JAVA17_DEBIAN13, RuntimeFamily.JAVA21_DEBIAN13,
  RuntimeFamily.JAVA25_DEBIAN13, RuntimeFamily.NODEJS22_DEBIAN13, RuntimeFamily.NODEJS24_DEBIAN13,
  RuntimeFamily.NODEJS26_DEBIAN13, RuntimeFamily.BASE_DEBIAN13, RuntimeFamily.CC_DEBIAN13,
  RuntimeFamily.STATIC_DEBIAN13, RuntimeFamily.PYTHON3_DEBIAN12, RuntimeFamily.JAVA17_DEBIAN12,
  RuntimeFamily.NODEJS20_DEBIAN12, RuntimeFamily.BASE_DEBIAN12, RuntimeFamily.CC_DEBIAN12,
  RuntimeFamily.STATIC_DEBIAN12,
].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

function freeze<T>(value: T): T {
  return Object.freeze(value);
}
