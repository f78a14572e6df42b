//! The corpus: the Cainiao article and four summaries around it, read together. Shared ids
//! give one IRI per entity across articles; each article keeps its own graph, so where the
//! sources disagree both versions stay in the graph. One test per saved question over the
//! corpus, asserting the answer the five facts files give.
//!
//! The questions read the facts alone. Checking the evidence quotes needs the article texts
//! (`../shared/articles/`), so those tests are ignored by default and run by
//! `scripts/test.sh`, which skips them by name (`article_text`), with a warning, when the
//! texts are missing.

use crate::util::{expect, facts_arg, facts_file, newsgraph, rows, stdout_of};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The facts files of the corpus, by article id.
const ARTICLES: &[&str] = &[
    "cainiao-restructuring",
    "alibaba-six-groups-2023",
    "cainiao-ipo-withdrawal-2024",
    "alibaba-ecommerce-group-2024",
    "cainiao-restructuring-second-account-2025",
];

/// The arguments that load the whole corpus: `--facts FILE` for each article.
fn corpus_args() -> Vec<String> {
    ARTICLES
        .iter()
        .flat_map(|id| ["--facts".to_owned(), facts_arg(id)])
        .collect()
}

/// Runs a saved question (or `--sparql`) over the whole corpus.
fn corpus_rows(query: &[&str]) -> Vec<Vec<String>> {
    let corpus = corpus_args();
    let mut args: Vec<&str> = query.to_vec();
    args.extend(corpus.iter().map(String::as_str));
    rows(&args)
}

/// A comma- or bar-separated list, sorted, so that the order of GROUP_CONCAT does not matter.
fn sorted(list: &str, separator: &str) -> Vec<String> {
    let mut items: Vec<String> = list.split(separator).map(str::to_owned).collect();
    items.sort();
    items
}

/// Where the workspace keeps the article texts.
fn articles_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/articles")
}

#[test]
#[ignore = "needs ../shared/articles: scripts/test.sh runs it when the texts are there"]
fn every_evidence_quote_of_the_corpus_is_in_its_article_text() {
    let dir = articles_dir();
    assert!(dir.is_dir(), "no article texts at {}", dir.display());
    for id in ARTICLES {
        let output = newsgraph()
            .env("NEWSGRAPH_ARTICLES", &dir)
            .arg("verify")
            .arg(facts_file(id))
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "{id}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let last = stdout.lines().last().unwrap_or_default();
        assert!(
            last.contains("evidence quotes found") && last.contains(&format!("{id}.txt")),
            "{id}: {last}"
        );
    }
}

#[test]
fn every_facts_file_of_the_corpus_checks() {
    let files: Vec<PathBuf> = ARTICLES.iter().map(|id| facts_file(id)).collect();
    let output = newsgraph().arg("check").args(&files).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.matches(": ok").count(), ARTICLES.len(), "{stdout}");
}

#[test]
fn shared_ids_name_one_entity_under_each_article_s_names() {
    let names = corpus_rows(&[
        "--sparql",
        "SELECT ?g ?name WHERE { GRAPH ?g { ?p rdfs:label ?name ; foaf:name ?n } \
         FILTER (STRENDS(STR(?p), 'person/lin-wan')) } ORDER BY ?g",
    ]);
    assert_eq!(
        names,
        expect(&[
            &[
                "https://newsgraph.example/id/graph/alibaba-six-groups-2023",
                "Wan Lin"
            ],
            &[
                "https://newsgraph.example/id/graph/cainiao-restructuring",
                "Lin Wan"
            ],
            &[
                "https://newsgraph.example/id/graph/cainiao-restructuring-second-account-2025",
                "Wan Lin"
            ],
        ])
    );
    let taotian = corpus_rows(&[
        "--sparql",
        "SELECT DISTINCT ?name WHERE { ?o rdfs:label ?name \
         FILTER (STRENDS(STR(?o), 'organization/taotian')) } ORDER BY ?name",
    ]);
    assert_eq!(
        taotian,
        expect(&[
            &["Taobao Tmall Business Group"],
            &["Taobao and Tmall Group"],
            &["Taotian Group"],
        ])
    );
}

#[test]
fn a_shared_id_has_the_same_kind_in_every_article() {
    let differing = corpus_rows(&[
        "--sparql",
        "SELECT DISTINCT ?s ?t WHERE { GRAPH ?g1 { ?s a ?t } GRAPH ?g2 { ?s rdfs:label ?l } \
         FILTER (!CONTAINS(STR(?s), '/id/article/')) \
         FILTER NOT EXISTS { GRAPH ?g2 { ?s a ?t } } }",
    ]);
    assert!(differing.is_empty(), "{differing:?}");
}

#[test]
fn disagreements_between_the_two_accounts_of_the_restructuring() {
    let sides = corpus_rows(&["disagreements"]);
    assert_eq!(sides.len(), 2, "{sides:?}");
    for side in &sides {
        assert_eq!(side[..2], ["Ding Hongwei", "org:reportsTo"]);
    }
    let second = &sides[0];
    assert_eq!(second[3], "A second account of Cainiao's restructuring");
    assert_eq!(sorted(&second[2], ", "), ["Jiang Fan", "Wan Lin"]);
    assert_eq!(second[4], "Momentum Works");
    assert_eq!(
        sorted(&second[5], " | "),
        [
            "Ding Hongwei, the Cainiao executive in charge of that team, now reports to both Jiang Fan, chief executive officer of Alibaba's e-commerce business",
            "Ding Hongwei, the Cainiao executive in charge of that team, now reports to both Jiang Fan, chief executive officer of Alibaba's e-commerce business, and Wan Lin, chief executive officer of Cainiao.",
        ]
    );
    let krasia = &sides[1];
    assert_eq!(
        krasia[2..],
        [
            "Jiang Fan",
            "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
            "36Kr",
            "Ding Hongwei, a senior Cainiao executive, will now report directly to Jiang Fan",
        ]
    );
}

#[test]
fn both_reporting_lines_stay_in_the_graph_each_in_its_article() {
    let lines = corpus_rows(&[
        "--sparql",
        "SELECT DISTINCT ?g ?boss WHERE { GRAPH ?g { ?st rdf:subject ?p ; \
         rdf:predicate org:reportsTo ; rdf:object ?b . ?p rdfs:label 'Ding Hongwei' . \
         ?b rdfs:label ?boss \
         FILTER NOT EXISTS { ?st prov:wasInvalidatedBy|time:hasTime/time:hasEnd ?end } } } \
         ORDER BY ?g ?boss",
    ]);
    assert_eq!(
        lines,
        expect(&[
            &[
                "https://newsgraph.example/id/graph/cainiao-restructuring",
                "Jiang Fan"
            ],
            &[
                "https://newsgraph.example/id/graph/cainiao-restructuring-second-account-2025",
                "Jiang Fan"
            ],
            &[
                "https://newsgraph.example/id/graph/cainiao-restructuring-second-account-2025",
                "Wan Lin"
            ],
        ])
    );
}

#[test]
fn how_cainiao_s_relation_to_alibaba_changed() {
    let changes = corpus_rows(&["cainiao-alibaba"]);
    let dated: Vec<Vec<String>> = changes
        .iter()
        .filter(|row| row[0] != "not stated")
        .map(|row| row[..3].to_vec())
        .collect();
    assert_eq!(
        dated,
        expect(&[
            &[
                "2013",
                "Cainiao Smart Logistics Network is part of Alibaba (Founded as Alibaba's logistics arm.)",
                "tie began",
            ],
            &["2013", "Founding of Cainiao", "founding"],
            &[
                "2023",
                "Alibaba's reorganization into six business groups",
                "restructuring"
            ],
            &[
                "2023",
                "Cainiao Smart Logistics Network is part of Alibaba (An independent business group.)",
                "tie began",
            ],
            &[
                "2023-03-28",
                "Alibaba's reorganization into six business groups",
                "restructuring"
            ],
            &[
                "2023-03-28",
                "Cainiao Smart Logistics is part of Alibaba Group (One of Alibaba's six business groups.)",
                "tie began",
            ],
            &[
                "by 2024-03-26",
                "Alibaba Group's offer to buy out Cainiao's minority shareholders",
                "buy-out offer",
            ],
            &[
                "as of 2024-03-26",
                "Alibaba Group's share of Cainiao's fully diluted equity: about 63.7%",
                "stake",
            ],
            // The second account's restructuring changes Cainiao only: its text does not say
            // the E-commerce Business Group or Taotian resulted from it.
        ])
    );
    let undated: Vec<&str> = changes
        .iter()
        .filter(|row| row[0] == "not stated")
        .map(|row| row[1].as_str())
        .collect();
    assert_eq!(
        undated,
        [
            "AliExpress collaboration shifts to a market-driven model",
            "Alibaba Group's plan to align Cainiao more closely with the Taobao and Tmall Group and AIDC",
            "Hand-over of two Cainiao teams to the Taobao and Tmall Group",
            "Integration of two Cainiao teams into Taotian",
            "Move of Cainiao International staff to the Alibaba E-commerce Business Group",
            "Move of international-division staff to the Alibaba E-commerce Business Group",
        ]
    );
}

#[test]
fn leaders_as_of_the_first_of_december_2024() {
    let leaders = corpus_rows(&["leaders-as-of", "--bind", "date=2024-12-01"]);
    let rows: Vec<Vec<String>> = leaders.iter().map(|row| row[1..5].to_vec()).collect();
    assert_eq!(
        rows,
        expect(&[
            &[
                "Alibaba E-commerce Business Group",
                "CEO",
                "Jiang Fan",
                "2024-11-21"
            ],
            &["Alibaba Group", "CEO", "Eddie Wu", "2024-11-21"],
            &["Alibaba Group", "chairman", "Joe Tsai", "2024-03-26"],
            &["Cainiao Smart Logistics", "CEO", "Wan Lin", "2023-03"],
        ])
    );
    assert!(leaders.iter().all(|row| row[0] == "2024-12-01"));
}

#[test]
fn leaders_follow_the_date_asked() {
    let leaders = |date: &str| -> Vec<Vec<String>> {
        corpus_rows(&["leaders-as-of", "--bind", &format!("date={date}")])
            .iter()
            .map(|row| row[1..4].to_vec())
            .collect()
    };
    assert!(leaders("2023-01-01").is_empty());
    assert_eq!(
        leaders("2023-06-30"),
        expect(&[
            &["Alibaba Group", "CEO", "Daniel Zhang"],
            &["Alibaba Group", "chairman", "Daniel Zhang"],
            &["Cainiao Smart Logistics", "CEO", "Wan Lin"],
        ])
    );
    let later = leaders("2025-02-01");
    assert!(later.contains(&vec![
        "people of Cainiao International who served AliExpress".to_owned(),
        "executive in charge".to_owned(),
        "Ding Hongwei".to_owned(),
    ]));
    assert!(later.contains(&vec![
        "Cainiao Smart Logistics Network".to_owned(),
        "CEO".to_owned(),
        "Wan Lin".to_owned(),
    ]));
}

#[test]
fn story_timeline() {
    let timeline = corpus_rows(&["story-timeline"]);
    let dated: Vec<Vec<String>> = timeline
        .iter()
        .filter(|row| row[0] != "not stated")
        .map(|row| row[..2].to_vec())
        .collect();
    assert_eq!(
        dated,
        expect(&[
            &["2013", "Founding of Cainiao"],
            &["2013 to 2014", "Founding of Cainiao"],
            &["by 2019", "Cainiao investment in logistics infrastructure"],
            &["2023", "Alibaba's reorganization into six business groups"],
            &["2023", "Cainiao IPO prospectus filing"],
            &[
                "2023-03-28",
                "Alibaba's reorganization into six business groups"
            ],
            &["2023-09", "Cainiao IPO prospectus filing"],
            &["2023-09-26", "Cainiao IPO prospectus filing"],
            &[
                "by 2024-01-14",
                "Close work of Cainiao and Alibaba's e-commerce teams"
            ],
            &[
                "by 2024-03-26",
                "Alibaba Group's offer to buy out Cainiao's minority shareholders"
            ],
            &[
                "by 2024-03-26",
                "Cainiao withdraws its IPO and Hong Kong listing application"
            ],
            &[
                "2024-11-21",
                "Formation of the Alibaba E-commerce Business Group"
            ],
            &["2025-01", "Cainiao organizational restructuring"],
            &[
                "by 2025-01-14",
                "Cainiao begins serving JD.com's non-consignor platform"
            ],
        ])
    );
    assert_eq!(timeline.len(), 25, "every event once, or once per date");
    let founding = &timeline[0];
    assert_eq!(
        sorted(&founding[3], " | "),
        [
            "A second account of Cainiao's restructuring",
            "Alibaba reorganizes into six business groups, with Cainiao among them",
        ]
    );
    let prospectus = |date: &str| {
        timeline
            .iter()
            .find(|row| row[0] == date && row[1] == "Cainiao IPO prospectus filing")
            .map(|row| row[3].clone())
    };
    assert_eq!(
        prospectus("2023-09").as_deref(),
        Some("Cainiao offloads e-commerce duties to Alibaba to double down on logistics")
    );
    assert_eq!(
        prospectus("2023-09-26").as_deref(),
        Some(
            "Cainiao withdraws its Hong Kong listing; Alibaba offers to buy out minority shareholders"
        )
    );
    assert!(
        !timeline
            .iter()
            .any(|row| row[0] == "not stated" && row[1] == "Founding of Cainiao"),
        "an event some article dates is not also listed as undated"
    );
}

#[test]
fn cainiao_ownership_and_the_buy_out_offer() {
    assert_eq!(
        corpus_rows(&["cainiao-ownership"]),
        expect(&[&[
            "Alibaba Group",
            "63.7",
            "Alibaba Group's offer to buy out Cainiao's minority shareholders",
            "by 2024-03-26",
            "0.62",
            "3750000000",
            "10300000000",
            "USD",
            "Cainiao withdraws its Hong Kong listing; Alibaba offers to buy out minority shareholders",
        ]])
    );
}

#[test]
fn money_measures_need_a_currency() {
    let original = std::fs::read_to_string(facts_file("cainiao-ipo-withdrawal-2024")).unwrap();
    let text = original.replacen("value = \"USD 0.62\"", "value = \"0.62\"", 1);
    assert_ne!(text, original);
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("ipo.toml");
    std::fs::write(&path, text).unwrap();
    let output = newsgraph().arg("check").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("invalid amount \"0.62\": expected money with a currency"),
        "{stderr}"
    );
    let stake = stdout_of(&[
        "query",
        "--facts",
        facts_file("cainiao-ipo-withdrawal-2024").to_str().unwrap(),
        "--sparql",
        "SELECT ?unit WHERE { ?m a ng:Stake ; schema:unitText ?unit }",
    ]);
    assert!(stake.contains("percent"), "{stake}");
}

#[test]
fn a_post_its_holder_has_left_is_history_not_a_current_post() {
    let facts = facts_file("alibaba-ecommerce-group-2024");
    let facts = facts.to_str().unwrap();
    let heads = rows(&[
        "--facts",
        facts,
        "--sparql",
        "SELECT ?org WHERE { ?p org:headOf ?o ; rdfs:label 'Jiang Fan' . ?o rdfs:label ?org }",
    ]);
    assert_eq!(heads, expect(&[&["Alibaba E-commerce Business Group"]]));
    let history = rows(&[
        "--facts",
        facts,
        "--sparql",
        "SELECT ?holding ?end WHERE { ?h a rdf:Statement ; rdf:predicate org:holds ; \
         rdfs:label ?holding ; time:hasTime/time:hasEnd/time:inXSDDate ?end } ORDER BY ?holding",
    ]);
    assert_eq!(
        history,
        expect(&[
            &[
                "Jiang Fan as CEO of Alibaba International Digital Commerce Group",
                "2024-11-21"
            ],
            &[
                "Trudy Dai as leader of the domestic operation",
                "2024-11-21"
            ],
        ])
    );
}

/// A small facts file of a later report that Wan Lin has left Cainiao's top post.
const DEPARTURE: &str = r#"
[article]
id = "departure"
title = "Cainiao's chief executive steps down"
publisher = "wire"
language = "en"
published = "2024-06-01"
evidence = "Cainiao's chief executive steps down"

[[organization]]
id = "wire"
name = "Wire"
kind = "organization"
evidence = "Wire"

[[organization]]
id = "cainiao"
name = "Cainiao"
kind = "formal"
evidence = "Cainiao"

[[person]]
id = "lin-wan"
name = "Wan Lin"
evidence = "Wan Lin"

[[event]]
id = "ceo-departure"
name = "Wan Lin steps down"
kind = "policy-change"
date = "2024-06-01"
evidence = "steps down"

[[post]]
id = "cainiao-ceo"
role = "CEO"
organization = "cainiao"
holder = "lin-wan"
head = true
until = "ceo-departure"
evidence = "Cainiao's chief executive steps down"
"#;

#[test]
fn leaders_as_of_leave_out_a_holder_a_later_article_says_has_left() {
    let dir = TempDir::new().unwrap();
    let departure = dir.path().join("departure.toml");
    std::fs::write(&departure, DEPARTURE).unwrap();
    let six_groups = facts_file("alibaba-six-groups-2023");
    let leaders = |date: &str| -> Vec<String> {
        rows(&[
            "leaders-as-of",
            "--facts",
            six_groups.to_str().unwrap(),
            "--facts",
            departure.to_str().unwrap(),
            "--bind",
            &format!("date={date}"),
        ])
        .into_iter()
        .map(|row| row[1].clone())
        .collect()
    };
    assert!(leaders("2024-05-31").contains(&"Cainiao Smart Logistics".to_owned()));
    assert!(!leaders("2024-06-01").contains(&"Cainiao Smart Logistics".to_owned()));
}

#[test]
fn a_post_s_end_must_name_an_event() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("departure.toml");
    std::fs::write(
        &path,
        DEPARTURE.replace("until = \"ceo-departure\"", "until = \"resignation\""),
    )
    .unwrap();
    let output = newsgraph().arg("check").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("`since/until` names \"resignation\", but no record has this id"),
        "{stderr}"
    );
}
