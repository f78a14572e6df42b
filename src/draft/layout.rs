//! The article inside a captured page: its body, apart from menus, share buttons, related
//! links and footers, and its metadata (title, site, byline, date) when the page has them.
//!
//! The text is cut into blocks at blank lines. A body block has at least six words and ends
//! like a sentence; short lines at its edges are dropped. Blocks that look like page chrome
//! ("Share", "Loading…", "© 2024 …") are never body. The title is a line of words that does
//! not end like a sentence, preferably one that the page's `<title>` line ("Title | Site")
//! repeats; the site after the bar is the publisher.

use super::found::Found;
use super::segment::Doc;
use super::segment::patterns;
use super::{ArticleMeta, EntityKind};
use crate::facts::OrgKind;
use std::ops::Range;

patterns! {
    CHROME = r"(?i)^\s*(?:(?:share|related|read more|read next|subscribe|sign up|sign in|log in|follow us|advertisement|sponsored|loading|auto loading|copyright|all rights reserved|cookie|menu|tags?:|more from|recommended|trending|newsletter)\b|©)";

    BYLINE = r"^\s*(?:Written by|Story by|By)\s+(?<who>.+?)(?:\s*[\u{a0}\s]\s*Published on\b(?<date>.*))?\s*$";

    WRITTEN_BY = r"\b(?:was |is )?written by (?<who>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,2})(?: for (?<for>[\w.]+))?";

    ORIGINALLY = r"\boriginally (?:published|written|reported) by\s+(?<who>[^.,;()]+)";

    WRITTEN_FOR = r"\b(?:summary|article|report|account|story) (?:was |is )?written for (?:the )?(?<who>[^.,;()]+?)(?:\s+(?:from|based on)\b|\.$)";

    /// The heading of a press release's contact block: "Media contact", "Investor Contact".
    CONTACT_HEADING = r"(?i)^(?:media|press|investor|investors|company)\s+(?:contacts?|enquiries|inquiries)\s*:?$";

    /// What separates the parts of a credit line: see [`credit_parts`].
    CREDIT_SEPARATOR = r";\s*|\s{2,}|(?<stop>[a-z]\.)\s+";

    /// A wire service's credit in the dateline that opens the body: "GRAZ, Austria, Oct 14
    /// (Alpenwire) -".
    WIRE = r"^[A-Z][A-Z .'’/-]+(?:,[^()\n]{0,40}?)?\s*\((?<outlet>[A-Z][\w&'’ .-]{1,40})\)\s*[-–—]";

    BASED_ON = r"\b(?:as relayed by|relayed by|as reported by|reported by|published [^.()]*?\bby)\s+(?<list>[^.()]+)";
}

/// Where the parts of a page are, as byte ranges.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The article's paragraphs.
    pub body: Vec<Range<usize>>,
    /// The headline line.
    pub title: Option<Range<usize>>,
    /// The site name after the bar of the page title ("… | KrASIA").
    pub site: Option<Range<usize>>,
    /// The line holding the page title and site.
    pub site_line: Option<Range<usize>>,
    /// The byline.
    pub byline: Option<Range<usize>>,
    /// The outlet's name on a masthead line under the headline ("Baltic Yard Review |
    /// Shipbuilding & Repair", "BOLAND BUSINESS WEEKLY").
    pub masthead: Option<Range<usize>>,
    /// The line that dates the article: a dateline ("SHEFFIELD, 20 January 2026"), a date
    /// alone, or the byline when it holds the date.
    pub dateline: Option<Range<usize>>,
}

/// Words of a byline's part after the names that make it a title, not an outlet ("Senior
/// Correspondent").
const TITLE_WORDS: &[&str] = &[
    "reporter",
    "correspondent",
    "editor",
    "writer",
    "columnist",
    "contributor",
    "analyst",
    "producer",
    "photographer",
    "staff",
    "intern",
];

/// The parts of a line between bars, dots and dashes set off by spaces, trimmed.
fn segments(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = line.start;
    let s = &text[line.clone()];
    let mut rest = s;
    let mut offset = 0;
    while let Some((at, sep)) = [" | ", " · ", " – ", " - "]
        .iter()
        .filter_map(|sep| rest.find(sep).map(|at| (at, sep.len())))
        .min()
    {
        out.push(trim(text, start..start + at));
        offset += at + sep;
        start = line.start + offset;
        rest = &s[offset..];
    }
    out.push(trim(text, start..line.end));
    out.retain(|r| !r.is_empty());
    out
}

/// Words of a section or a kind of text, which a masthead line may hold instead of the
/// outlet's name ("PRESS RELEASE", "Interviews", "News > Business").
const SECTION_WORDS: &[&str] = &[
    "press",
    "release",
    "news",
    "interviews",
    "interview",
    "opinion",
    "analysis",
    "features",
    "feature",
    "business",
    "markets",
    "breaking",
    "latest",
    "home",
    "local",
    "world",
];

/// Whether words could be an outlet's name: one to five words, each capitalised (or a
/// connecting "of", "and", "the", "&"), without a digit or a journalist's title, and not
/// only the words of a section.
fn outlet_name(part: &str) -> bool {
    let section = part
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| SECTION_WORDS.contains(&w.to_lowercase().as_str()));
    if section {
        return false;
    }
    let words: Vec<&str> = part.split_whitespace().collect();
    let capitalised = words.iter().all(|w| {
        w.starts_with(|c: char| c.is_uppercase()) || ["of", "and", "the", "&"].contains(w)
    });
    let dated = part.chars().any(|c| c.is_ascii_digit());
    (1..=5).contains(&words.len()) && capitalised && !title(part) && !dated
}

/// The outlet a byline names after its people ("By Dana Whitcomb, Furnishings Trade
/// Monthly", "Mark Delaney | Resources reporter | The Review"): the first part after a
/// separator, past a social handle or a journalist's title, when it is an [`outlet_name`];
/// its byte range in `who`.
fn outlet(who: &str, names_end: usize) -> Option<Range<usize>> {
    const SEPARATORS: [char; 4] = [',', '·', '|', '–'];
    let mut at = names_end;
    for raw in who[names_end..].split_inclusive(SEPARATORS) {
        let start = at + (raw.len() - raw.trim_start().len());
        at += raw.len();
        let part = raw.trim_end_matches(SEPARATORS).trim();
        if part.is_empty() || handle(part) || title(part) {
            continue;
        }
        return outlet_name(part).then_some(start..start + part.len());
    }
    None
}

/// A social handle in brackets: "(@noorsabbagh)".
fn handle(part: &str) -> bool {
    part.starts_with("(@") && part.ends_with(')')
}

/// Whether words hold a journalist's title: "Resources reporter", "Senior Correspondent".
fn title(part: &str) -> bool {
    part.split_whitespace()
        .any(|w| TITLE_WORDS.contains(&w.to_lowercase().trim_end_matches('s')))
}

/// A byline without "By": a line whose first part is a person's name of two or three
/// capitalised words, followed by a social handle or by a journalist's title
/// ("Noor Sabbagh (@noorsabbagh) · Stackdrift", "Mark Delaney | Resources reporter | The
/// Westralian Review").
fn unmarked_byline(text: &str, line: Range<usize>) -> bool {
    let parts = segments(text, line);
    let Some(first) = parts.first() else {
        return false;
    };
    let first = &text[first.clone()];
    let (name, rest) = match first.find(" (@") {
        Some(at) => (&first[..at], Some(&first[at + 1..])),
        None => (first, None),
    };
    let marked = rest.is_some_and(handle) || parts.get(1).is_some_and(|p| title(&text[p.clone()]));
    person_name(name) && marked
}

/// Words of a journalist's title that a byline may give instead of a name.
const JOURNALIST_TITLES: [&str; 6] = [
    "Staff",
    "Writer",
    "Reporter",
    "Correspondent",
    "Newsroom",
    "Desk",
];

/// Whether words are a person's name as a byline or a credit writes it: two or three words,
/// each a capital followed by lowercase letters, none of them a journalist's title.
fn person_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    // "By Staff Writer": a title, no one's name.
    let title = |w: &&str| JOURNALIST_TITLES.contains(w);
    (2..=3).contains(&words.len())
        && !words.iter().any(title)
        && words.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase)
        })
}

fn lines(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    super::segment::line_ranges(text, range)
        .into_iter()
        .map(|r| trim(text, r))
        .filter(|r| !r.is_empty())
        .collect()
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.start + s.trim_end().len();
    start..end.max(start)
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn ends_like_sentence(s: &str) -> bool {
    let s = s.trim_end();
    // "… the board of directors.]": a translator's note in square brackets ends a paragraph too.
    s.ends_with(['.', '!', '?', '”', '"', ')', '’', ']'])
        && !s.ends_with("...")
        && !s.ends_with('…')
}

/// Blocks of text between blank lines.
fn blocks(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some(offset),
            (true, Some(s)) => {
                out.push(trim(text, s..end));
                start = None;
            }
            _ => {}
        }
        offset += line.len();
        if !blank {
            end = offset;
        }
    }
    if let Some(s) = start {
        out.push(trim(text, s..end));
    }
    out
}

/// Finds the body and the metadata of a page.
pub fn read(text: &str) -> Layout {
    let mut layout = Layout::default();
    let mut loose_lines: Vec<Range<usize>> = Vec::new();
    for block in blocks(text) {
        let all = lines(text, block.clone());
        // Short lines without a full stop at the block's edges are chrome.
        let short = |r: &Range<usize>| {
            words(&text[r.clone()]) <= 3 && !ends_like_sentence(&text[r.clone()])
        };
        let first = all.iter().position(|r| !short(r));
        let last = all.iter().rposition(|r| !short(r));
        let (Some(first), Some(last)) = (first, last) else {
            loose_lines.extend(all);
            continue;
        };
        let inner = all[first].start..all[last].end;
        let s = &text[inner.clone()];
        let is_body = words(s) >= 6 && ends_like_sentence(s) && !CHROME.is_match(s);
        if is_body {
            layout.body.push(inner);
        } else {
            loose_lines.extend(all);
        }
    }
    let first_body = layout.body.first().map_or(text.len(), |b| b.start);
    for line in &loose_lines {
        let s = &text[line.clone()];
        if layout.byline.is_none() {
            // The byline is a line, or a part of one between bars or dots ("Signal & Sheet |
            // Media trade news | By Orla Venning").
            layout.byline = segments(text, line.clone())
                .into_iter()
                .find(|part| BYLINE.is_match(&text[part.clone()]))
                .or_else(|| {
                    (line.start < first_body && unmarked_byline(text, line.clone()))
                        .then(|| line.clone())
                });
        }
        if layout.dateline.is_none()
            && line.start < first_body
            && words(s) <= 12
            && super::dates::day_in(s).is_some()
        {
            layout.dateline = Some(line.clone());
        }
        if layout.site.is_none() {
            if let Some(bar) = s.rfind(" | ") {
                let site = line.start + bar + 3..line.end;
                if (1..=4).contains(&words(&text[site.clone()])) {
                    layout.site = Some(site);
                    layout.site_line = Some(line.clone());
                }
            }
        }
    }
    // The title: a line before the body that the page title repeats, else the first line of
    // four words or more before the body.
    let candidates: Vec<&Range<usize>> = loose_lines
        .iter()
        .filter(|l| l.start < first_body)
        .filter(|l| {
            (4..=30).contains(&words(&text[(*l).clone()])) && !CHROME.is_match(&text[(*l).clone()])
        })
        .filter(|l| !BYLINE.is_match(&text[(*l).clone()]))
        .collect();
    let repeated = candidates.iter().find(|l| {
        let s = &text[(**l).clone()];
        layout
            .site_line
            .as_ref()
            .is_some_and(|site| *site != ***l && text[site.clone()].contains(s))
    });
    layout.title = repeated
        .or_else(|| {
            candidates
                .iter()
                .find(|l| !text[(**l).clone()].contains(" | "))
        })
        .map(|l| (*l).clone());
    // A masthead: the first line between the headline and the body that is neither byline
    // nor date, its first part one to five capitalised words.
    let after_title = layout.title.as_ref().map_or(0, |t| t.end);
    layout.masthead = loose_lines
        .iter()
        .filter(|l| l.start >= after_title && l.start < first_body)
        .find(|l| {
            let s = &text[(*l).clone()];
            let byline = layout.byline.as_ref() == Some(*l);
            !byline
                && !BYLINE.is_match(s)
                && !CHROME.is_match(s)
                && super::dates::day_in(s).is_none()
        })
        .and_then(|l| segments(text, l.clone()).into_iter().next())
        .filter(|part| outlet_name(&text[part.clone()]));
    // "Title | Site" names the site; "Site | Section" does not say which is which.
    if repeated.is_none() {
        layout.site = None;
        layout.site_line = None;
    }
    layout
}

/// Makes the outlet `name`, written at `at`, the publisher: the entity of that name, or a new
/// organization quoted by `quote`. An outlet is an organization, whatever the words around
/// its name in the body suggested; `why` says where its name was found.
fn publish(
    doc: &Doc,
    found: &mut Found,
    meta: &mut ArticleMeta,
    (name, at): (&str, Range<usize>),
    quote: String,
    why: String,
) {
    let how = format!("found: \"{name}\" → organization ({why})");
    let i = match found.by_name(name) {
        Some(i) => i,
        None => {
            let i = found.add(
                doc,
                name,
                EntityKind::Organization(OrgKind::Organization),
                at.clone(),
                how.clone(),
            );
            found.mention(at, i);
            found.entities[i].evidence = quote;
            i
        }
    };
    let e = &mut found.entities[i];
    if e.kind.is_person() && !e.reused {
        e.kind = EntityKind::Organization(OrgKind::Organization);
        e.why = how;
    }
    meta.publisher = Some(e.id.clone());
    meta.publisher_why = why;
}

/// Whether the page's head, before the body, calls the text a press release.
fn press_release(doc: &Doc, layout: &Layout) -> bool {
    let first_body = layout.body.first().map_or(doc.text.len(), |b| b.start);
    doc.text[..first_body]
        .to_lowercase()
        .contains("press release")
}

/// A name written in capitals, in the case its words take elsewhere: "Boland Business
/// Weekly" for "BOLAND BUSINESS WEEKLY"; any other name as it is.
fn uncapitalised(written: &str) -> String {
    if written.chars().any(char::is_lowercase) {
        return written.to_owned();
    }
    written
        .split_whitespace()
        .map(|w| crate::text::words::capitalise_first(&w.to_lowercase()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The article record: id from the file name, title, publisher, author and sources.
pub fn article(doc: &Doc, layout: &Layout, file_name: &str, found: &mut Found) -> ArticleMeta {
    let stem = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = stem.strip_suffix(".txt").unwrap_or(stem);
    let mut meta = ArticleMeta {
        id: super::ids::slug(stem, "article"),
        source: file_name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(file_name)
            .to_owned(),
        ..ArticleMeta::default()
    };
    let title = layout
        .title
        .clone()
        .or_else(|| doc.sentences.first().cloned())
        .expect("a draft has sentences");
    meta.title = Some(super::segment::clean(&doc.text[title.clone()]));
    meta.evidence
        .push(super::segment::clean(&doc.text[title.clone()]));
    let mut byline_outlet: Option<Range<usize>> = None;
    if let Some(byline) = &layout.byline {
        meta.evidence
            .push(super::segment::clean(&doc.text[byline.clone()]));
        // Who it names: after "By", or the whole of a byline without it.
        let written = &doc.text[byline.clone()];
        let who = BYLINE
            .captures(written)
            .and_then(|c| c.name("who"))
            .map_or(0..written.len(), |m| m.range());
        // "By A and B in Munich, Business Reporter · 10 February": the names before the
        // first place, title, handle or date, each of two or three capitalised words.
        let line = &written[who.clone()];
        let end = [" in ", ",", "·", "|", " - ", " – ", " (@"]
            .iter()
            .filter_map(|sep| line.find(sep))
            .min()
            .unwrap_or(line.len());
        byline_outlet = outlet(line, end).map(|r| {
            let start = byline.start + who.start;
            start + r.start..start + r.end
        });
        let mut from = 0;
        for name in line[..end].split(" and ") {
            let offset = from + (name.len() - name.trim_start().len());
            from += name.len() + " and ".len();
            let name = name.trim();
            if !person_name(name) {
                continue;
            }
            let start = byline.start + who.start + offset;
            let at = start..start + name.len();
            let i = page_person(doc, found, &mut meta, name, at, "the byline", true);
            found.entities[i].evidence = super::segment::clean(&doc.text[byline.clone()]);
        }
    }
    credits(doc, found, &mut meta);
    contacts(doc, found, &mut meta);
    // The publisher: the site of the page title, else the outlet the byline names after its
    // people, else the outlet of the masthead.
    if let (Some(site), Some(line)) = (&layout.site, &layout.site_line) {
        let name = super::segment::clean(&doc.text[site.clone()]);
        // Quoted from the page title on, when the line holds it.
        let quote_start = layout
            .title
            .as_ref()
            .and_then(|t| doc.text[line.clone()].find(&doc.text[t.clone()]))
            .map_or(line.start, |at| line.start + at);
        let quote = super::segment::clean(&doc.text[quote_start..line.end]);
        let why = format!("the site named in the page title, \"{name}\"");
        publish(doc, found, &mut meta, (&name, site.clone()), quote, why);
    }
    if let (None, Some(at), Some(byline)) = (&meta.publisher, byline_outlet, &layout.byline) {
        let name = super::segment::clean(&doc.text[at.clone()]);
        let quote = super::segment::clean(&doc.text[byline.clone()]);
        let why = format!("the outlet the byline names, \"{name}\"");
        publish(doc, found, &mut meta, (&name, at), quote, why);
    }
    let wire = layout.body.first().and_then(|body| {
        let c = WIRE.captures(&doc.text[body.clone()])?;
        let outlet = c.name("outlet").expect("group");
        outlet_name(outlet.as_str()).then(|| {
            let at = body.start + outlet.start()..body.start + outlet.end();
            let credit = body.start..at.end + 1;
            (at, credit)
        })
    });
    if let (None, Some((at, credit))) = (&meta.publisher, wire) {
        let name = super::segment::clean(&doc.text[at.clone()]);
        let quote = super::segment::clean(&doc.text[credit]);
        let why = format!("the wire service the dateline credits, \"{name}\"");
        if !meta.evidence.contains(&quote) {
            meta.evidence.push(quote.clone());
        }
        publish(doc, found, &mut meta, (&name, at), quote, why);
    }
    if let (None, Some(at)) = (&meta.publisher, &layout.masthead) {
        let written = super::segment::clean(&doc.text[at.clone()]);
        let why = format!("the outlet the masthead names, \"{written}\"");
        let name = uncapitalised(&written);
        if !meta.evidence.contains(&written) {
            meta.evidence.push(written.clone());
        }
        publish(doc, found, &mut meta, (&name, at.clone()), written, why);
    }
    // The dateline gives the day it was published.
    if let Some(line) = &layout.dateline {
        let quote = super::segment::clean(&doc.text[line.clone()]);
        meta.published = super::dates::day_in(&quote);
        if meta.published.is_some() && !meta.evidence.contains(&quote) {
            meta.evidence.push(quote);
        }
    }
    for s in &doc.sentences {
        let text = &doc.text[s.clone()];
        if meta.publisher.is_none() {
            if let Some(c) = WRITTEN_FOR.captures(text) {
                let who = c.name("who").expect("group");
                let at = s.start + who.start()..s.start + who.end();
                let name =
                    super::segment::clean(&who.as_str().replace("’s ", " ").replace("'s ", " "));
                let named = found
                    .mentions_in(at.clone())
                    .find(|m| {
                        !found.entity(m).kind.is_person() && doc.text[m.at.clone()] == *who.as_str()
                    })
                    .map(|m| m.entity);
                let i = match named {
                    Some(i) => i,
                    None => {
                        let i = found.add(
                            doc,
                            &name,
                            EntityKind::Organization(OrgKind::Organization),
                            at.clone(),
                            format!("found: \"{}\" → organization (the text says it was written for it)", who.as_str()),
                        );
                        found.mention(at, i);
                        i
                    }
                };
                meta.publisher = Some(found.entities[i].id.clone());
                meta.publisher_why =
                    format!("the text says it was written for \"{}\"", who.as_str());
                meta.evidence.push(doc.evidence(s.clone()));
            }
        }
        if meta.author.is_none() {
            if let Some(c) = WRITTEN_BY.captures(text) {
                let who = c.name("who").expect("group");
                let at = s.start + who.start()..s.start + who.end();
                if let Some(m) = found
                    .mentions_in(at.clone())
                    .find(|m| found.entity(m).kind.is_person())
                {
                    meta.author = Some(found.entity(m).id.clone());
                } else {
                    let i = found.add(
                        doc,
                        who.as_str(),
                        EntityKind::Person { anonymous: false },
                        at.clone(),
                        format!(
                            "found: \"{}\" → person (the byline, \"written by\")",
                            who.as_str()
                        ),
                    );
                    found.mention(at, i);
                    meta.author = Some(found.entities[i].id.clone());
                }
                if !meta
                    .evidence
                    .iter()
                    .any(|e| e == &super::segment::clean(text))
                {
                    meta.evidence.push(doc.evidence(s.clone()));
                }
            }
        }
        if let Some(c) = ORIGINALLY.captures(text) {
            let who = c.name("who").expect("group");
            let range = s.start + who.start()..s.start + who.end();
            if let Some(m) = found
                .mentions_in(range)
                .find(|m| !found.entity(m).kind.is_person())
            {
                meta.original_publisher = Some(found.entity(m).id.clone());
                if !meta.evidence.iter().any(|e| e == &doc.evidence(s.clone())) {
                    meta.evidence.push(doc.evidence(s.clone()));
                }
            }
            continue;
        }
        if let Some(c) = BASED_ON.captures(text) {
            let list = c.name("list").expect("group");
            let range = s.start + list.start()..s.start + list.end();
            for m in found.mentions_in(range) {
                let e = found.entity(m);
                if !e.kind.is_person() && !meta.based_on.contains(&e.id) {
                    meta.based_on.push(e.id.clone());
                }
            }
        }
    }
    if meta.publisher.is_none() {
        if let Some(first) = meta.based_on.first() {
            meta.publisher = Some(first.clone());
            meta.publisher_why =
                "CHECK: no site or byline names the publisher; the first outlet the text says it is based on".into();
        } else if let (true, Some(main)) = (press_release(doc, layout), found.main_org(doc)) {
            meta.publisher = Some(found.entities[main].id.clone());
            meta.publisher_why =
                "CHECK: a press release; the organization it names most often is taken as the one that issues it".into();
        }
        // Otherwise the publisher stays unknown: the writer says so, and no organization of
        // the text stands in for it.
    }
    meta
}

/// Proposes the person `name` that a line of the page (`line`: a byline, a credit) names at
/// `at`, and makes them the author when they wrote the text (`writes`) and no one is yet;
/// their index in `found`.
fn page_person(
    doc: &Doc,
    found: &mut Found,
    meta: &mut ArticleMeta,
    name: &str,
    at: Range<usize>,
    line: &str,
    writes: bool,
) -> usize {
    let i = found.add(
        doc,
        name,
        EntityKind::Person { anonymous: false },
        at.clone(),
        format!("found: \"{name}\" → person ({line})"),
    );
    found.mention(at, i);
    if writes && meta.author.is_none() {
        meta.author = Some(found.entities[i].id.clone());
    }
    i
}

/// The words a credit opens with ("Reporting by", "Summary by", "Author:"); the editors'
/// ("Editing by", "Editor:"), after the writers', name an editor, the others a writer.
const CREDIT_WORDS: [&str; 11] = [
    "reporting by ",
    "reported by ",
    "writing by ",
    "written by ",
    "summary by ",
    "author: ",
    "reporter: ",
    "reporting: ",
    "editing by ",
    "editor: ",
    "editing: ",
];

/// Where the editors' words begin in [`CREDIT_WORDS`].
const EDITORS: usize = 8;

/// People a credit line names: "(Reporting by A in Kericho; Editing by B)", "Reporting by A
/// and B in Munich; editing by C — Outlet", "Summary by A", "Author: A   Editor: B", "…
/// statement. Editing: B". Each is proposed as a person quoting the line; the first writer is
/// the author when no byline named one.
fn credits(doc: &Doc, found: &mut Found, meta: &mut ArticleMeta) {
    let mut at = 0;
    for line in doc.text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let body = line.trim().trim_start_matches('(').trim_end_matches(')');
        let body_start = start + line.find(body).unwrap_or(0);
        let parts = credit_parts(body);
        let opens = |part: &str| {
            let lower = part.to_lowercase();
            CREDIT_WORDS.iter().any(|w| lower.starts_with(w))
        };
        // A line that opens with a writer's credit, or whose parts after the first are all
        // credits ("Author: A   Editor: B", "… statement. Editing: B").
        let lower = body.to_lowercase();
        let writer_first = CREDIT_WORDS[..EDITORS].iter().any(|w| lower.starts_with(w));
        let credits_after = parts.len() > 1 && parts[1..].iter().all(|(_, p)| opens(p));
        if !(writer_first || credits_after) || words(body) > 30 {
            continue;
        }
        let quote = super::segment::clean(line.trim());
        for (offset, part) in parts {
            let part_start = body_start + offset;
            let part = part.trim_end();
            // "editing by B — Outlet": the outlet is not a name.
            let part = [" — ", " – ", " - "]
                .iter()
                .filter_map(|dash| part.find(dash))
                .min()
                .map_or(part, |end| &part[..end]);
            let lower = part.to_lowercase();
            let Some(opening) = CREDIT_WORDS.iter().find(|w| lower.starts_with(*w)) else {
                continue;
            };
            let writer = !CREDIT_WORDS[EDITORS..].contains(opening);
            let mut offset = part_start + opening.len();
            for name in part[opening.len()..].split(" and ") {
                let name_start = offset + (name.len() - name.trim_start().len());
                offset += name.len() + " and ".len();
                // "A in Kericho": the place is not part of the name.
                let name = name.trim();
                let name = name.find(" in ").map_or(name, |end| &name[..end]);
                if !person_name(name) {
                    continue;
                }
                let at = name_start..name_start + name.len();
                let i = page_person(doc, found, meta, name, at, "a wire credit", writer);
                if !found.entities[i].reused {
                    found.entities[i].evidence = quote.clone();
                }
            }
        }
    }
}

/// The person a press release's contact block names on the line after its heading ("Media
/// contact", "Investor Contact"): "Ingrid Lunde, communications manager, Brennvik Marine",
/// or the name alone on its line. Proposed as a person quoting that line.
fn contacts(doc: &Doc, found: &mut Found, meta: &mut ArticleMeta) {
    let mut at = 0;
    let mut heading = false;
    for line in doc.text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let body = line.trim();
        if body.is_empty() {
            continue;
        }
        if std::mem::replace(&mut heading, CONTACT_HEADING.is_match(body)) {
            let name = body.split(',').next().unwrap_or(body).trim_end();
            if person_name(name) {
                let from = start + line.find(name).unwrap_or(0);
                let i = page_person(
                    doc,
                    found,
                    meta,
                    name,
                    from..from + name.len(),
                    "a press contact",
                    false,
                );
                if !found.entities[i].reused {
                    found.entities[i].evidence = super::segment::clean(body);
                }
            }
        }
    }
}

/// The parts of a credit line, each with its byte offset in `line`: split at semicolons, at
/// runs of two spaces or more, and after a sentence's full stop ("statement. Editing: B",
/// not "A. Smith").
fn credit_parts(line: &str) -> Vec<(usize, &str)> {
    let mut parts = Vec::new();
    let mut from = 0;
    for c in CREDIT_SEPARATOR.captures_iter(line) {
        let m = c.get(0).expect("match");
        let end = c.name("stop").map_or(m.start(), |stop| stop.end());
        parts.push((from, &line[from..end]));
        from = m.end();
    }
    parts.push((from, &line[from..]));
    parts.retain(|(_, p)| !p.trim().is_empty());
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separates_the_body_from_the_page() {
        let page = "Big news about Acme Group today | Daily Wire\nMENU\nHome\n\nBig news about Acme Group today\n\nBy Ann Lee\n\nShare\n\nAcme Group hired 40 people in May 2024. It said so.\n\nRelated: other news you might like today.\n\nLoading...\n";
        let layout = read(page);
        let body: Vec<&str> = layout.body.iter().map(|r| &page[r.clone()]).collect();
        assert_eq!(
            body,
            ["Acme Group hired 40 people in May 2024. It said so."]
        );
        assert_eq!(
            &page[layout.title.unwrap()],
            "Big news about Acme Group today"
        );
        assert_eq!(&page[layout.site.unwrap()], "Daily Wire");
        assert_eq!(&page[layout.byline.unwrap()], "By Ann Lee");
    }

    #[test]
    fn a_paragraph_ending_in_a_translators_note_is_body() {
        let page = "Acme to build a plant\n\nAcme Group will build a plant in Kosai. Its president, Ann Lee, will run it. [A president is the chief executive.]\n";
        let layout = read(page);
        let body: Vec<&str> = layout.body.iter().map(|r| &page[r.clone()]).collect();
        assert_eq!(
            body,
            [
                "Acme Group will build a plant in Kosai. Its president, Ann Lee, will run it. [A president is the chief executive.]"
            ]
        );
    }

    #[test]
    fn mastheads_bylines_and_datelines() {
        /// A page's head, and the masthead, byline and dateline read in it.
        type Case<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
        let cases: &[Case] = &[
            (
                "Acme Group buys a rival mill in the north\n\nHarbour Trade Review | Mills & Yards\nBy Ann Lee\nPublished 12 March 2025, 09:40 CET",
                Some("Harbour Trade Review"),
                Some("By Ann Lee"),
                Some("Published 12 March 2025, 09:40 CET"),
            ),
            (
                "Acme Group buys a rival mill in the north\n\nPRESS RELEASE\n\nLEEDS, 4 May 2024",
                None,
                None,
                Some("LEEDS, 4 May 2024"),
            ),
            (
                "Acme Group buys a rival mill in the north\nHarbour Post | Business news | By Ann Lee\nMay 4, 2024",
                Some("Harbour Post"),
                Some("By Ann Lee"),
                Some("May 4, 2024"),
            ),
            (
                "Acme Group buys a rival mill in the north\nAnn Lee (@annlee) · Harbour Post\n9:30 AM GMT+1 · May 4, 2024",
                None,
                Some("Ann Lee (@annlee) · Harbour Post"),
                Some("9:30 AM GMT+1 · May 4, 2024"),
            ),
            (
                "Acme Group buys a rival mill in the north\nAnn Lee | Mills reporter | The Harbour Post\nNov 3, 2024 – 6.05pm",
                None,
                Some("Ann Lee | Mills reporter | The Harbour Post"),
                Some("Nov 3, 2024 – 6.05pm"),
            ),
            // Two capitalised words and a section are a masthead, not a byline.
            (
                "Acme Group buys a rival mill in the north\nHarbour Post | Mills & Yards\nSept. 9, 2024",
                Some("Harbour Post"),
                None,
                Some("Sept. 9, 2024"),
            ),
        ];
        for (head, masthead, byline, dateline) in cases {
            let page = format!("{head}\n\nAcme Group hired 40 people in May 2024. It said so.\n");
            let layout = read(&page);
            let part = |r: Option<Range<usize>>| r.map(|r| page[r].to_owned());
            assert_eq!(part(layout.masthead).as_deref(), *masthead, "{head}");
            assert_eq!(part(layout.byline).as_deref(), *byline, "{head}");
            assert_eq!(part(layout.dateline).as_deref(), *dateline, "{head}");
        }
        // The outlet after a byline's people, not a title or a place.
        let who = |line: &str| {
            let end = line.find([',', '·']).unwrap_or(line.len());
            outlet(line, end).map(|r| line[r].to_owned())
        };
        assert_eq!(
            who("Ann Lee, Harbour Trade Review").as_deref(),
            Some("Harbour Trade Review")
        );
        assert_eq!(who("Ann Lee, Senior Correspondent"), None);
        assert_eq!(
            who("Ann Lee (@annlee) · Harbour Post").as_deref(),
            Some("Harbour Post")
        );
        let after_bar = |line: &str| {
            outlet(line, line.find('|').unwrap_or(line.len())).map(|r| line[r].to_owned())
        };
        assert_eq!(
            after_bar("Ann Lee | Mills reporter | The Harbour Post").as_deref(),
            Some("The Harbour Post")
        );
        // A wire service's credit in the body's dateline.
        let wire = |body: &str| WIRE.captures(body).map(|c| c["outlet"].to_owned());
        assert_eq!(
            wire("GRAZ, Austria, Oct 14 (Alpenwire) - Acme Group said").as_deref(),
            Some("Alpenwire")
        );
        assert_eq!(
            wire("LONDON, March 3 (Reuters) – Acme Group said").as_deref(),
            Some("Reuters")
        );
        assert_eq!(wire("Acme Group (the miller) - said so"), None);
        assert_eq!(who("Ann Lee · 4 May 2024"), None);
        assert_eq!(
            uncapitalised("BOLAND BUSINESS WEEKLY"),
            "Boland Business Weekly"
        );
    }
}
