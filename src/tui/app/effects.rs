//! Requests to the world outside (`o`, `y`), recorded as [`Effect`]s
//! for the run loop.

use super::App;
use crate::tui::outside::{self, Effect, Opener};

impl App {
    /// The article `o` and `y` act on: the selected report's in the
    /// comparison view, else the one in the reader.
    pub fn target_article(&self) -> Option<usize> {
        if let Some(c) = &self.compare {
            let fact = self.compare_story().and_then(|s| s.facts.get(c.fact))?;
            return fact.reports.get(c.report_in(fact)).map(|r| r.article);
        }
        self.doc.article
    }

    /// Ask for the article's address to be opened, if it has one that is
    /// a web address: a file's `url` field is not trusted to be one, and
    /// anything else handed to the system's opener could run a program.
    pub(super) fn open_url(&mut self) {
        let Some(a) = self.target_article().and_then(|i| self.corpus.articles.get(i)) else {
            return;
        };
        let url = a.url.as_deref().map(str::trim).unwrap_or("");
        let web = ["http://", "https://"]
            .iter()
            .any(|p| url.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)));
        if url.is_empty() {
            self.message = Some("this article has no web address".into());
        } else if !web || url.chars().any(|c| c.is_control() || c.is_whitespace()) {
            self.message = Some(format!("not a web address: {url}"));
        } else {
            self.effects.push(Effect::Open(url.to_string()));
        }
    }

    /// Ask for a copy: in the comparison view the selected fact's reports,
    /// else the article's citation.
    pub(super) fn copy(&mut self) {
        let arts = &self.corpus.articles;
        let effect = if let Some(c) = &self.compare {
            let Some(story) = self.compare_story() else { return };
            let Some(fact) = story.facts.get(c.fact) else { return };
            let n = fact.reports.len();
            Effect::Copy {
                text: crate::tui::cite::fact_reports(story, fact, arts),
                what: format!(
                    "the reports of “{}” ({n} {})",
                    fact.label,
                    if n == 1 { "outlet" } else { "outlets" }
                ),
            }
        } else {
            let Some(a) = self.doc.article.and_then(|i| arts.get(i)) else { return };
            Effect::Copy { text: crate::tui::cite::citation(a), what: "the citation".into() }
        };
        self.effects.push(effect);
    }

    /// Carry out the pending effects (see [`outside::perform`]), saying on
    /// the status line what the last one did.
    pub fn carry_out(&mut self, terminal: &mut dyn std::io::Write, opener: &dyn Opener) {
        let effects = std::mem::take(&mut self.effects);
        if let Some(said) = outside::perform(effects, terminal, opener) {
            self.message = Some(said);
        }
    }
}
