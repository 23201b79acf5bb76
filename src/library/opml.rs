//! OPML 2.0, the file feed readers exchange subscriptions in: every
//! `<outline>` with an `xmlUrl` is a feed, at any depth (folders nest
//! them); its `text`, else `title`, is its name.

use quick_xml::Reader;
use quick_xml::escape::{escape, unescape};
use quick_xml::events::{BytesStart, Event};

use super::subscriptions::Subscription;

/// The feeds an OPML document lists, in order, or why it cannot be read.
pub fn parse(text: &str) -> Result<Vec<Subscription>, String> {
    let mut reader = Reader::from_str(text);
    let mut feeds = Vec::new();
    let mut saw_opml = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let name = e.local_name();
                if name.as_ref().eq_ignore_ascii_case("opml") {
                    saw_opml = true;
                } else if name.as_ref() == "outline"
                    && let Some(sub) = outline(&e)?
                {
                    feeds.push(sub);
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => {
                return Err(format!("not OPML (at byte {}: {e})", reader.error_position()));
            }
        }
    }
    if !saw_opml {
        return Err("not OPML (no <opml> element)".to_string());
    }
    Ok(feeds)
}

fn outline(e: &BytesStart) -> Result<Option<Subscription>, String> {
    let (mut url, mut text, mut title) = (None, None, None);
    for attr in e.attributes() {
        let attr = attr.map_err(|e| format!("not OPML (an attribute: {e})"))?;
        let value = unescape(&attr.value).map(|v| v.trim().to_string()).unwrap_or_default();
        match attr.key.local_name().as_ref() {
            "xmlUrl" => url = Some(value),
            "text" => text = Some(value),
            "title" => title = Some(value),
            _ => {}
        }
    }
    let Some(url) = url.filter(|u| !u.is_empty()) else { return Ok(None) };
    let name = text.filter(|t| !t.is_empty()).or(title.filter(|t| !t.is_empty()));
    Ok(Some(Subscription {
        name: name.unwrap_or_else(|| url.clone()),
        url,
        ..Subscription::default()
    }))
}

/// `feeds` as an OPML 2.0 document.
pub fn export(feeds: &[Subscription], created: &str) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n");
    out.push_str("  <head>\n    <title>dateline subscriptions</title>\n");
    out.push_str(&format!(
        "    <dateCreated>{}</dateCreated>\n  </head>\n  <body>\n",
        escape(created)
    ));
    for f in feeds {
        let name = escape(f.name.as_str());
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{name}\" title=\"{name}\" xmlUrl=\"{}\"/>\n",
            escape(f.url.as_str())
        ));
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_outlines_are_read_and_folders_skipped() {
        let text = r#"<?xml version="1.0"?>
<opml version="2.0"><head><title>x</title></head><body>
  <outline text="World">
    <outline type="rss" text="Alpha &amp; Co" xmlUrl="http://a.example/feed"/>
    <outline type="rss" title="Beta" xmlUrl=" http://b.example/rss "></outline>
  </outline>
  <outline type="rss" xmlUrl="http://c.example/atom"/>
</body></opml>"#;
        let feeds = parse(text).expect("opml");
        let got: Vec<(&str, &str)> =
            feeds.iter().map(|f| (f.url.as_str(), f.name.as_str())).collect();
        assert_eq!(
            got,
            [
                ("http://a.example/feed", "Alpha & Co"),
                ("http://b.example/rss", "Beta"),
                ("http://c.example/atom", "http://c.example/atom"),
            ]
        );
    }

    #[test]
    fn export_then_import_gives_the_same_feeds() {
        let feeds = vec![
            Subscription {
                url: "http://a.example/feed?x=1&y=\"2\"".into(),
                name: "Alpha <News> & 'Co'".into(),
                ..Subscription::default()
            },
            Subscription {
                url: "https://b.example/rss".into(),
                name: "Beta".into(),
                ..Subscription::default()
            },
        ];
        let text = export(&feeds, "Tue, 01 Dec 2026 22:00:00 GMT");
        assert!(text.contains("<opml version=\"2.0\">"));
        assert_eq!(parse(&text).expect("own export reads"), feeds);
    }

    #[test]
    fn other_documents_are_refused() {
        assert!(parse("<rss><channel/></rss>").is_err());
        assert!(parse("not xml at all <<<").is_err());
    }
}
