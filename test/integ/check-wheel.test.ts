import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// scripts/python/check-wheel.py checks the real wheel in `npx projen package:python`. These tests feed it small
// wheels written here, to prove that it fails, and names each type, when the module does not match the assembly.

const PYTHON = '/usr/bin/python3';
const CHECK = path.join(__dirname, '..', '..', 'scripts', 'python', 'check-wheel.py');

// Writes a wheel (a zip) with the given files and a packed assembly whose fingerprint is `packed`.
const MAKE_WHEEL = `
import io, json, sys, tarfile, zipfile
spec = json.load(sys.stdin)
with zipfile.ZipFile(spec["wheel"], "w") as z:
    for name, text in spec["files"].items():
        z.writestr(name, text)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as t:
        data = json.dumps({"fingerprint": spec["packed"]}).encode()
        info = tarfile.TarInfo("package/.jsii")
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
    z.writestr("lucid_cdk/_jsii/lucid-cdk@0.0.0.jsii.tgz", buf.getvalue())
`;

const ASSEMBLY = {
  name: 'lucid-cdk',
  version: '0.0.0',
  fingerprint: 'current',
  targets: { python: { distName: 'lucid-cdk', module: 'lucid_cdk' } },
  types: {
    'lucid-cdk.Colour': { kind: 'enum', fqn: 'lucid-cdk.Colour' },
    'lucid-cdk.IRule': { kind: 'interface', fqn: 'lucid-cdk.IRule' },
    'lucid-cdk.Thing': { kind: 'class', fqn: 'lucid-cdk.Thing' },
    'lucid-cdk.ThingProps': { kind: 'interface', datatype: true, fqn: 'lucid-cdk.ThingProps' },
  },
};

// What jsii-pacmak writes for those four types, in the shape of its python target.
const MODULE = `r'''
# lucid-cdk
'''
import enum
import jsii
import typing_extensions

@jsii.enum(jsii_type="lucid-cdk.Colour")
class Colour(enum.Enum):
    RED = "RED"

@jsii.interface(jsii_type="lucid-cdk.IRule")
class IRule(typing_extensions.Protocol):
    pass

class Thing(metaclass=jsii.JSIIMeta, jsii_type="lucid-cdk.Thing"):
    pass

@jsii.data_type(jsii_type="lucid-cdk.ThingProps", jsii_struct_bases=[], name_mapping={"base_image": "baseImage"})
class ThingProps:
    pass

__all__ = ["Colour", "IRule", "Thing", "ThingProps"]
`;

function check(module: string, packed = 'current'): { status: number | null; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-wheel-'));
  const wheel = path.join(dir, 'lucid_cdk-0.0.0-py3-none-any.whl');
  const assembly = path.join(dir, '.jsii');
  fs.writeFileSync(assembly, JSON.stringify(ASSEMBLY));
  const made = spawnSync(PYTHON, ['-c', MAKE_WHEEL], {
    input: JSON.stringify({ wheel, packed, files: { 'lucid_cdk/__init__.py': module, 'lucid_cdk/py.typed': '' } }),
    encoding: 'utf-8',
  });
  expect(made.stderr).toBe('');
  const r = spawnSync(PYTHON, [CHECK, dir, assembly], { encoding: 'utf-8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: r.status, out: r.stdout + r.stderr };
}

test('a wheel whose module declares every type of the assembly passes', () => {
  // WHEN
  const r = check(MODULE);

  // THEN
  expect(r.out).toMatch(/^check-wheel: lucid_cdk-0\.0\.0-py3-none-any\.whl defines all 4 types of \S+\.jsii \(lucid_cdk\)\n$/);
  expect(r.status).toBe(0);
});

test('the check names each type that is missing, of the wrong kind, misnamed or not exported', () => {
  // GIVEN ThingProps only in the docstring, Colour as a struct, IRule under another jsii name, Thing not exported
  const broken = MODULE
    .replace('# lucid-cdk', '# lucid-cdk\nclass ThingProps:\n    pass')
    .replace(/@jsii\.data_type\(jsii_type="lucid-cdk\.ThingProps".*\nclass ThingProps:\n {4}pass\n/, '')
    .replace('@jsii.enum(jsii_type="lucid-cdk.Colour")', '@jsii.data_type(jsii_type="lucid-cdk.Colour")')
    .replace('@jsii.interface(jsii_type="lucid-cdk.IRule")', '@jsii.interface(jsii_type="lucid-cdk.IOther")')
    .replace('"Thing", ', '');

  // WHEN
  const r = check(broken);

  // THEN
  expect(r.status).toBe(1);
  expect(r.out.split('\n').filter(l => l.startsWith('  - '))).toEqual([
    '  - enum lucid-cdk.Colour: lucid_cdk.Colour is a jsii.data_type, not a jsii.enum',
    "  - interface lucid-cdk.IRule: lucid_cdk.IRule is declared with jsii type 'lucid-cdk.IOther'",
    '  - class lucid-cdk.Thing: Thing is not in lucid_cdk.__all__',
    '  - struct lucid-cdk.ThingProps: no class ThingProps in lucid_cdk',
  ]);
});

test('a wheel packed from another build of the assembly fails', () => {
  // WHEN
  const r = check(MODULE, 'older');

  // THEN
  expect(r.status).toBe(1);
  expect(r.out).toContain('lucid_cdk/_jsii/lucid-cdk@0.0.0.jsii.tgz is not ');
  expect(r.out).toContain('(fingerprint older, expected current): rebuild the wheel');
});
