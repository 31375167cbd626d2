"""Installs the pure-Python package; when the shared library is found (the
environment variable LEXSTANCE_LIBRARY, or the build/ directory of the
lexstance tree this package sits in), a copy goes into the package, so the
installed package needs neither a compiler nor an installed liblexstance.
Without one, the package loads the system's liblexstance at import."""
import glob
import os
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))


def find_library():
    env = os.environ.get("LEXSTANCE_LIBRARY")
    if env:
        return env if os.path.isfile(env) else None
    tree = os.path.normpath(os.path.join(HERE, "..", "..", "build"))
    found = sorted(glob.glob(os.path.join(tree, "liblexstance.so.*.*")))
    return found[-1] if found else None


class BuildWithLibrary(build_py):
    def run(self):
        super().run()
        lib = find_library()
        if lib:
            dest = os.path.join(self.build_lib, "lexstance", "liblexstance.so")
            shutil.copyfile(lib, dest)
            print("lexstance: bundled %s" % lib)
        else:
            print("lexstance: no built library found; the system's liblexstance is loaded at import")


setup(cmdclass={"build_py": BuildWithLibrary})
