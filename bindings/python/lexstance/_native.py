"""The shared library liblexstance, loaded with ctypes (no compiler needed).

Looked for, in order: the file named by the environment variable
LEXSTANCE_LIBRARY; the copy installed inside this package; the system's
(ctypes.util.find_library, then liblexstance.so.0 on the loader's path and
in /usr/local/lib).  Only the "jobs" part of the C API is used
(include/lexstance.h): options by their command-line names, documents in,
the command line's CSV bytes out.
"""
import ctypes
import ctypes.util
import os

_ERRLEN = 1024


class LexstanceError(Exception):
    """A lexstance call failed; .status is the library's lxs_status."""

    def __init__(self, message, status=1):
        super().__init__(message)
        self.status = status


def _candidates():
    env = os.environ.get("LEXSTANCE_LIBRARY")
    if env:
        yield env
        return
    here = os.path.dirname(os.path.abspath(__file__))
    bundled = os.path.join(here, "liblexstance.so")
    if os.path.exists(bundled):
        yield bundled
    found = ctypes.util.find_library("lexstance")
    if found:
        yield found
    yield "liblexstance.so.0"
    yield "/usr/local/lib/liblexstance.so.0"


def _load():
    tried = []
    for path in _candidates():
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            tried.append("%s (%s)" % (path, e))
    raise ImportError("lexstance: cannot load the shared library liblexstance; tried "
                      + "; ".join(tried) + ". Build it (make) and set LEXSTANCE_LIBRARY, "
                      "or install it (make install).")


_lib = _load()
_lib.lxs_version_string.restype = ctypes.c_char_p
_lib.lxs_version_string.argtypes = []
_lib.lxs_job_new.restype = ctypes.c_void_p
_lib.lxs_job_new.argtypes = []
_lib.lxs_job_free.restype = None
_lib.lxs_job_free.argtypes = [ctypes.c_void_p]
_lib.lxs_job_set.restype = ctypes.c_int
_lib.lxs_job_set.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p,
                             ctypes.c_char_p, ctypes.c_size_t]
_lib.lxs_job_add.restype = ctypes.c_int
_lib.lxs_job_add.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p,
                             ctypes.c_size_t, ctypes.c_char_p]
_lib.lxs_job_run.restype = ctypes.c_int
_lib.lxs_job_run.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p),
                             ctypes.POINTER(ctypes.c_size_t), ctypes.c_char_p, ctypes.c_size_t]
_lib.lxs_text_free.restype = None
_lib.lxs_text_free.argtypes = [ctypes.c_void_p]


def version():
    """The library's version string ("0.1.0")."""
    return _lib.lxs_version_string().decode()


def _bytes(s):
    return s if isinstance(s, bytes) else str(s).encode("utf-8")


class Job:
    """One lexstance job: options, documents, then a table as CSV text."""

    def __init__(self):
        self._job = _lib.lxs_job_new()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self._job:
            _lib.lxs_job_free(self._job)
            self._job = None

    def __del__(self):
        self.close()

    def set(self, name, value=None):
        err = ctypes.create_string_buffer(_ERRLEN)
        rc = _lib.lxs_job_set(self._job, _bytes(name),
                              None if value is None else _bytes(value), err, _ERRLEN)
        if rc:
            raise ValueError("lexstance: " + err.value.decode("utf-8", "replace"))

    def add(self, doc_id, text, speaker=None):
        data = _bytes(text)
        rc = _lib.lxs_job_add(self._job, _bytes(doc_id), data, len(data),
                              None if speaker is None else _bytes(speaker))
        if rc:
            raise LexstanceError("lexstance: cannot add document %r" % (doc_id,), rc)

    def run(self, what):
        out = ctypes.c_void_p()
        n = ctypes.c_size_t()
        err = ctypes.create_string_buffer(_ERRLEN)
        rc = _lib.lxs_job_run(self._job, _bytes(what), ctypes.byref(out), ctypes.byref(n),
                              err, _ERRLEN)
        if rc:
            raise LexstanceError("lexstance: " + err.value.decode("utf-8", "replace"), rc)
        try:
            return ctypes.string_at(out.value, n.value).decode("utf-8")
        finally:
            _lib.lxs_text_free(out)
