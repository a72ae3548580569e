import { DistrolessPythonBase, JavaBase, Layer, LucidApp, LucidAppProps, LucidService, Plane, ServiceRuntime, Testing } from '../../src';

/**
 * An app with Lucid's development bases as seed 003 publishes them, three images in one repository
 * (`pickme/lucid-base:python-distroless`, `…:java-distroless`, `…:latest`), and a service built on the Python one.
 */
export function devBasesApp(props: LucidAppProps = {}): LucidApp {
  const app = Testing.app({ compliance: { packs: [] }, platforms: ['linux/amd64', 'linux/arm64'], ...props });
  const python = new DistrolessPythonBase(app, 'python-dev', {
    directory: 'images/python-dev', requirements: 'requirements.txt', imageName: 'lucid-base', tag: 'python-distroless',
  });
  new JavaBase(app, 'java-dev', { directory: 'images/java-dev', imageName: 'lucid-base', tag: 'java-distroless' });
  new DistrolessPythonBase(app, 'dev', { directory: 'images/dev', requirements: 'requirements.txt', imageName: 'lucid-base' });
  new LucidService(app, 'auth', {
    plane: Plane.OPS,
    layer: Layer.CORE_SUPPORT,
    description: 'auth',
    directory: 'apps/auth',
    port: 8080,
    runtime: ServiceRuntime.python({ baseImage: python }),
  });
  return app;
}
