import { DistrolessPythonBase, JavaBase, Testing } from '../../src';
import { LucidImage } from '../../src/images/lucid-image';

// An image's reference is `<app registry>/<imageName>:<tag>`, where `tag` is a template of the image's own in
// which `{tag}` stands for the app's tag. Lucid publishes three development bases in one repository,
// `pickme/lucid-base:python-distroless`, `…:java-distroless` and `…:latest`.

describe('image references', () => {
  test('an image takes the app\'s tag unless it gives a tag of its own', () => {
    // GIVEN
    const app = Testing.app({ tag: '1.2' });
    const plain = new DistrolessPythonBase(app, 'plain', { directory: 'images/plain', requirements: 'requirements.txt' });
    const fixed = new DistrolessPythonBase(app, 'py', { directory: 'images/py', requirements: 'requirements.txt', imageName: 'lucid-base', tag: 'python-distroless' });
    const templated = new JavaBase(app, 'java', { directory: 'images/java', imageName: 'lucid-base', tag: 'java-{tag}' });

    // THEN
    expect(plain.imageRef).toBe('pickme/lucid-plain:1.2');
    expect(plain.tagTemplate).toBe('{tag}');
    expect(fixed.imageRef).toBe('pickme/lucid-base:python-distroless');
    expect(templated.imageRef).toBe('pickme/lucid-base:java-1.2');
    expect(templated.tagWith('X')).toBe('java-X');
    expect(() => Testing.synth(app)).not.toThrow();
  });

  test('two images with the same reference are rejected, naming both', () => {
    // GIVEN two images that would both be tagged pickme/lucid-base:latest
    const app = Testing.app();
    new DistrolessPythonBase(app, 'python-base', { directory: 'images/python', requirements: 'requirements.txt', imageName: 'lucid-base' });
    new JavaBase(app, 'java-base', { directory: 'images/java', imageName: 'lucid-base' });

    // THEN
    expect(() => Testing.synth(app)).toThrow(
      /\[.*Lucid\/java-base\] .*pickme\/lucid-base:latest.*Lucid\/python-base.*give one of them another imageName or tag/);
  });

  test('images of one repository with different tags are accepted', () => {
    // GIVEN
    const app = Testing.app();
    new DistrolessPythonBase(app, 'python-base', { directory: 'images/python', requirements: 'requirements.txt', imageName: 'lucid-base', tag: 'python-distroless' });
    new JavaBase(app, 'java-base', { directory: 'images/java', imageName: 'lucid-base', tag: 'java-distroless' });
    new JavaBase(app, 'dev-base', { directory: 'images/dev', imageName: 'lucid-base' });

    // WHEN
    Testing.synth(app);

    // THEN
    expect(LucidImage.all(app).map(i => i.imageRef)).toEqual([
      'pickme/lucid-base:python-distroless', 'pickme/lucid-base:java-distroless', 'pickme/lucid-base:latest',
    ]);
  });

  test.each([
    ['an invalid character', 'python distroless'],
    ['a leading dash', '-python'],
    ['an unknown placeholder', '{arch}'],
    ['an unclosed placeholder', '{tag'],
    ['a tag over 128 characters', 'x'.repeat(129)],
  ])('a tag with %s is rejected with the rule', (_what, tag) => {
    // GIVEN
    const app = Testing.app();
    new JavaBase(app, 'java-base', { directory: 'images/java', tag });

    // THEN
    expect(() => Testing.synth(app)).toThrow(/\[.*Lucid\/java-base\] tag ".*" .*up to 128 letters, digits, "_", "." and "-".*\{tag\}/s);
  });
});
