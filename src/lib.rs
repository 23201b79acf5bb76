//! dateline: read the same story in several outlets and see where they agree.
//!
//! The library holds everything but the terminal: loading a corpus
//! ([`corpus`]), analysing articles ([`analysis`]), and the command-line
//! printers ([`cli`]). The reader ([`tui`]) is a thin face over the same calls.

pub mod analysis;
pub mod cache;
pub mod cli;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod display;
pub mod fault;
pub mod hash;
pub mod index;
pub mod library;
pub mod pipeline;
pub mod replace;
pub mod state;
pub mod tui;

pub use corpus::{Article, Corpus, Warning};
