from app.compare.moves import in_place, reading_order


def test_longest_run_stays_and_the_rest_moves():
    pairs = [(0, 0), (1, 4), (2, 1), (3, 2), (4, 3)]
    assert in_place(pairs) == {(0, 0), (2, 1), (3, 2), (4, 3)}


def test_weights_keep_the_long_paragraph_in_place():
    pairs = [(0, 1), (1, 0)]
    assert in_place(pairs, [100, 1]) == {(0, 1)}
    assert in_place(pairs, [1, 100]) == {(1, 0)}


def test_reading_order_puts_deletions_before_insertions():
    # old A B C, new A X C: B deleted, X inserted
    rows = reading_order(3, 3, [(0, 0), (2, 2)], {(0, 0), (2, 2)})
    assert rows == [(0, 0), (1, None), (None, 1), (2, 2)]
