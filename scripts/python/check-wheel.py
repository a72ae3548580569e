"""check-wheel.py: checks that lucid-cdk's wheel holds the Python module of the assembly it was built from.

Usage: /usr/bin/python3 scripts/python/check-wheel.py [WHEEL_DIR_OR_FILE] [ASSEMBLY]
       (defaults: dist/python and .jsii)

The wheel is read as the zip it is and its Python sources are parsed, never imported: importing needs jsii's
Python runtime from PyPI. Every class, interface and enum of the assembly's `types` must be a class of the
module its jsii type name maps to (the package root, or a submodule), declared with that jsii type name, of the
matching kind, and listed in the module's `__all__`. The assembly packed into the wheel must be this one.
Exits 1 naming every type that is missing or wrong.
"""

import ast
import io
import json
import keyword
import pathlib
import sys
import tarfile
import zipfile

# The decorator or class keyword each jsii kind gets from jsii-pacmak's python target.
KIND_MARKERS = {
    "class": "jsii.JSIIMeta",  # or jsii.JSIIAbstractClass, for abstract classes
    "enum": "jsii.enum",
    "interface": "jsii.interface",
    "struct": "jsii.data_type",
}


def fail(problems):
    print(f"check-wheel: {len(problems)} problem(s):", file=sys.stderr)
    for p in problems:
        print(f"  - {p}", file=sys.stderr)
    sys.exit(1)


def find_wheel(arg):
    path = pathlib.Path(arg)
    if path.is_file():
        return path
    wheels = sorted(path.glob("*.whl"))
    if len(wheels) != 1:
        fail([f"expected exactly one wheel in {path}, found {len(wheels)}: build it with npx projen package:python"])
    return wheels[0]


def python_identifier(name):
    # jsii-pacmak appends "_" to a Python keyword (type-name.js, toPythonIdentifier).
    return name + "_" if keyword.iskeyword(name) else name


def dotted(node):
    if isinstance(node, ast.Attribute):
        return f"{dotted(node.value)}.{node.attr}"
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Call):
        return dotted(node.func)
    return ""


def string_keyword(keywords, name):
    for k in keywords:
        if k.arg == name and isinstance(k.value, ast.Constant) and isinstance(k.value.value, str):
            return k.value.value
    return None


def declared_classes(body, prefix=""):
    """Every class of a module body, nested ones included: {"Outer.Inner": (jsii_type, kind_marker)}."""
    out = {}
    for node in body:
        if not isinstance(node, ast.ClassDef):
            continue
        jsii_type, marker = None, None
        metaclass = next((k for k in node.keywords if k.arg == "metaclass"), None)
        if metaclass is not None and dotted(metaclass.value) in ("jsii.JSIIMeta", "jsii.JSIIAbstractClass"):
            jsii_type = string_keyword(node.keywords, "jsii_type")
            marker = "jsii.JSIIMeta"  # an abstract class is a class too
        for d in node.decorator_list:
            if isinstance(d, ast.Call) and dotted(d) in ("jsii.enum", "jsii.interface", "jsii.data_type"):
                jsii_type, marker = string_keyword(d.keywords, "jsii_type"), dotted(d)
        out[prefix + node.name] = (jsii_type, marker)
        out.update(declared_classes(node.body, f"{prefix}{node.name}."))
    return out


def exported_names(tree):
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return {e.value for e in node.value.elts if isinstance(e, ast.Constant)}
    return set()


def module_and_class(fqn, assembly, root_module):
    """Where jsii-pacmak puts a type: (python module, class path), after the longest submodule prefix."""
    parts = fqn.split(".")
    submodules = assembly.get("submodules", {})
    for cut in range(len(parts) - 1, 1, -1):
        sub = ".".join(parts[:cut])
        if sub in submodules:
            explicit = submodules[sub].get("targets", {}).get("python", {}).get("module")
            module = explicit or ".".join([root_module, *(python_identifier(p) for p in parts[1:cut])])
            return module, ".".join(parts[cut:])
    return root_module, ".".join(parts[1:])


def main():
    wheel_path = find_wheel(sys.argv[1] if len(sys.argv) > 1 else "dist/python")
    assembly_path = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else ".jsii")
    assembly = json.loads(assembly_path.read_text(encoding="utf-8"))
    target = assembly.get("targets", {}).get("python")
    if not target:
        fail([f"{assembly_path} has no python target (publishToPypi in .projenrc.ts)"])
    root_module = target["module"]
    problems = []

    with zipfile.ZipFile(wheel_path) as wheel:
        names = wheel.namelist()
        modules = {}
        for name in names:
            if name.endswith(".py") and name.split("/")[0] == root_module.split(".")[0]:
                module = name[: -len(".py")].replace("/", ".").removesuffix(".__init__")
                tree = ast.parse(wheel.read(name).decode("utf-8"), filename=name)
                modules[module] = (declared_classes(tree.body), exported_names(tree))

        # The packed assembly is the one the types are checked against (a stale wheel fails here).
        packed = [n for n in names if n.startswith(root_module.replace(".", "/") + "/_jsii/") and n.endswith(".jsii.tgz")]
        if len(packed) != 1:
            problems.append(f"the wheel holds {len(packed)} packed assemblies under {root_module}/_jsii/, not 1")
        else:
            with tarfile.open(fileobj=io.BytesIO(wheel.read(packed[0]))) as tgz:
                member = tgz.extractfile("package/.jsii")
                fingerprint = json.load(member).get("fingerprint") if member else None
            if fingerprint != assembly.get("fingerprint"):
                problems.append(f"{packed[0]} is not {assembly_path} (fingerprint {fingerprint}, "
                                f"expected {assembly.get('fingerprint')}): rebuild the wheel")

    if root_module not in modules:
        fail(problems + [f"the wheel has no module {root_module} ({root_module.replace('.', '/')}/__init__.py)"])

    checked = 0
    for fqn, spec in sorted(assembly.get("types", {}).items()):
        kind = "struct" if spec["kind"] == "interface" and spec.get("datatype") else spec["kind"]
        module, class_path = module_and_class(fqn, assembly, root_module)
        checked += 1
        if module not in modules:
            problems.append(f"{kind} {fqn}: the wheel has no module {module}")
            continue
        classes, exported = modules[module]
        if class_path not in classes:
            problems.append(f"{kind} {fqn}: no class {class_path} in {module}")
            continue
        jsii_type, marker = classes[class_path]
        if jsii_type != fqn:
            problems.append(f"{kind} {fqn}: {module}.{class_path} is declared with jsii type {jsii_type!r}")
        elif marker != KIND_MARKERS[kind]:
            problems.append(f"{kind} {fqn}: {module}.{class_path} is a {marker}, not a {KIND_MARKERS[kind]}")
        if "." not in class_path and class_path not in exported:
            problems.append(f"{kind} {fqn}: {class_path} is not in {module}.__all__")

    if checked == 0:
        problems.append(f"{assembly_path} lists no types")
    if problems:
        fail(problems)
    print(f"check-wheel: {wheel_path.name} defines all {checked} types of {assembly_path} "
          f"({', '.join(sorted(modules))})")


if __name__ == "__main__":
    main()
