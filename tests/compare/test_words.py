from app.compare.words import DELETE, EQUAL, INSERT, similarity, tokenize, word_diff


def rebuild(diffs, keep):
    return "".join(text for op, text in diffs if op in (EQUAL, keep))


def test_changed_word_shows_as_that_word():
    old = "We recognise the growing threat of synthetic drugs."
    new = "We recognise the serious threat of synthetic drugs."
    diffs = word_diff(old, new)
    assert (DELETE, "growing") in diffs
    assert (INSERT, "serious") in diffs
    assert rebuild(diffs, DELETE) == old
    assert rebuild(diffs, INSERT) == new


def test_accents_and_punctuation_are_tokens():
    old = "la cooperación birregional, y"
    new = "la cooperación bi-regional; y"
    diffs = word_diff(old, new)
    assert rebuild(diffs, DELETE) == old and rebuild(diffs, INSERT) == new
    assert all("cooperación" not in text for op, text in diffs if op != EQUAL)


def test_similarity_bounds():
    assert similarity("a b c", "a b c") == 1.0
    assert similarity("alpha beta", "gamma delta") == 0.0
    assert 0.5 < similarity("one two three four", "one two three five") < 1.0


def test_punctuation_change_is_just_the_mark():
    old = "between both regions, and the rule of law"
    new = "between both regions; and the rule of law"
    diffs = word_diff(old, new)
    assert [(op, text) for op, text in diffs if op != EQUAL] == [(DELETE, ","), (INSERT, ";")]


def test_neighbouring_word_changes_read_as_one_replacement():
    diffs = word_diff("the growing threat of drugs", "the serious danger of drugs")
    assert diffs == [(EQUAL, "the "), (DELETE, "growing threat"), (INSERT, "serious danger"),
                     (EQUAL, " of drugs")]


def test_long_texts_diff_exactly_without_timeout():
    words = [f"w{i}" for i in range(20000)]
    old = " ".join(words)
    changed = list(words)
    changed[10000] = "CHANGED"
    diffs = word_diff(old, " ".join(changed))
    assert [(op, text) for op, text in diffs if op != EQUAL] == [(DELETE, "w10000"),
                                                                  (INSERT, "CHANGED")]


def test_plain_paragraph_fast_path_rebuilds_both_texts_and_keeps_words_whole():
    import random

    from app.compare.words import inline_diff
    from app.model import TextRun

    rng = random.Random(3)
    vocabulary = "the of and to cooperation drugs regions, security; (EU) law".split()
    for _ in range(500):
        old_words = [rng.choice(vocabulary) for _ in range(rng.randint(1, 25))]
        new_words = list(old_words)
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(new_words) + 1)
            if rng.random() < 0.5 and at < len(new_words):
                new_words[at] = rng.choice(vocabulary) + "x"
            else:
                new_words.insert(at, rng.choice(vocabulary))
        old, new = " ".join(old_words), " ".join(new_words)
        if old == new:
            continue
        diffs = inline_diff([TextRun(old)], [TextRun(new)])
        assert "".join("".join(t) for op, t in diffs if op != INSERT) == old
        assert "".join("".join(t) for op, t in diffs if op != DELETE) == new
        # A change starts and ends on word boundaries of both texts.
        for text, skip in ((old, INSERT), (new, DELETE)):
            bounds, at = {0}, 0
            for token in tokenize(text):
                at += len(token)
                bounds.add(at)
            at = 0
            for op, tokens in diffs:
                if op == skip:
                    continue
                assert op == EQUAL or at in bounds
                at += len("".join(tokens))
                assert op == EQUAL or at in bounds
