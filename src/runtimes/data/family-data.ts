import { BuilderImage } from '../builder-image';
import { DebianRelease } from '../debian-release';
import { RuntimeLanguage } from '../runtime-language';
import { SupportWindow } from '../support-window';

/** The raw facts of one family; RuntimeFamily wraps and freezes them. Internal. */
export interface FamilyData {
  readonly name: string;
  readonly language: RuntimeLanguage;
  readonly debian: DebianRelease;
  readonly languageVersion?: string;
  readonly interpreterPath?: string;
  readonly interpreterAliases: string[];
  readonly entrypoint: string[];
  readonly platforms: string[];
  readonly support: SupportWindow;
  readonly builder: BuilderImage;
  readonly jdkImage?: string;
  readonly mavenImage?: string;
  readonly gradleImage?: string;
  readonly goImage?: string;
  readonly pythonSitePackagesPath?: string;
  readonly env: { [key: string]: string };
  readonly releaseEnvNames: string[];
  readonly sources: string[];
}
