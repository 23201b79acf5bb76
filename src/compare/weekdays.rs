//! The weekday a report names, as a term of its story vector.
//!
//! News names the day of its happening ("was arrested early Tuesday"), and
//! every outlet reporting it names the same day, while a similar event of
//! the same topic, weeks or years apart, most often fell on another. The
//! names are stop words for facts (every sentence of a story may carry
//! one), so stories count them here, from the title and the lead only:
//! later sentences name the days of background and follow-ups.

use rayon::prelude::*;

use super::stories::Vector;
use super::terms::Vocab;
use crate::analysis::Analysis;
use crate::corpus::Article;

const DAYS: [&str; 7] =
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Sentences of the lead whose weekdays count: those that count fully
/// for the story.
use super::prepare::LEAD_SENTENCES as LEAD;

/// How often each weekday is named in `text`, added to `named`.
fn count(text: &str, named: &mut [f32; 7]) {
    // "Tuesday's" splits at the apostrophe.
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if (6..=9).contains(&word.len())
            && let Some(k) = DAYS.iter().position(|d| d.eq_ignore_ascii_case(word))
        {
            named[k] += 1.0;
        }
    }
}

/// Adds to each article's term counts (`counts[i]` of `articles[i]`, each id
/// once) the weekdays named in its title and lead, one per mention.
pub(super) fn add(
    counts: &mut [Vector],
    articles: &[Article],
    analyses: &[Analysis],
    vocab: &mut Vocab,
) {
    let ids: Vec<u32> = DAYS.iter().map(|d| vocab.id(d)).collect();
    counts.par_iter_mut().zip(articles).zip(analyses).for_each(|((c, a), an)| {
        let mut named = [0f32; 7];
        count(&a.title, &mut named);
        for s in an.segmentation.sentences.iter().take(LEAD) {
            count(a.body.get(s.start..s.end).unwrap_or(""), &mut named);
        }
        for (k, &n) in named.iter().enumerate().filter(|(_, n)| **n > 0.0) {
            match c.iter_mut().find(|(t, _)| *t == ids[k]) {
                Some(e) => e.1 += n,
                None => c.push((ids[k], n)),
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_are_counted_whatever_their_case_and_possessive() {
        let mut named = [0f32; 7];
        count("Arrested early TUESDAY; Tuesday's hearing, then sunday.", &mut named);
        assert_eq!(named, [0.0, 2.0, 0.0, 0.0, 0.0, 0.0, 1.0]);
    }

    #[test]
    fn words_that_only_contain_a_day_are_not_days() {
        let mut named = [0f32; 7];
        count("Mondays, Sundayfest and Fridays", &mut named);
        assert_eq!(named, [0.0; 7]);
    }
}
