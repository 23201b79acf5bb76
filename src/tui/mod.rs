//! The reader: the only code that knows a terminal exists.

use crate::corpus::Corpus;

/// Open the reader on a loaded corpus; returns when the user quits.
pub fn run(_corpus: Corpus) -> std::io::Result<()> {
    Ok(())
}
