//! A PATH that is an `http://` or `https://` URL: fetched once, within a time
//! limit and a size limit, so a slow or huge answer cannot hang or swamp the
//! loader. What the body is (page, feed, JSON) is decided by `read.rs`.

use std::path::Path;
use std::time::Duration;

/// How long a fetch may take and how much it may bring back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FetchLimits {
    /// For the whole exchange: connecting, the answer and its body.
    pub timeout: Duration,
    pub max_bytes: u64,
}

impl Default for FetchLimits {
    fn default() -> Self {
        FetchLimits { timeout: Duration::from_secs(20), max_bytes: 10 * 1024 * 1024 }
    }
}

/// Why a URL could not be fetched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("no complete answer within {0:?}")]
    Timeout(Duration),
    #[error("the answer is larger than the {0}-byte limit")]
    TooLarge(u64),
    #[error("the server answered HTTP {0}")]
    Status(u16),
    #[error("cannot fetch: {0}")]
    Network(String),
}

/// A fetched body and the type the server gave it.
#[derive(Debug)]
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub content_type: Option<String>,
}

/// Whether a PATH argument is a web address rather than a file.
pub fn is_url(path: &Path) -> bool {
    path.to_str().is_some_and(|p| {
        let lower = p.get(..8).unwrap_or(p).to_ascii_lowercase();
        lower.starts_with("http://") || lower.starts_with("https://")
    })
}

pub fn fetch(url: &str, limits: FetchLimits) -> Result<Fetched, FetchError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(limits.timeout))
        .user_agent(concat!("dateline/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| error(e, limits))?;
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().to_ascii_lowercase());
    let bytes = response
        .body_mut()
        .with_config()
        .limit(limits.max_bytes)
        .read_to_vec()
        .map_err(|e| error(e, limits))?;
    Ok(Fetched { bytes, content_type })
}

fn error(e: ureq::Error, limits: FetchLimits) -> FetchError {
    match e {
        ureq::Error::StatusCode(code) => FetchError::Status(code),
        ureq::Error::Timeout(_) => FetchError::Timeout(limits.timeout),
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge(limits.max_bytes),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
            FetchError::Timeout(limits.timeout)
        }
        other => FetchError::Network(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url(Path::new("https://example.com/feed.xml")));
        assert!(is_url(Path::new("HTTP://EXAMPLE.COM")));
        assert!(!is_url(Path::new("http.txt")));
        assert!(!is_url(Path::new("./https://x")));
    }
}
