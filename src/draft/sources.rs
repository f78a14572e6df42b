//! Unnamed sources: "a Cainiao employee told 36Kr", "a source familiar with the company said".
//! Each becomes an anonymous person named after what the text calls it, "the company" read as
//! the organization the article is about.

use super::EntityKind;
use super::found::Found;
use super::ids::slug;
use super::segment::Doc;
use super::segment::patterns;

patterns! {
    /// Unnamed sources: "a Cainiao mid-level manager told", "a source familiar with X said".
    ANONYMOUS = r"\b(?:[aA]n?|[oO]ne)\s+((?:[A-Z][\w.’'-]*\s+)?(?:(?:senior|mid-level|former|current|junior|top|local)\s+)*(?:employee|manager|executive|source|insider|official|spokesperson|spokesman|spokeswoman|person|analyst|engineer|staff member|director)(?:\s+(?:familiar with|close to|with knowledge of|at|from)\s+(?:the\s+)?[\w.’'-]+(?:\s+[\w.’'-]+){0,2}?)?)\s+(?:told|said|says)\b";
}

/// Unnamed sources, named after what the text calls them.
pub fn find(doc: &Doc, found: &mut Found) {
    let main = found.main_org(doc).map(|i| {
        let e = &found.entities[i];
        // The shortest form the text uses.
        std::iter::once(&e.name)
            .chain(&e.alt_names)
            .filter(|n| doc.text.contains(n.as_str()))
            .min_by_key(|n| n.len())
            .cloned()
            .unwrap_or_else(|| e.name.clone())
    });
    for s in doc.sentences.clone() {
        for caps in ANONYMOUS.captures_iter(&doc.text[s.clone()]) {
            let m = caps.get(1).expect("group 1");
            let at = s.start + m.start()..s.start + m.end();
            let mut phrase = super::segment::clean(m.as_str());
            if let Some(main) = &main {
                phrase = phrase.replace("the company", main);
            }
            let name = format!("unnamed {phrase}");
            let i = found.add(
                doc,
                &name,
                EntityKind::Person { anonymous: true },
                at.clone(),
                format!(
                    "found: \"{}\" → unnamed source",
                    super::segment::clean(caps.get(0).expect("match").as_str())
                ),
            );
            if found.entities[i].id.starts_with("unnamed-") {
                let id = found.ids.fresh(&slug(&phrase, "source"));
                found.entities[i].id = id;
                // An unnamed source is named by the words that introduce it, as the check of a
                // record's references reads it: its quote is those words.
                found.entities[i].evidence =
                    super::segment::clean(caps.get(0).expect("match").as_str());
            }
            found.mention(at, i);
        }
    }
}
