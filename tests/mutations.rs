//! The mutation suite of grounding: one change at a time to the seed facts file, each of a kind
//! a careful reviewer would try (a holder, speaker or reporting line swapped, a tie reversed, a
//! transfer sent elsewhere, a status changed, a qualifier dropped, a value changed), and
//! `check --source` must reject each at the right line and column, naming what the quote says.
//! Every facts file of the corpus must pass the same check unchanged.
//!
//! The tests need the article texts in `../shared/articles/`; `scripts/test.sh` runs them (their
//! names say `article_text`) and skips them, with a warning, when the texts are missing.

use crate::util::{articles_dir, cainiao_text, facts_file, newsgraph};
use std::path::Path;
use tempfile::TempDir;

/// Where a mutation's error is expected.
enum At {
    /// On the changed field, at the first of these words after the record's `id` line.
    Field(&'static str),
    /// On the record's `id`: the record lacks a field its words need.
    Id,
}

/// One change to one record of the seed, and what `check` must say about it.
struct Mutation {
    category: &'static str,
    /// The record changed.
    record: &'static str,
    /// The text replaced (its first occurrence after the record's `id` line) and its
    /// replacement.
    from: &'static str,
    to: &'static str,
    at: At,
    /// Words the error must contain: what the quote says instead.
    says: &'static str,
}

const fn m(
    category: &'static str,
    record: &'static str,
    from: &'static str,
    to: &'static str,
    at: At,
    says: &'static str,
) -> Mutation {
    Mutation {
        category,
        record,
        from,
        to,
        at,
        says,
    }
}

use At::{Field, Id};

/// The categories of the issue, and the mutations of each.
const MUTATIONS: &[Mutation] = &[
    // Who holds a post, who said a quote, whom a person reports to.
    m(
        "holder or speaker swapped",
        "cainiao-ceo",
        "holder = \"lin-wan\"",
        "holder = \"jiang-fan\"",
        Field("\"jiang-fan\""),
        "which names Lin Wan (lin-wan)",
    ),
    m(
        "holder or speaker swapped",
        "taotian-ceo",
        "holder = \"jiang-fan\"",
        "holder = \"lin-wan\"",
        Field("\"lin-wan\""),
        "which names Jiang Fan (jiang-fan)",
    ),
    m(
        "holder or speaker swapped",
        "cainiao-senior-executive",
        "holder = \"ding-hongwei\"",
        "holder = \"jiang-fan\"",
        Field("\"jiang-fan\""),
        "which names Ding Hongwei (ding-hongwei)",
    ),
    m(
        "holder or speaker swapped",
        "cainiao-ceo",
        "organization = \"cainiao\"",
        "organization = \"taotian\"",
        Field("\"taotian\""),
        "which names Cainiao Group (cainiao)",
    ),
    m(
        "holder or speaker swapped",
        "employee-on-front-of-house",
        "speaker = \"cainiao-employee\"",
        "speaker = \"cainiao-manager\"",
        Field("\"cainiao-manager\""),
        "which names unnamed Cainiao employee (cainiao-employee)",
    ),
    m(
        "holder or speaker swapped",
        "lin-wan-on-globalization",
        "speaker = \"lin-wan\"",
        "speaker = \"jiang-fan\"",
        Field("\"jiang-fan\""),
        "which names Lin Wan (lin-wan)",
    ),
    m(
        "holder or speaker swapped",
        "source-on-logistics-operations",
        "speaker = \"informed-source\"",
        "speaker = \"cainiao-employee\"",
        Field("\"cainiao-employee\""),
        "which names unnamed source familiar with Cainiao (informed-source)",
    ),
    m(
        "reporting line pointed elsewhere",
        "ding-reports-to-lin",
        "object = \"lin-wan\"",
        "object = \"jack-ma\"",
        Field("\"jack-ma\""),
        "which names Ding Hongwei (ding-hongwei), Lin Wan (lin-wan), Jiang Fan (jiang-fan)",
    ),
    m(
        "reporting line pointed elsewhere",
        "ding-reports-to-jiang",
        "object = \"jiang-fan\"",
        "object = \"lin-wan\"",
        Field("\"lin-wan\""),
        "which names Ding Hongwei (ding-hongwei), Jiang Fan (jiang-fan)",
    ),
    m(
        "reporting line pointed elsewhere",
        "ding-reports-to-jiang",
        "subject = \"ding-hongwei\"",
        "subject = \"lin-wan\"",
        Field("\"lin-wan\""),
        "which names Ding Hongwei (ding-hongwei), Jiang Fan (jiang-fan)",
    ),
    m(
        "reporting line pointed elsewhere",
        "ding-reporting-change",
        "agents = [\"ding-hongwei\"]",
        "agents = [\"lin-wan\"]",
        Field("\"lin-wan\""),
        "which names Ding Hongwei (ding-hongwei), Jiang Fan (jiang-fan)",
    ),
    // Which way a tie runs.
    m(
        "direction reversed",
        "ding-reports-to-jiang",
        "subject = \"ding-hongwei\"\nkind = \"reports-to\"\nobject = \"jiang-fan\"",
        "subject = \"jiang-fan\"\nkind = \"reports-to\"\nobject = \"ding-hongwei\"",
        Field("\"jiang-fan\""),
        "which says Ding Hongwei (ding-hongwei) reports to Jiang Fan (jiang-fan)",
    ),
    m(
        "direction reversed",
        "ding-reports-to-lin",
        "subject = \"ding-hongwei\"\nkind = \"reports-to\"\nobject = \"lin-wan\"",
        "subject = \"lin-wan\"\nkind = \"reports-to\"\nobject = \"ding-hongwei\"",
        Field("\"lin-wan\""),
        "which says Ding Hongwei (ding-hongwei) reports to Lin Wan (lin-wan)",
    ),
    m(
        "direction reversed",
        "temu-client-of-cainiao",
        "kind = \"client-of\"",
        "kind = \"serves\"",
        Field("\"temu\""),
        "which says Cainiao Group (cainiao) serves Temu (temu)",
    ),
    m(
        "direction reversed",
        "jd-platform-client-of-cainiao",
        "kind = \"client-of\"",
        "kind = \"serves\"",
        Field("\"jd-non-consignor\""),
        "which says Cainiao Group (cainiao) serves JD.com non-consignor platform (jd-non-consignor)",
    ),
    m(
        "direction reversed",
        "express-delivery-serves",
        "kind = \"serves\"",
        "kind = \"client-of\"",
        Field("\"express-delivery\""),
        "which says AliExpress (aliexpress) is a client of express delivery (express-delivery)",
    ),
    m(
        "direction reversed",
        "international-staff-transfer",
        "from = [\"cainiao-international\"]\nto = [\"alibaba-ecommerce\"]",
        "from = [\"alibaba-ecommerce\"]\nto = [\"cainiao-international\"]",
        Field("\"alibaba-ecommerce\""),
        "is where the event's evidence",
    ),
    m(
        "direction reversed",
        "teams-to-taotian",
        "from = [\"cainiao\"]\nto = [\"taotian\"]",
        "from = [\"taotian\"]\nto = [\"cainiao\"]",
        Field("\"taotian\""),
        "is where the event's evidence",
    ),
    // Where a transfer goes, whose unit a team is, whose client, what a measure or part-of is of.
    m(
        "wrong target",
        "international-staff-transfer",
        "to = [\"alibaba-ecommerce\"]",
        "to = [\"taotian\"]",
        Field("\"taotian\""),
        "which moves them to Alibaba E-commerce Business Group (alibaba-ecommerce)",
    ),
    m(
        "wrong target",
        "teams-to-taotian",
        "to = [\"taotian\"]",
        "to = [\"alibaba-ecommerce\"]",
        Field("\"alibaba-ecommerce\""),
        "which moves them to Taotian Group (taotian)",
    ),
    m(
        "wrong target",
        "teams-to-taotian",
        "\"waybill-team\"]",
        "\"tmall-global\"]",
        Field("\"tmall-global\"]"),
        "`moves` \"tmall-global\"",
    ),
    m(
        "wrong target",
        "supply-chain-team-in-taotian",
        "object = \"taotian\"",
        "object = \"aidc\"",
        Field("\"aidc\""),
        "Taotian Group (taotian)",
    ),
    m(
        "wrong target",
        "waybill-team-in-taotian",
        "object = \"taotian\"",
        "object = \"alibaba-ecommerce\"",
        Field("\"alibaba-ecommerce\""),
        "Taotian Group (taotian)",
    ),
    m(
        "wrong target",
        "temu-client-of-cainiao",
        "subject = \"temu\"",
        "subject = \"jd\"",
        Field("\"jd\""),
        "Temu (temu)",
    ),
    m(
        "wrong target",
        "jd-client-of-cainiao",
        "subject = \"jd\"",
        "subject = \"temu\"",
        Field("\"temu\""),
        "JD.com (jd)",
    ),
    m(
        "wrong target",
        "tmall-logistics",
        "clients = [\"tmall-supermarket\", \"tmall-global\"]",
        "clients = [\"tmall-supermarket\", \"taobao-global\"]",
        Field("\"taobao-global\""),
        "Tmall Global (tmall-global)",
    ),
    m(
        "wrong target",
        "aliexpress-warehousing",
        "provider = \"cainiao\"",
        "provider = \"4px-express\"",
        Field("\"4px-express\""),
        "which names Cainiao Group (cainiao), AliExpress (aliexpress)",
    ),
    m(
        "wrong target",
        "international-growth-q1",
        "of = \"cainiao-international\"",
        "of = \"cainiao\"",
        Field("\"cainiao\""),
        "which names Cainiao international division (cainiao-international)",
    ),
    m(
        "wrong target",
        "international-revenue-share",
        "of = \"cainiao\"",
        "of = \"aidc\"",
        Field("\"aidc\""),
        "which names Cainiao Group (cainiao)",
    ),
    m(
        "wrong target",
        "tmall-supermarket",
        "part_of = \"taotian\"",
        "part_of = \"aidc\"",
        Field("\"aidc\""),
        "which names Taotian Group (taotian)",
    ),
    m(
        "wrong target",
        "jd-non-consignor",
        "part_of = \"jd\"",
        "part_of = \"temu\"",
        Field("\"temu\""),
        "JD.com (jd)",
    ),
    m(
        "wrong target",
        "globalization",
        "of = \"cainiao\"",
        "of = \"alibaba\"",
        Field("\"alibaba\""),
        "which names Cainiao Group (cainiao)",
    ),
    m(
        "wrong target",
        "restructuring",
        "original = [\"cainiao\"]",
        "original = [\"taotian\"]",
        Field("\"taotian\""),
        "Cainiao Group (cainiao)",
    ),
    m(
        "wrong target",
        "cainiao-founding",
        "resulting = [\"cainiao\"]",
        "resulting = [\"alibaba\"]",
        Field("\"alibaba\""),
        "which names Cainiao Group (cainiao)",
    ),
    // How far along a change is.
    m(
        "status changed",
        "teams-to-taotian",
        "status = \"planned\"",
        "status = \"completed\"",
        Field("\"completed\""),
        "\"will\" (planned)",
    ),
    m(
        "status changed",
        "ding-reporting-change",
        "status = \"planned\"",
        "status = \"completed\"",
        Field("\"completed\""),
        "\"will\" (planned)",
    ),
    m(
        "status changed",
        "restructuring",
        "status = \"under-way\"",
        "status = \"completed\"",
        Field("\"completed\""),
        "\"is undergoing\" (under-way)",
    ),
    m(
        "status changed",
        "international-staff-transfer",
        "status = \"under-way\"",
        "status = \"planned\"",
        Field("\"planned\""),
        "\"involves moving\" (under-way)",
    ),
    m(
        "status changed",
        "waybill-launch",
        "status = \"completed\"",
        "status = \"planned\"",
        Field("\"planned\""),
        "\"launched\" (completed)",
    ),
    m(
        "status changed",
        "jd-service-start",
        "status = \"completed\"",
        "status = \"under-way\"",
        Field("\"under-way\""),
        "\"began\" (completed)",
    ),
    m(
        "status changed",
        "infrastructure-investment",
        "status = \"completed\"",
        "status = \"planned\"",
        Field("\"planned\""),
        "\"had invested\" (completed)",
    ),
    // A scope or continuity the quote states, dropped; one the quote does not state, added.
    m(
        "qualifier dropped",
        "aliexpress-warehousing",
        "scope = \"most\"\n",
        "",
        Id,
        "says \"most\", which the record does not carry",
    ),
    m(
        "qualifier dropped",
        "select-european-regions",
        "scope = \"select\"\n",
        "",
        Id,
        "says \"select\", which the record does not carry",
    ),
    m(
        "qualifier dropped",
        "tmall-logistics",
        "continues_after = \"restructuring\"\n",
        "",
        Id,
        "says \"continue\"",
    ),
    m(
        "qualifier dropped",
        "aliexpress-warehousing",
        "continues_after = \"restructuring\"\n",
        "",
        Id,
        "says \"continue\"",
    ),
    m(
        "qualifier dropped",
        "aliexpress-dedicated-teams",
        "clients = [\"aliexpress\"]\n",
        "clients = [\"aliexpress\"]\ncontinues_after = \"restructuring\"\n",
        Field("\"restructuring\""),
        "needs a word of continuity",
    ),
    // Values.
    m(
        "value changed",
        "international-growth-q1",
        "value = \"30%\"",
        "value = \"31%\"",
        Field("\"31%\""),
        "`value` \"31%\" is not in its evidence",
    ),
    m(
        "value changed",
        "staff-moved",
        "value = \">400\"",
        "value = \"400\"",
        Field("\"400\""),
        "`value` \"400\" is not in its evidence",
    ),
    m(
        "value changed",
        "international-revenue-share",
        "value = \">50%\"",
        "value = \"50%\"",
        Field("\"50%\""),
        "`value` \"50%\" is not in its evidence",
    ),
    m(
        "value changed",
        "next-day-europe",
        "price = \"EUR 2\"",
        "price = \"EUR 3\"",
        Field("\"EUR 3\""),
        "`price` \"EUR 3\" is not in its evidence",
    ),
    m(
        "value changed",
        "next-day-europe",
        "equivalent = \"USD 2.1\"",
        "equivalent = \"USD 2.5\"",
        Field("\"USD 2.5\""),
        "`equivalent` \"USD 2.5\" is not in its evidence",
    ),
    m(
        "value changed",
        "ding-reports-to-lin",
        "since = \"2024\"",
        "since = \"2023\"",
        Field("\"2023\""),
        "`since` \"2023\" is not in its evidence",
    ),
    m(
        "value changed",
        "cainiao-founding",
        "relative = \"11 years ago\"",
        "relative = \"12 years ago\"",
        Field("\"12 years ago\""),
        "`relative` \"12 years ago\" is not in its evidence",
    ),
    m(
        "value changed",
        "international-growth-q1",
        "period = \"FY2024-Q1\"",
        "period = \"FY2023-Q1\"",
        Field("\"FY2023-Q1\""),
        "`period` \"FY2023-Q1\" is not in its evidence",
    ),
    m(
        "value changed",
        "ipo-prospectus-filing",
        "date = \"2023-09\"",
        "date = \"2023-10\"",
        Field("\"2023-10\""),
        "`date` \"2023-10\" is not in its evidence",
    ),
    m(
        "value changed",
        "three-to-five-day-europe",
        "delivery_days = \"3-5\"",
        "delivery_days = \"2-5\"",
        Field("\"2-5\""),
        "`delivery_days` \"2–5\" is not in its evidence",
    ),
];

/// Applies `mutation` to the seed's text; returns the changed text and the expected line and
/// column of the error.
fn apply(seed: &str, mutation: &Mutation) -> (String, usize, usize) {
    let id_line = format!("id = \"{}\"\n", mutation.record);
    let record = seed
        .find(&id_line)
        .unwrap_or_else(|| panic!("no record {}", mutation.record));
    let at = record
        + seed[record..]
            .find(mutation.from)
            .unwrap_or_else(|| panic!("no {:?} in {}", mutation.from, mutation.record));
    let changed = format!(
        "{}{}{}",
        &seed[..at],
        mutation.to,
        &seed[at + mutation.from.len()..]
    );
    let offset = match mutation.at {
        Id => record + "id = ".len(),
        Field(words) => {
            record
                + changed[record..]
                    .find(words)
                    .unwrap_or_else(|| panic!("no {words:?} after {}", mutation.record))
        }
    };
    let line = changed[..offset].matches('\n').count() + 1;
    let column = offset - changed[..offset].rfind('\n').map_or(0, |n| n + 1) + 1;
    (changed, line, column)
}

/// `check --source TEXT FACTS`: its exit code and standard error.
fn check_with_text(text: &Path, facts: &Path) -> (Option<i32>, String) {
    let output = newsgraph()
        .args(["check", "--source"])
        .arg(text)
        .arg(facts)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
#[ignore = "needs the article texts in ../shared/articles"]
fn every_mutation_of_the_seed_is_rejected_where_it_is_by_check_with_the_article_text() {
    let text = cainiao_text();
    let seed = std::fs::read_to_string(facts_file("cainiao-restructuring")).unwrap();
    let dir = TempDir::new().unwrap();
    let copy = dir.path().join("facts.toml");
    let mut passed = Vec::new();
    for mutation in MUTATIONS {
        let (changed, line, column) = apply(&seed, mutation);
        std::fs::write(&copy, changed).unwrap();
        let (code, stderr) = check_with_text(&text, &copy);
        let place = format!("facts.toml:{line}:{column}: ");
        let found = stderr
            .lines()
            .any(|l| l.contains(&place) && l.contains(mutation.says));
        if code != Some(2) || !found {
            passed.push(format!(
                "{} / {}: {:?} → {:?}: wanted {place}… {:?}, got: {stderr}",
                mutation.category, mutation.record, mutation.from, mutation.to, mutation.says
            ));
        }
    }
    assert!(passed.is_empty(), "{}", passed.join("\n"));
}

#[test]
fn the_mutation_suite_covers_every_category_of_the_issue() {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for mutation in MUTATIONS {
        match counts.iter_mut().find(|(c, _)| *c == mutation.category) {
            Some((_, n)) => *n += 1,
            None => counts.push((mutation.category, 1)),
        }
    }
    assert_eq!(
        counts,
        [
            ("holder or speaker swapped", 7),
            ("reporting line pointed elsewhere", 4),
            ("direction reversed", 7),
            ("wrong target", 16),
            ("status changed", 7),
            ("qualifier dropped", 5),
            ("value changed", 10),
        ]
    );
    assert!(MUTATIONS.len() >= 40);
    // Every mutation changes the file: none is a no-op that would pass for the wrong reason.
    let seed = std::fs::read_to_string(facts_file("cainiao-restructuring")).unwrap();
    for mutation in MUTATIONS {
        assert_ne!(mutation.from, mutation.to);
        assert_ne!(apply(&seed, mutation).0, seed);
    }
}

#[test]
#[ignore = "needs the article texts in ../shared/articles"]
fn every_facts_file_of_the_corpus_passes_the_structure_check_against_its_article_text() {
    let dir = articles_dir();
    for id in [
        "cainiao-restructuring",
        "alibaba-six-groups-2023",
        "cainiao-ipo-withdrawal-2024",
        "alibaba-ecommerce-group-2024",
        "cainiao-restructuring-second-account-2025",
    ] {
        let text = dir.join(format!("{id}.txt"));
        assert!(Path::new(&text).is_file(), "no {}", text.display());
        let output = newsgraph()
            .args(["check", "--source"])
            .arg(&text)
            .arg(facts_file(id))
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{id}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(
            stdout.contains("every value and reference grounded in them"),
            "{id}: {stdout}"
        );
    }
}

#[test]
#[ignore = "needs the article texts in ../shared/articles"]
fn records_that_share_a_name_are_named_once_with_a_count_with_the_article_text() {
    let seed = std::fs::read_to_string(facts_file("cainiao-restructuring")).unwrap();
    let (changed, line, column) = apply(&seed, &MUTATIONS[0]);
    // Seven more people named Lin Wan, quoted by the same words.
    let mut copies = String::new();
    for n in 2..=8 {
        copies.push_str(&format!(
            "\n[[person]]\nid = \"lin-wan-{n}\"\nname = \"Lin Wan\"\nevidence = \"Cainiao CEO Lin Wan\"\n"
        ));
    }
    let dir = TempDir::new().unwrap();
    let copy = dir.path().join("facts.toml");
    std::fs::write(&copy, format!("{changed}{copies}")).unwrap();
    let (_, stderr) = check_with_text(&cainiao_text(), &copy);
    let place = format!("facts.toml:{line}:{column}: ");
    let error = stderr
        .lines()
        .find(|l| l.contains(&place))
        .unwrap_or_else(|| panic!("no error at {place} in {stderr}"));
    assert!(
        error.ends_with("which names Lin Wan (lin-wan and 7 other records of that name)"),
        "{error}"
    );
}
