//! The files' warnings as a person reads them on stderr: a line for each
//! real problem, and one line for each kind of skip that comes by the
//! thousand (a build folder's `.o` files), so the real ones are not buried.

use std::collections::HashMap;

use super::{Problem, Warning};

/// Extensions named in the line for unsupported types, most common first.
const TYPES_NAMED: usize = 4;
/// Folder names named in the line for folders left out.
const FOLDERS_NAMED: usize = 3;

/// What to print: the lines, and whether any stands for several files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub lines: Vec<String>,
    /// Some line counts several files; `--verbose` would list each.
    pub grouped: bool,
}

/// The kinds of warning that are grouped when they repeat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Unsupported,
    Binary,
    Empty,
    Duplicate,
    Folder,
}

fn kind(p: &Problem) -> Option<Kind> {
    Some(match p {
        Problem::Unsupported(_) => Kind::Unsupported,
        Problem::Binary => Kind::Binary,
        Problem::Empty => Kind::Empty,
        Problem::Duplicate(_) => Kind::Duplicate,
        Problem::NotArticles(_) => Kind::Folder,
        _ => return None,
    })
}

/// `warnings` summed up: each real problem on its own line, in order, then
/// a line per kind of routine skip met more than once. With `verbose`, a
/// line for every warning.
pub fn summarize(warnings: &[Warning], verbose: bool) -> Summary {
    if verbose {
        return Summary {
            lines: warnings.iter().map(ToString::to_string).collect(),
            grouped: false,
        };
    }
    let mut by_kind: HashMap<Kind, Vec<&Warning>> = HashMap::new();
    for w in warnings {
        if let Some(k) = kind(&w.problem) {
            by_kind.entry(k).or_default().push(w);
        }
    }
    // A kind met once is said as it is: a group of one hides the path.
    let grouped = |w: &Warning| kind(&w.problem).is_some_and(|k| by_kind[&k].len() > 1);
    let mut out = Summary::default();
    out.lines.extend(warnings.iter().filter(|w| !grouped(w)).map(ToString::to_string));
    for k in [Kind::Folder, Kind::Unsupported, Kind::Binary, Kind::Empty, Kind::Duplicate] {
        let Some(ws) = by_kind.get(&k).filter(|ws| ws.len() > 1) else { continue };
        out.lines.push(group_line(k, ws));
        out.grouped = true;
    }
    out
}

fn group_line(k: Kind, ws: &[&Warning]) -> String {
    let n = thousands(ws.len());
    match k {
        Kind::Unsupported => {
            let mut counts: HashMap<String, usize> = HashMap::new();
            for w in ws {
                if let Problem::Unsupported(ext) = &w.problem {
                    let name = ext.as_ref().map_or("no extension".into(), |e| format!(".{e}"));
                    *counts.entry(name).or_default() += 1;
                }
            }
            let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
            counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let mut named: Vec<String> = counts
                .iter()
                .take(TYPES_NAMED)
                .map(|(e, c)| format!("{e} {}", thousands(*c)))
                .collect();
            if counts.len() > TYPES_NAMED {
                named.push("…".into());
            }
            format!("{n} files of unsupported types skipped ({})", named.join(", "))
        }
        Kind::Binary => format!("{n} binary files skipped"),
        Kind::Empty => format!("{n} empty files skipped"),
        Kind::Duplicate => format!("{n} files with the same text as another kept once"),
        Kind::Folder => {
            let mut named: Vec<String> =
                ws.iter().take(FOLDERS_NAMED).map(|w| w.path.display().to_string()).collect();
            if ws.len() > FOLDERS_NAMED {
                named.push("…".into());
            }
            format!("{n} folders of build output or packages skipped ({})", named.join(", "))
        }
    }
}

/// 3755 as "3,755".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(path: &str, p: Problem) -> Warning {
        Warning::new(path, p)
    }

    #[test]
    fn repeats_are_counted_and_real_problems_kept() {
        let mut ws: Vec<Warning> = (0..3755)
            .map(|i| w(&format!("t/{i}.o"), Problem::Unsupported(Some("o".into()))))
            .collect();
        ws.extend((0..20).map(|i| w(&format!("t/{i}.d"), Problem::Unsupported(Some("d".into())))));
        ws.push(w("LICENSE", Problem::Unsupported(None)));
        ws.push(w("a.json", Problem::Json("expected value at line 1".into())));
        ws.push(w("e.txt", Problem::Empty));
        let s = summarize(&ws, false);
        assert_eq!(
            s.lines,
            [
                "a.json: expected value at line 1; skipped",
                "e.txt: empty file; skipped",
                "3,776 files of unsupported types skipped (.o 3,755, .d 20, no extension 1)",
            ]
        );
        assert!(s.grouped);
        let all = summarize(&ws, true);
        assert_eq!(all.lines.len(), ws.len());
        assert!(!all.grouped);
    }

    #[test]
    fn many_types_end_with_an_ellipsis() {
        let ws: Vec<Warning> = ["a", "b", "c", "d", "e", "e"]
            .iter()
            .enumerate()
            .map(|(i, e)| w(&format!("{i}.{e}"), Problem::Unsupported(Some((*e).into()))))
            .collect();
        let s = summarize(&ws, false);
        assert_eq!(s.lines, ["6 files of unsupported types skipped (.e 2, .a 1, .b 1, .c 1, …)"]);
    }

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(98512), "98,512");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
