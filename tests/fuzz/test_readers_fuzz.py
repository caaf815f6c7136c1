"""The readers on generated and broken inputs (hypothesis): HTML pages, RSS/Atom feeds, JSON,
JSON Lines, plain text in odd encodings, and manifests naming them. Any input gives Articles or
InputError items, never an exception."""
from __future__ import annotations

import pytest
from fuzz_inputs import FORMATS, check_items, manifest_lines, read_all
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

READER_SETTINGS = settings(max_examples=25, deadline=None, derandomize=True, print_blob=True,
                           suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def reader_property(fmt: str):
    ext, strategy = FORMATS[fmt]

    @given(data=strategy())
    def prop(data):
        check_items(read_all({"input" + ext: data}))

    return prop


@st.composite
def batches(draw):
    files = {}
    for i, fmt in enumerate(draw(st.lists(st.sampled_from(sorted(FORMATS)), min_size=1, max_size=3))):
        ext, strategy = FORMATS[fmt]
        files[f"f{i}{ext}"] = draw(strategy())
    return files, draw(manifest_lines(sorted(files)))


def manifest_property():
    @given(batch=batches())
    def prop(batch):
        files, manifest = batch
        check_items(read_all(files, manifest))

    return prop


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_reader_on_generated_input(fmt):
    READER_SETTINGS(reader_property(fmt))()


def test_manifest_over_generated_files():
    READER_SETTINGS(manifest_property())()
