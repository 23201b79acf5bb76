//! Few requests at a time to one host: a count per host, waited on.

use std::collections::HashMap;
use std::sync::{Condvar, Mutex};

/// At most `per_host` requests at once to each host.
#[derive(Debug)]
pub struct Hosts {
    busy: Mutex<HashMap<String, usize>>,
    freed: Condvar,
    per_host: usize,
}

impl Hosts {
    pub fn new(per_host: usize) -> Hosts {
        Hosts { busy: Mutex::default(), freed: Condvar::new(), per_host: per_host.max(1) }
    }

    /// Run `f` once fewer than `per_host` requests to `url`'s host run.
    pub fn with<T>(&self, url: &str, f: impl FnOnce() -> T) -> T {
        let host = host_of(url);
        {
            let mut busy = self.busy.lock().unwrap_or_else(|p| p.into_inner());
            while busy.get(&host).copied().unwrap_or(0) >= self.per_host {
                busy = self.freed.wait(busy).unwrap_or_else(|p| p.into_inner());
            }
            *busy.entry(host.clone()).or_default() += 1;
        }
        // Released however `f` ends, a panic included.
        let _slot = Slot { hosts: self, host };
        f()
    }
}

struct Slot<'a> {
    hosts: &'a Hosts,
    host: String,
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        let mut busy = self.hosts.busy.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(n) = busy.get_mut(&self.host) {
            *n = n.saturating_sub(1);
        }
        self.hosts.freed.notify_all();
    }
}

/// The host and port of an address; the whole address when it has none.
fn host_of(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| {
            u.host_str().map(|h| format!("{h}:{}", u.port_or_known_default().unwrap_or(0)))
        })
        .unwrap_or_else(|| url.to_string())
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use super::*;

    #[test]
    fn no_more_than_the_limit_run_at_once_per_host() {
        let hosts = Hosts::new(2);
        let (now, most) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let other = AtomicUsize::new(0);
        std::thread::scope(|s| {
            for i in 0..8 {
                let (hosts, now, most, other) = (&hosts, &now, &most, &other);
                s.spawn(move || {
                    let url = if i % 4 == 3 { "http://b.example/x" } else { "http://a.example/y" };
                    hosts.with(url, || {
                        if url.contains("b.example") {
                            other.fetch_add(1, Ordering::SeqCst);
                            return;
                        }
                        let n = now.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(n, Ordering::SeqCst);
                        std::thread::sleep(Duration::from_millis(20));
                        now.fetch_sub(1, Ordering::SeqCst);
                    });
                });
            }
        });
        assert_eq!(most.load(Ordering::SeqCst), 2);
        assert_eq!(other.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn hosts_are_told_apart_by_name_and_port() {
        assert_eq!(host_of("http://a.example/x"), "a.example:80");
        assert_eq!(host_of("https://A.example:8443/"), "a.example:8443");
        assert_ne!(host_of("http://127.0.0.1:1/"), host_of("http://127.0.0.1:2/"));
    }
}
