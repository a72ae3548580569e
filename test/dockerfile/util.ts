import { Construct } from 'constructs';
import { BaseImage, Dockerfile, DockerfileProps, Stage } from '../../src/dockerfile';

/** A Dockerfile under a root construct `app`, so its path is `app/Dockerfile`. */
export function newDockerfile(props?: DockerfileProps): Dockerfile {
  const root = new Construct(undefined as any, 'app');
  return new Dockerfile(root, 'Dockerfile', props);
}

/** A Dockerfile with a `builder` stage (Debian, with a shell) and a distroless `runtime` stage. */
export function builderAndRuntime(): { df: Dockerfile; builder: Stage; runtime: Stage } {
  const df = newDockerfile();
  const builder = df.addStage('builder', { baseImage: BaseImage.fromRegistry('debian:13-slim') });
  const runtime = df.addStage('runtime', {
    baseImage: BaseImage.fromRegistry('gcr.io/distroless/python3-debian13:nonroot', { hasShell: false }),
  });
  return { df, builder, runtime };
}
