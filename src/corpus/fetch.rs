//! Fetching over HTTP: a PATH that is a URL, and the library's feeds and
//! pages. Every request has a time limit and a size limit, so a slow or huge
//! answer cannot hang or swamp the loader; redirects are followed by hand, a
//! few at most, so that each hop's scheme is checked (only http and https:
//! a feed must never make dateline read a local file). gzip answers are
//! unpacked by ureq. What the body is (page, feed, JSON) is decided by
//! `read.rs`.

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

/// Redirects followed before giving up: enough for http → https → a
/// canonical host, few enough that a loop ends quickly.
pub const MAX_REDIRECTS: usize = 5;

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
    #[error("refused: {0} is not an http or https address")]
    Scheme(String),
    #[error("more than {0} redirects")]
    Redirects(usize),
    #[error("a redirect without a usable Location")]
    BadRedirect,
}

/// A fetched body and the type the server gave it.
#[derive(Debug)]
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub content_type: Option<String>,
    /// Where the body came from, after redirects.
    pub url: String,
    /// The validators to send next time.
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// Validators of an earlier answer, sent as `If-None-Match` and
/// `If-Modified-Since`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// What a conditional request brought back.
#[derive(Debug)]
pub enum Answer {
    /// HTTP 304: nothing changed since the validators were given.
    NotModified,
    Fetched(Fetched),
}

/// Whether a PATH argument is a web address rather than a file.
pub fn is_url(path: &Path) -> bool {
    path.to_str().is_some_and(is_http)
}

/// Whether `url` names the http or https scheme.
pub fn is_http(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

pub fn fetch(url: &str, limits: FetchLimits) -> Result<Fetched, FetchError> {
    match fetch_if_changed(url, &Validators::default(), limits)? {
        Answer::Fetched(f) => Ok(f),
        // Only sent in answer to validators, and none were sent.
        Answer::NotModified => Err(FetchError::Status(304)),
    }
}

/// Fetch `url`, unless the server says it has not changed since `since`.
pub fn fetch_if_changed(
    url: &str,
    since: &Validators,
    limits: FetchLimits,
) -> Result<Answer, FetchError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(limits.timeout))
        .max_redirects(0)
        .http_status_as_error(false)
        .user_agent(concat!("dateline/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut at = url.trim().to_string();
    for _ in 0..=MAX_REDIRECTS {
        if !is_http(&at) {
            return Err(FetchError::Scheme(scheme_of(&at)));
        }
        let mut request = agent.get(&at);
        if let Some(etag) = &since.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(date) = &since.last_modified {
            request = request.header("If-Modified-Since", date);
        }
        let mut response = request.call().map_err(|e| error(e, limits))?;
        let status = response.status().as_u16();
        let header = |name: &str| {
            response.headers().get(name).and_then(|v| v.to_str().ok()).map(|v| v.trim().to_string())
        };
        match status {
            304 => return Ok(Answer::NotModified),
            301 | 302 | 303 | 307 | 308 => {
                let location = header("location").ok_or(FetchError::BadRedirect)?;
                at = join(&at, &location).ok_or(FetchError::BadRedirect)?;
                continue;
            }
            200..=299 => {}
            _ => return Err(FetchError::Status(status)),
        }
        let content_type = header("content-type").map(|v| v.to_ascii_lowercase());
        let (etag, last_modified) = (header("etag"), header("last-modified"));
        let bytes = response
            .body_mut()
            .with_config()
            .limit(limits.max_bytes)
            .read_to_vec()
            .map_err(|e| error(e, limits))?;
        return Ok(Answer::Fetched(Fetched { bytes, content_type, url: at, etag, last_modified }));
    }
    Err(FetchError::Redirects(MAX_REDIRECTS))
}

/// `reference` (a Location header, an entry's link) read against `base`.
pub fn join(base: &str, reference: &str) -> Option<String> {
    let base = url::Url::parse(base).ok()?;
    base.join(reference.trim()).ok().map(String::from)
}

/// The scheme of an address as a message names it ("file:").
fn scheme_of(url: &str) -> String {
    match url.split_once(':') {
        Some((scheme, _)) if !scheme.is_empty() && !scheme.contains('/') => {
            format!("{}:", scheme.to_ascii_lowercase())
        }
        _ => format!("{url:?}"),
    }
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

    #[test]
    fn other_schemes_are_refused_before_any_request() {
        let limits = FetchLimits::default();
        for (url, scheme) in
            [("file:///etc/passwd", "file:"), ("FTP://x/y", "ftp:"), ("data:text/html,hi", "data:")]
        {
            let e = fetch(url, limits).expect_err("refused");
            assert_eq!(e, FetchError::Scheme(scheme.to_string()));
        }
    }

    #[test]
    fn references_are_joined_to_their_base() {
        let base = "http://a.example/news/feed.xml";
        assert_eq!(join(base, "/x").as_deref(), Some("http://a.example/x"));
        assert_eq!(join(base, "story").as_deref(), Some("http://a.example/news/story"));
        assert_eq!(join(base, "https://b.example/").as_deref(), Some("https://b.example/"));
        assert_eq!(join(base, "file:///etc/passwd").as_deref(), Some("file:///etc/passwd"));
    }
}
