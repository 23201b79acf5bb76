//! The command line: clap types, and the printers for `list` and
//! `entities` (table, json); `compare` has its own module. Printers write to
//! any `Write`, so tests read their output as text.

pub mod compare;
pub mod feeds;
pub mod fetch;
pub mod meta;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use serde::Serialize;

use crate::analysis::{Analysis, Kind};
use crate::corpus::{Article, Corpus, outlets};
use crate::display::{self, clean, fit, pad, pad_left};
use crate::index::{self, Index};
use crate::pipeline::{Need, Pipeline};

/// Read the same story in several outlets and see where they agree.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about)]
pub struct Cli {
    /// Files and folders to open in the reader (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// The config file to use (default: $DATELINE_CONFIG, else config.toml
    /// in the platform's config folder).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Neither read nor write the analysis cache.
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Keep the analysis cache in DIR instead of the platform's cache folder.
    #[arg(long, global = true, value_name = "DIR", conflicts_with = "no_cache")]
    pub cache_dir: Option<PathBuf>,
    /// A warning line for every file skipped, not one per kind of skip.
    #[arg(long, short = 'v', global = true)]
    pub verbose: bool,
}

#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// List articles, newest first, undated last.
    List {
        /// Files and folders to read (default: the current folder).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// People, organisations, places and groups across the articles, each
    /// with its aliases and mentions; with `--format json`, every mention
    /// (dates and numbers included) as a byte span into its article's body.
    Entities {
        /// Files and folders to read (default: the current folder).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Stories (articles about one event) and, for each, the facts every
    /// outlet reports, side by side: `=` agree, `≠` differ, `·` one outlet only.
    Compare {
        /// Files and folders to read (default: the current folder).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = CompareFormat::Table)]
        format: CompareFormat,
    },
    /// Subscriptions: add, remove, list, import and export the feeds followed.
    Feeds {
        #[command(subcommand)]
        action: feeds::FeedsAction,
    },
    /// Fetch every subscription into the library (whole articles: a page is
    /// fetched for each entry whose feed gives only a summary).
    Fetch {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Say which config file the reader uses and check it; with
    /// `--default`, print the default config file instead.
    Config {
        /// Print the default config file, commented.
        #[arg(long)]
        default: bool,
    },
    /// Print a completion script for SHELL to stdout.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to stdout.
    #[command(hide = true)]
    Man,
}

impl Command {
    /// Commands that read no articles: they run before any loading.
    pub fn is_meta(&self) -> bool {
        matches!(self, Command::Config { .. } | Command::Completions { .. } | Command::Man)
    }

    /// Commands on the subscriptions and the library: no articles loaded.
    pub fn is_library(&self) -> bool {
        matches!(self, Command::Feeds { .. } | Command::Fetch { .. })
    }
}

/// Run a subscriptions or library command; its exit code.
pub fn run_library(cmd: &Command, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    match cmd {
        Command::Feeds { action } => feeds::run(action, out, err),
        Command::Fetch { format } => fetch::run(*format, out, err),
        _ => Ok(2),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Table,
    Markdown,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

impl Cli {
    /// The command line of this process; a usage error (exit 2) for paths
    /// given before a command (`dateline a.txt --config c.toml list`), whose
    /// paths the command would otherwise drop. A command's name after a
    /// path is a path (`dateline a.txt list` opens both in the reader), as
    /// clap parses it; a global option before the command is fine.
    pub fn from_args() -> Cli {
        let cli = Cli::parse();
        if cli.command.is_some() && !cli.paths.is_empty() {
            let msg = "paths go after the command: dateline COMMAND [PATH]...";
            clap::Command::error(
                &mut Cli::command(),
                clap::error::ErrorKind::ArgumentConflict,
                msg,
            )
            .exit();
        }
        cli
    }

    /// Where the cache is, as the flags say.
    pub fn cache(&self) -> crate::cache::Setting {
        use crate::cache::Setting;
        match (&self.cache_dir, self.no_cache) {
            (_, true) => Setting::Off,
            (Some(d), false) => Setting::Dir(d.clone()),
            (None, false) => Setting::Default,
        }
    }

    /// The paths to load (the current folder when none is given) and the
    /// command to run on them (`None`: open the reader).
    pub fn split(self) -> (Vec<PathBuf>, Option<Command>) {
        let paths = match &self.command {
            Some(
                Command::List { paths, .. }
                | Command::Entities { paths, .. }
                | Command::Compare { paths, .. },
            ) => paths.clone(),
            Some(
                Command::Config { .. }
                | Command::Completions { .. }
                | Command::Man
                | Command::Feeds { .. }
                | Command::Fetch { .. },
            ) => Vec::new(),
            None => self.paths,
        };
        // No PATH: the library when there are subscriptions, else the
        // current folder (CONTRACT.md).
        let paths = if paths.is_empty() { crate::library::default_paths() } else { paths };
        (paths, self.command)
    }
}

/// The article object of the JSON contract (CONTRACT.md, "JSON shapes").
#[derive(Debug, Serialize)]
pub struct ArticleJson<'a> {
    pub id: &'a str,
    pub path: String,
    pub title: &'a str,
    pub outlet: Option<&'a str>,
    pub date: Option<String>,
    pub url: Option<&'a str>,
    pub words: usize,
}

impl<'a> From<&'a Article> for ArticleJson<'a> {
    fn from(a: &'a Article) -> Self {
        ArticleJson {
            id: &a.id,
            path: a.path.to_string_lossy().into_owned(),
            title: &a.title,
            outlet: a.outlet.as_deref(),
            date: a.date.map(|d| d.format("%Y-%m-%d").to_string()),
            url: a.url.as_deref(),
            words: a.words(),
        }
    }
}

/// What a command needs loaded, so the cache decodes no more than that.
pub fn need(cmd: &Command) -> Need {
    match cmd {
        Command::List { .. } => Need::Articles,
        Command::Entities { .. } => Need::Entities,
        Command::Compare { .. } => Need::Comparison,
        // These read no articles (main runs them before any loading).
        Command::Config { .. }
        | Command::Completions { .. }
        | Command::Man
        | Command::Feeds { .. }
        | Command::Fetch { .. } => Need::Articles,
    }
}

/// Run a printing command over a loaded corpus, analysing what it needs.
pub fn print(cmd: &Command, corpus: &Corpus, out: &mut dyn Write) -> io::Result<()> {
    print_from(cmd, corpus, &mut Pipeline::detached(), out)
}

/// Run a printing command over a corpus `pipeline` loaded, taking what the
/// command needs beyond the articles from it (its cache, or computed).
pub fn print_from(
    cmd: &Command,
    corpus: &Corpus,
    pipeline: &mut Pipeline,
    out: &mut dyn Write,
) -> io::Result<()> {
    match cmd {
        Command::List { format: ListFormat::Json, .. } => list_json(corpus, out),
        Command::List { format: ListFormat::Table, .. } => list_table(corpus, output_width(), out),
        Command::Entities { format, .. } => {
            let analyses = pipeline.analyses(corpus, &mut |_, _, _| true).unwrap_or_default();
            let index = pipeline.index(corpus, &analyses);
            match format {
                ListFormat::Json => entities_json(corpus, &analyses, &index, out),
                ListFormat::Table => entities_table(&index, output_width(), out),
            }
        }
        Command::Compare { format, .. } => {
            let cmp = pipeline.comparison(corpus, None);
            match format {
                CompareFormat::Json => compare::json(corpus, &cmp, out),
                CompareFormat::Markdown => compare::markdown(corpus, &cmp, out),
                CompareFormat::Table => compare::table(corpus, &cmp, output_width(), out),
            }
        }
        // Run without a corpus by `meta::run` or `run_library`, before loading.
        Command::Config { .. }
        | Command::Completions { .. }
        | Command::Man
        | Command::Feeds { .. }
        | Command::Fetch { .. } => Ok(()),
    }
}

/// A table width that means no limit: nothing is cut.
pub const UNLIMITED: usize = usize::MAX;

/// The width a table is fitted to: the terminal's; [`UNLIMITED`] when
/// stdout is not a terminal, so a script gets every cell whole.
pub fn output_width() -> usize {
    if io::stdout().is_terminal()
        && let Ok((w, _)) = crossterm::terminal::size()
    {
        return usize::from(w).max(40);
    }
    UNLIMITED
}

pub fn list_json(corpus: &Corpus, out: &mut dyn Write) -> io::Result<()> {
    let rows: Vec<ArticleJson> = corpus.articles.iter().map(ArticleJson::from).collect();
    serde_json::to_writer_pretty(&mut *out, &rows)?;
    writeln!(out)
}

/// Aligned columns fitted to `width`: the title takes what is left and is
/// cut with an ellipsis, as are cells wider than their column's cap, alike
/// on every row. Outlets use their short form ("DCNF"); the id column only
/// appears when the width leaves the title room. At [`UNLIMITED`] width
/// nothing is cut and every column is shown.
pub fn list_table(corpus: &Corpus, width: usize, out: &mut dyn Write) -> io::Result<()> {
    const GAP: usize = 2;
    const TITLE_MIN: usize = 40;
    // On all cores: counting every article's words is most of the work.
    let rows: Vec<[String; 5]> = corpus
        .articles
        .par_iter()
        .map(|a| {
            [
                a.date.map_or_else(|| "undated".to_string(), |d| d.format("%Y-%m-%d").to_string()),
                clean(a.outlet.as_deref().map_or("(unknown)", outlets::short_name)),
                a.words().to_string(),
                clean(&a.title),
                clean(&a.id),
            ]
        })
        .collect();
    let head = ["DATE", "OUTLET", "WORDS", "TITLE", "ID"];
    let natural = |i: usize| {
        rows.iter().map(|r| display::width(&r[i])).chain([display::width(head[i])]).max()
    };
    let caps = if width == UNLIMITED { [usize::MAX; 5] } else { [10, 16, 6, usize::MAX, 28] };
    let mut w: [usize; 5] = std::array::from_fn(|i| natural(i).unwrap_or(0).min(caps[i]));
    let fixed = w[0] + w[1] + w[2] + 3 * GAP;
    let with_id = width >= fixed + GAP + w[4] + TITLE_MIN;
    let room = width.saturating_sub(fixed + if with_id { GAP + w[4] } else { 0 });
    w[3] = w[3].min(room).max(10);
    let line = |cells: [&str; 5]| {
        let mut s = format!(
            "{}  {}  {}  {}",
            pad(cells[0], w[0]),
            pad(cells[1], w[1]),
            pad_left(cells[2], w[2]),
            pad(cells[3], w[3])
        );
        if with_id {
            s.push_str("  ");
            s.push_str(&pad(cells[4], w[4]));
        }
        s.trim_end().to_string()
    };
    writeln!(out, "{}", line(head))?;
    for r in &rows {
        writeln!(out, "{}", line([&r[0], &r[1], &r[2], &r[3], &r[4]]))?;
    }
    Ok(())
}

/// One mention of the `entities` JSON: a byte span into the article's body.
#[derive(Debug, Serialize)]
pub struct MentionJson<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: Kind,
    /// The entity's id; `null` for dates and numbers, which are values.
    pub entity: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct ArticleEntitiesJson<'a> {
    #[serde(flatten)]
    pub article: ArticleJson<'a>,
    pub body: &'a str,
    pub mentions: Vec<MentionJson<'a>>,
}

#[derive(Debug, Serialize)]
pub struct EntityJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: Kind,
    pub aliases: &'a [String],
    pub mentions: usize,
    pub articles: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct EntitiesJson<'a> {
    pub articles: Vec<ArticleEntitiesJson<'a>>,
    pub entities: Vec<EntityJson<'a>>,
}

pub fn entities_json(
    corpus: &Corpus,
    analyses: &[Analysis],
    index: &Index,
    out: &mut dyn Write,
) -> io::Result<()> {
    let articles = corpus
        .articles
        .iter()
        .zip(analyses)
        .enumerate()
        .map(|(i, (a, an))| ArticleEntitiesJson {
            article: ArticleJson::from(a),
            body: &a.body,
            mentions: an
                .mentions
                .iter()
                .enumerate()
                .map(|(m, mention)| MentionJson {
                    start: mention.start,
                    end: mention.end,
                    text: &a.body[mention.start..mention.end],
                    kind: mention.kind,
                    entity: index
                        .entity_of(index::MentionRef { article: i, mention: m })
                        .map(|e| e.id.as_str()),
                })
                .collect(),
        })
        .collect();
    let entities = index
        .entities
        .iter()
        .map(|e| EntityJson {
            id: &e.id,
            name: &e.name,
            kind: e.kind,
            aliases: &e.aliases,
            mentions: e.mentions.len(),
            articles: e.articles.iter().map(|&i| corpus.articles[i].id.as_str()).collect(),
        })
        .collect();
    serde_json::to_writer(&mut *out, &EntitiesJson { articles, entities })?;
    writeln!(out)
}

/// Entities most mentioned first: kind, name, mentions, articles, aliases.
/// Names wider than 32 columns are cut with `…` on a terminal, alike on
/// every row; at [`UNLIMITED`] width nothing is cut.
pub fn entities_table(index: &Index, width: usize, out: &mut dyn Write) -> io::Result<()> {
    let cap = if width == UNLIMITED { usize::MAX } else { 32 };
    let w_name = index
        .entities
        .iter()
        .map(|e| display::width(&clean(&e.name)))
        .max()
        .unwrap_or(4)
        .clamp(4, cap);
    let fixed = 6 + 2 + w_name + 2 + 8 + 2 + 8 + 2;
    let w_alias = width.saturating_sub(fixed).max(10);
    writeln!(
        out,
        "{}",
        format!(
            "{}  {}  {}  {}  ALIASES",
            pad("KIND", 6),
            pad("NAME", w_name),
            pad_left("MENTIONS", 8),
            pad_left("ARTICLES", 8)
        )
        .trim_end()
    )?;
    for e in &index.entities {
        let aliases = clean(&e.aliases.join(" · "));
        let row = format!(
            "{}  {}  {}  {}  {}",
            pad(e.kind.as_str(), 6),
            pad(&clean(&e.name), w_name),
            pad_left(&e.mentions.len().to_string(), 8),
            pad_left(&e.articles.len().to_string(), 8),
            fit(&aliases, w_alias)
        );
        writeln!(out, "{}", row.trim_end())?;
    }
    Ok(())
}

/// The paths as a user would read them in a message.
pub fn describe_paths(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
}
