"""render/libfind.py: WeasyPrint's libraries found from one reading of the ldconfig cache."""

import ctypes.util
import sys

import pytest

from quizforge.render import libfind

linux = pytest.mark.skipif(not sys.platform.startswith("linux") or libfind._ldconfig_names() is None,
                           reason="needs Linux with ldconfig")


@linux
def test_names_are_found_as_find_library_finds_them():
    assert libfind.find_in_cache("pango-1.0") == ctypes.util.find_library("pango-1.0")
    assert libfind.find_in_cache("gobject-2.0").startswith("libgobject-2.0.so")


@linux
def test_spellings_for_other_systems_are_not_found():
    for name in ("libgobject-2.0-0", "gobject-2.0-0", "libpango-1.0-0.dll", "no-such-library-at-all"):
        assert libfind.find_in_cache(name) is None


def test_find_library_is_put_back_even_after_an_error():
    original = ctypes.util.find_library
    with pytest.raises(RuntimeError):
        with libfind.quick_find_library():
            raise RuntimeError
    assert ctypes.util.find_library is original
