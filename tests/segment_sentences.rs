//! Sentence and token splitting on text written for these tests.
use dateline::analysis::segment::segment;

fn sents(text: &str) -> Vec<&str> {
    segment(text).sentences.iter().map(|s| &text[s.start..s.end]).collect()
}

#[test]
fn abbreviations_do_not_end_sentences() {
    let t = "Gen. Ada Varga met Sgt. Bo Lind on Nov. 3 in the U.S. capital. Mr. Tam left.";
    assert_eq!(
        sents(t),
        ["Gen. Ada Varga met Sgt. Bo Lind on Nov. 3 in the U.S. capital.", "Mr. Tam left."]
    );
    assert_eq!(
        sents("Dr. Lee flew home on Jan. 4 with Mrs. Oda. She slept."),
        ["Dr. Lee flew home on Jan. 4 with Mrs. Oda.", "She slept."]
    );
}

#[test]
fn abbreviation_can_end_a_sentence_before_a_starter() {
    assert_eq!(
        sents("He moved to the U.S. The move was quick."),
        ["He moved to the U.S.", "The move was quick."]
    );
}

#[test]
fn initials_stay_in_the_sentence() {
    assert_eq!(
        sents("We read J. R. R. Tolkien and H. G. Wells today."),
        ["We read J. R. R. Tolkien and H. G. Wells today."]
    );
}

#[test]
fn period_inside_closing_quote() {
    assert_eq!(
        sents("She said, \"We will stay.\" Then she left. “Why?” he asked."),
        ["She said, \"We will stay.\"", "Then she left.", "“Why?” he asked."]
    );
}

#[test]
fn lower_case_after_period_continues() {
    assert_eq!(
        sents("It cost 3 p.m. prices and e.g. more."),
        ["It cost 3 p.m. prices and e.g. more."]
    );
}

#[test]
fn blank_lines_headings_and_lists() {
    let t = "Storm hits coast\nThe storm arrived late on a wet night.\n\nno period here\n\nnext part\n- first item\n- second item";
    assert_eq!(
        sents(t),
        [
            "Storm hits coast",
            "The storm arrived late on a wet night.",
            "no period here",
            "next part",
            "- first item",
            "- second item"
        ]
    );
    // A hard-wrapped paragraph line does not end a sentence.
    let wrapped =
        "The council said on a long and windy afternoon that the new bridge would\nopen next year.";
    assert_eq!(sents(wrapped).len(), 1);
}

#[test]
fn datelines_are_split_off() {
    assert_eq!(
        sents("WASHINGTON (AP) — The vote was close."),
        ["WASHINGTON (AP) —", "The vote was close."]
    );
    assert_eq!(sents("CNN — Rain fell."), ["CNN —", "Rain fell."]);
    assert_eq!(
        sents("LONDON, England (Reuters) -- Prices rose."),
        ["LONDON, England (Reuters) --", "Prices rose."]
    );
    // An ordinary dash in a sentence is not a dateline.
    assert_eq!(sents("Tom Ray — a baker — won."), ["Tom Ray — a baker — won."]);
}

#[test]
fn multibyte_text() {
    let t = "Zoë Ångström visited Malmö. Café “Über” opened — finally.";
    assert_eq!(sents(t), ["Zoë Ångström visited Malmö.", "Café “Über” opened — finally."]);
    let toks: Vec<&str> = segment(t).tokens.iter().map(|k| &t[k.start..k.end]).collect();
    assert!(toks.contains(&"Ångström") && toks.contains(&"“") && toks.contains(&"—"));
}

/// Property-style: for many generated strings, every span is on a char
/// boundary, tokens are ordered and non-overlapping, every non-space char is
/// covered, and sentences partition the tokens in order.
#[test]
fn spans_are_valid_for_arbitrary_input() {
    let alphabet: Vec<char> =
        "aZ .,;:!?'\"“”‘’()-—–\n\t$5é日本😀U.S.Mr.\u{a0}\u{200b}—...".chars().collect();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let len = (state % 40) as usize;
        let mut s = String::new();
        let mut x = state;
        for _ in 0..len {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            s.push(alphabet[(x >> 33) as usize % alphabet.len()]);
        }
        let seg = segment(&s);
        let mut prev_end = 0;
        for t in &seg.tokens {
            assert!(t.start < t.end, "{s:?}");
            assert!(t.start >= prev_end, "{s:?}");
            assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end), "{s:?}");
            assert!(s[prev_end..t.start].chars().all(char::is_whitespace), "{s:?}");
            prev_end = t.end;
        }
        assert!(s[prev_end..].chars().all(char::is_whitespace), "{s:?}");
        let mut next_tok = 0;
        for sen in &seg.sentences {
            assert_eq!(sen.tokens.start, next_tok, "{s:?}");
            assert!(sen.tokens.end > sen.tokens.start);
            assert_eq!(sen.start, seg.tokens[sen.tokens.start].start);
            assert_eq!(sen.end, seg.tokens[sen.tokens.end - 1].end);
            next_tok = sen.tokens.end;
        }
        assert_eq!(next_tok, seg.tokens.len(), "{s:?}");
    }
}
