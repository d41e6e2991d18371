"""Stacking stored (float16) vectors back into float32 matrices."""

from __future__ import annotations

import numpy as np
import pytest

from storage.vectors_at_rest import stack_stored, to_stored


def test_rows_come_back_in_order_as_float32() -> None:
    vectors = np.array([[0.5, -0.25, 1.0], [0.0, 2.0, -3.0]], dtype=np.float32)

    stacked = stack_stored(to_stored(row) for row in vectors)

    assert stacked.dtype == np.float32
    assert stacked.shape == (2, 3)
    np.testing.assert_array_equal(stacked, vectors)


def test_no_rows_give_an_empty_matrix() -> None:
    assert stack_stored([]).shape == (0, 0)


def test_rows_of_different_lengths_are_refused() -> None:
    # 3 + 6 values would reshape into three rows of three without the check
    rows = [to_stored(np.ones(3)), to_stored(np.ones(6))]

    with pytest.raises(ValueError, match="differ in length"):
        stack_stored(rows)
