"""Installs the pure-Python package; when the shared library is found (the
environment variable LEXSTANCE_LIBRARY, or the build/ directory of the
lexstance tree this package sits in), a copy goes into the package, so the
installed package needs neither a compiler nor an installed liblexstance.
Without one, the package loads the system's liblexstance at import.  The
command line beside it (LEXSTANCE_BIN, or that build/lexstance) goes in
too: compare() and merge() run it, so they work without `make install`."""
import glob
import os
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))


TREE_BUILD = os.path.normpath(os.path.join(HERE, "..", "..", "build"))


def find_library():
    env = os.environ.get("LEXSTANCE_LIBRARY")
    if env:
        return env if os.path.isfile(env) else None
    found = sorted(glob.glob(os.path.join(TREE_BUILD, "liblexstance.so.*.*")))
    return found[-1] if found else None


def find_cli():
    env = os.environ.get("LEXSTANCE_BIN")
    if env and not os.path.isabs(env):
        # pip builds in another directory: a relative path would name nothing
        print("lexstance: LEXSTANCE_BIN=%s is relative; give an absolute path" % env)
    exe = env or os.path.join(TREE_BUILD, "lexstance")
    return exe if os.path.isfile(exe) and os.access(exe, os.X_OK) else None


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
        exe = find_cli()
        if exe:
            bindir = os.path.join(self.build_lib, "lexstance", "bin")
            os.makedirs(bindir, exist_ok=True)
            shutil.copyfile(exe, os.path.join(bindir, "lexstance"))
            os.chmod(os.path.join(bindir, "lexstance"), 0o755)
            print("lexstance: bundled %s" % exe)


setup(cmdclass={"build_py": BuildWithLibrary})
