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
pub(crate) const ARTICLES: &[&str] = &[
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

/// A saved question asked of the whole corpus, and the rows the five texts together support.
pub(crate) struct Answer {
    /// The saved question.
    pub question: &'static str,
    /// The value it is given (`--bind NAME=VALUE`), if it takes one.
    pub bind: Option<&'static str>,
    /// Columns that list several values (column, separator): their values are compared
    /// sorted, since GROUP_CONCAT keeps no order.
    pub lists: &'static [(usize, &'static str)],
    /// The rows, in the question's order.
    pub rows: fn() -> Vec<Vec<String>>,
}

impl Answer {
    /// The arguments that ask the question, after the store or facts arguments.
    pub fn args(&self) -> Vec<&'static str> {
        let mut args = vec![self.question];
        if let Some(bind) = self.bind {
            args.extend(["--bind", bind]);
        }
        args
    }

    /// `rows` with the values of each list column sorted.
    pub fn normalized(&self, mut rows: Vec<Vec<String>>) -> Vec<Vec<String>> {
        for row in &mut rows {
            for &(column, separator) in self.lists {
                row[column] = sorted(&row[column], separator).join(separator);
            }
        }
        rows
    }
}

/// The answer of the corpus to a saved question.
pub(crate) fn answer(question: &str) -> &'static Answer {
    ANSWERS
        .iter()
        .find(|a| a.question == question)
        .unwrap_or_else(|| panic!("no corpus answer for {question}"))
}

/// Asks a saved question of the five facts files in memory and compares every row.
fn assert_corpus_answer(question: &str) {
    let answer = answer(question);
    let found = answer.normalized(corpus_rows(&answer.args()));
    assert_eq!(found, (answer.rows)(), "{question} over the corpus");
}

/// One test per saved question, each asserting every row over the five facts files.
macro_rules! corpus_answers {
    ($($test:ident: $question:literal),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                assert_corpus_answer($question);
            }
        )*
    };
}

corpus_answers! {
    alibaba_structure_over_the_corpus: "alibaba-structure",
    business_lines_over_the_corpus: "business-lines",
    cainiao_alibaba_over_the_corpus: "cainiao-alibaba",
    cainiao_ownership_over_the_corpus: "cainiao-ownership",
    change_status_follows_the_latest_report: "change-status",
    disagreements_of_every_kind_with_each_side: "disagreements",
    europe_offers_over_the_corpus: "europe-offers",
    evidence_for_jiang_fan_from_every_article: "evidence",
    external_clients_over_the_corpus: "external-clients",
    founding_over_the_corpus: "founding",
    international_growth_over_the_corpus: "international-growth",
    kept_services_over_the_corpus: "kept-services",
    key_numbers_follow_the_latest_report: "key-numbers",
    leaders_as_of_february_2025_count_the_seed: "leaders-as-of",
    leadership_lists_each_current_post_once: "leadership",
    moved_units_lists_each_move_once: "moved-units",
    neutrality_over_the_corpus: "neutrality",
    quotes_over_the_corpus: "quotes",
    regions_over_the_corpus: "regions",
    reporting_lines_over_the_corpus: "reporting-lines",
    story_timeline_over_the_corpus: "story-timeline",
    strategy_over_the_corpus: "strategy",
    subsidiaries_partners_over_the_corpus: "subsidiaries-partners",
    timeline_over_the_corpus: "timeline",
    why_restructuring_over_the_corpus: "why-restructuring",
}

#[test]
fn every_saved_question_has_a_corpus_answer() {
    let saved: Vec<&str> = newsgraph::query::catalogue::saved()
        .iter()
        .map(|q| q.name)
        .collect();
    let answered: Vec<&str> = ANSWERS.iter().map(|a| a.question).collect();
    assert_eq!(answered, saved);
}

pub(crate) const ANSWERS: &[Answer] = &[
    Answer {
        question: "alibaba-structure",
        bind: None,
        lists: &[],
        rows: answer_rows::alibaba_structure,
    },
    Answer {
        question: "business-lines",
        bind: None,
        lists: &[],
        rows: answer_rows::business_lines,
    },
    Answer {
        question: "cainiao-alibaba",
        bind: None,
        lists: &[],
        rows: answer_rows::cainiao_alibaba,
    },
    Answer {
        question: "cainiao-ownership",
        bind: None,
        lists: &[],
        rows: answer_rows::cainiao_ownership,
    },
    Answer {
        question: "change-status",
        bind: None,
        lists: &[],
        rows: answer_rows::change_status,
    },
    Answer {
        question: "disagreements",
        bind: None,
        lists: &[(3, ", "), (7, " | ")],
        rows: answer_rows::disagreements,
    },
    Answer {
        question: "europe-offers",
        bind: None,
        lists: &[],
        rows: answer_rows::europe_offers,
    },
    Answer {
        question: "evidence",
        bind: Some("entity=person:jiang-fan"),
        lists: &[],
        rows: answer_rows::evidence,
    },
    Answer {
        question: "external-clients",
        bind: None,
        lists: &[],
        rows: answer_rows::external_clients,
    },
    Answer {
        question: "founding",
        bind: None,
        lists: &[],
        rows: answer_rows::founding,
    },
    Answer {
        question: "international-growth",
        bind: None,
        lists: &[],
        rows: answer_rows::international_growth,
    },
    Answer {
        question: "kept-services",
        bind: None,
        lists: &[],
        rows: answer_rows::kept_services,
    },
    Answer {
        question: "key-numbers",
        bind: None,
        lists: &[],
        rows: answer_rows::key_numbers,
    },
    Answer {
        question: "leaders-as-of",
        bind: Some("date=2025-02-01"),
        lists: &[],
        rows: answer_rows::leaders_as_of,
    },
    Answer {
        question: "leadership",
        bind: None,
        lists: &[],
        rows: answer_rows::leadership,
    },
    Answer {
        question: "moved-units",
        bind: None,
        lists: &[],
        rows: answer_rows::moved_units,
    },
    Answer {
        question: "neutrality",
        bind: None,
        lists: &[],
        rows: answer_rows::neutrality,
    },
    Answer {
        question: "quotes",
        bind: None,
        lists: &[],
        rows: answer_rows::quotes,
    },
    Answer {
        question: "regions",
        bind: None,
        lists: &[],
        rows: answer_rows::regions,
    },
    Answer {
        question: "reporting-lines",
        bind: None,
        lists: &[],
        rows: answer_rows::reporting_lines,
    },
    Answer {
        question: "story-timeline",
        bind: None,
        lists: &[(3, " | ")],
        rows: answer_rows::story_timeline,
    },
    Answer {
        question: "strategy",
        bind: None,
        lists: &[(1, ", ")],
        rows: answer_rows::strategy,
    },
    Answer {
        question: "subsidiaries-partners",
        bind: None,
        lists: &[],
        rows: answer_rows::subsidiaries_partners,
    },
    Answer {
        question: "timeline",
        bind: None,
        lists: &[],
        rows: answer_rows::timeline,
    },
    Answer {
        question: "why-restructuring",
        bind: None,
        lists: &[],
        rows: answer_rows::why_restructuring,
    },
];

/// The rows of each saved question over the five facts files, as the texts support them.
pub(crate) mod answer_rows {
    use crate::util::expect;

    /// `alibaba-structure`: part, kind, partOf.
    pub(super) fn alibaba_structure() -> Vec<Vec<String>> {
        expect(&[
            &["1688", "organization", "Alibaba E-commerce Business Group"],
            &[
                "Alibaba International Digital Commerce Group",
                "business group",
                "Alibaba E-commerce Business Group",
            ],
            &[
                "Idle Fish",
                "organization",
                "Alibaba E-commerce Business Group",
            ],
            &[
                "Taobao and Tmall Group",
                "business group",
                "Alibaba E-commerce Business Group",
            ],
            &["AliExpress", "organization", "Alibaba Group"],
            &[
                "Alibaba E-commerce Business Group",
                "business group",
                "Alibaba Group",
            ],
            &[
                "Alibaba International Digital Commerce Group",
                "business group",
                "Alibaba Group",
            ],
            &[
                "Cainiao Smart Logistics Network",
                "business group",
                "Alibaba Group",
            ],
            &[
                "Cloud Intelligence Group",
                "business group",
                "Alibaba Group",
            ],
            &[
                "Digital Media and Entertainment Group",
                "business group",
                "Alibaba Group",
            ],
            &[
                "Global Digital Business Group",
                "business group",
                "Alibaba Group",
            ],
            &["Local Services Group", "business group", "Alibaba Group"],
            &["Taobao and Tmall Group", "business group", "Alibaba Group"],
            &["4PX Express", "company", "Cainiao Smart Logistics Network"],
            &[
                "Cainiao international division",
                "unit",
                "Cainiao Smart Logistics Network",
            ],
            &[
                "domestic e-commerce supply chain solutions team",
                "unit",
                "Cainiao Smart Logistics Network",
            ],
            &[
                "electronic waybill team",
                "unit",
                "Cainiao Smart Logistics Network",
            ],
            &[
                "people of Cainiao International who served AliExpress",
                "unit",
                "Cainiao international division",
            ],
            &["Tmall Global", "unit", "Taobao and Tmall Group"],
            &["Tmall Supermarket", "unit", "Taobao and Tmall Group"],
        ])
    }

    /// `business-lines`: businessLine, serves.
    pub(super) fn business_lines() -> Vec<Vec<String>> {
        expect(&[
            &["Cainiao Station", ""],
            &["express delivery", "4PX Express"],
            &["express delivery", "AliExpress"],
            &["express delivery", "non-Alibaba clients"],
            &["logistics technology", ""],
            &["smart logistics solutions", ""],
            &["supply chain management", ""],
            &["warehouses and logistics asset management", ""],
        ])
    }

    /// `cainiao-alibaba`: date, what, kind, article.
    pub(super) fn cainiao_alibaba() -> Vec<Vec<String>> {
        expect(&[
            &[
                "2013",
                "Cainiao Smart Logistics Network is part of Alibaba (Founded as Alibaba's logistics arm.)",
                "tie began",
                "A second account of Cainiao's restructuring",
            ],
            &[
                "2013",
                "Founding of Cainiao",
                "founding",
                "Alibaba reorganizes into six business groups, with Cainiao among them",
            ],
            &[
                "2023",
                "Alibaba's reorganization into six business groups",
                "restructuring",
                "A second account of Cainiao's restructuring",
            ],
            &[
                "2023",
                "Cainiao Smart Logistics Network is part of Alibaba (An independent business group.)",
                "tie began",
                "A second account of Cainiao's restructuring",
            ],
            &[
                "2023-03-28",
                "Alibaba's reorganization into six business groups",
                "restructuring",
                "Alibaba reorganizes into six business groups, with Cainiao among them",
            ],
            &[
                "2023-03-28",
                "Cainiao Smart Logistics is part of Alibaba Group (One of Alibaba's six business groups.)",
                "tie began",
                "Alibaba reorganizes into six business groups, with Cainiao among them",
            ],
            &[
                "by 2024-03-26",
                "Alibaba Group's offer to buy out Cainiao's minority shareholders",
                "buy-out offer",
                "Cainiao withdraws its Hong Kong listing; Alibaba offers to buy out minority shareholders",
            ],
            &[
                "as of 2024-03-26",
                "Alibaba Group's share of Cainiao's fully diluted equity: about 63.7%",
                "stake",
                "Cainiao withdraws its Hong Kong listing; Alibaba offers to buy out minority shareholders",
            ],
            // The second account's restructuring changes Cainiao only: its text does not say
            // the E-commerce Business Group or Taotian resulted from it.
            &[
                "not stated",
                "AliExpress collaboration shifts to a market-driven model",
                "policy change",
                "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
            ],
            &[
                "not stated",
                "Alibaba Group's plan to align Cainiao more closely with the Taobao and Tmall Group and AIDC",
                "policy change",
                "Cainiao withdraws its Hong Kong listing; Alibaba offers to buy out minority shareholders",
            ],
            &[
                "not stated",
                "Integration of two Cainiao teams into Taotian",
                "unit transfer",
                "A second account of Cainiao's restructuring",
            ],
            &[
                "not stated",
                "Integration of two Cainiao teams into Taotian",
                "unit transfer",
                "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
            ],
            &[
                "not stated",
                "Move of international-division staff to the Alibaba E-commerce Business Group",
                "staff transfer",
                "A second account of Cainiao's restructuring",
            ],
            &[
                "not stated",
                "Move of international-division staff to the Alibaba E-commerce Business Group",
                "staff transfer",
                "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
            ],
        ])
    }

    /// `cainiao-ownership`: owner, stake, offer, date, perShare, total, valuation, currency, article.
    pub(super) fn cainiao_ownership() -> Vec<Vec<String>> {
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
    }

    /// `change-status`: status, change, reportedBy, how.
    pub(super) fn change_status() -> Vec<Vec<String>> {
        expect(&[
            &["planned", "Ding Hongwei's change of reporting line", "", ""],
            &[
                "planned",
                "Integration of two Cainiao teams into Taotian",
                "",
                "",
            ],
            &[
                "under way",
                "Cainiao organizational restructuring",
                "36Kr",
                "has learned",
            ],
            &[
                "under way",
                "Close work of Cainiao and Alibaba's e-commerce teams",
                "",
                "",
            ],
            &[
                "under way",
                "Move of international-division staff to the Alibaba E-commerce Business Group",
                "",
                "",
            ],
            &[
                "completed",
                "AliExpress collaboration shifts to a market-driven model",
                "",
                "",
            ],
            &["completed", "Cainiao IPO prospectus filing", "", ""],
            &[
                "completed",
                "Cainiao begins serving JD.com's non-consignor platform",
                "",
                "",
            ],
            &["completed", "Cainiao contracts with Temu", "", ""],
            &[
                "completed",
                "Cainiao expands investments in non-Alibaba clients",
                "",
                "",
            ],
            &[
                "completed",
                "Cainiao investment in logistics infrastructure",
                "",
                "",
            ],
            &["completed", "Founding of Cainiao", "", ""],
            &["completed", "Launch of the electronic waybill", "", ""],
        ])
    }

    /// `disagreements`: kind, subject, about, says, article, source, published, evidence.
    pub(super) fn disagreements() -> Vec<Vec<String>> {
        expect(&[
            &[
                "ended",
                "Jiang Fan",
                "org:holds",
                "CEO of Alibaba International Digital Commerce Group, until Formation of the Alibaba E-commerce Business Group",
                "Alibaba puts all its e-commerce businesses under Jiang Fan",
                "Bloomberg, South China Morning Post",
                "2024-11-21",
                "Jiang Fan, until then chief executive officer of the Alibaba International Digital Commerce Group",
            ],
            &[
                "ended",
                "Jiang Fan",
                "org:holds",
                "CEO of Alibaba International Digital Commerce Group",
                "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
                "36Kr",
                "2025-01-14",
                "Jiang Fan, CEO of both the Taotian Group and the Alibaba International Digital Commerce Group",
            ],
            &[
                "status",
                "Move of international-division staff to the Alibaba E-commerce Business Group",
                "ng:status",
                "planned",
                "A second account of Cainiao's restructuring",
                "Momentum Works",
                "2025-01",
                "About 400 people of Cainiao International who served AliExpress are to move to the newly integrated Alibaba E-commerce Business Group.",
            ],
            &[
                "status",
                "Move of international-division staff to the Alibaba E-commerce Business Group",
                "ng:status",
                "under way",
                "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
                "36Kr",
                "2025-01-14",
                "A key component of the restructuring involves moving more than 400 employees from Cainiao’s international division—previously serving AliExpress—to the Alibaba E-commerce Business Group.",
            ],
            &[
                "tie",
                "Ding Hongwei",
                "org:reportsTo",
                "Jiang Fan, Wan Lin",
                "A second account of Cainiao's restructuring",
                "Momentum Works",
                "2025-01",
                "Ding Hongwei, the Cainiao executive in charge of that team, now reports to both Jiang Fan, chief executive officer of Alibaba's e-commerce business | Ding Hongwei, the Cainiao executive in charge of that team, now reports to both Jiang Fan, chief executive officer of Alibaba's e-commerce business, and Wan Lin, chief executive officer of Cainiao.",
            ],
            &[
                "tie",
                "Ding Hongwei",
                "org:reportsTo",
                "Jiang Fan",
                "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
                "36Kr",
                "2025-01-14",
                "Ding Hongwei, a senior Cainiao executive, will now report directly to Jiang Fan",
            ],
            &[
                "value",
                "Employees moved from the international division",
                "schema:description",
                "about 400",
                "A second account of Cainiao's restructuring",
                "Momentum Works",
                "2025-01",
                "About 400 people of Cainiao International who served AliExpress",
            ],
            &[
                "value",
                "Employees moved from the international division",
                "schema:description",
                "more than 400",
                "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
                "36Kr",
                "2025-01-14",
                "moving more than 400 employees from Cainiao’s international division",
            ],
        ])
    }

    /// `europe-offers`: offer, area, minDays, maxDays, currency, minPrice, maxPrice, equivalent.
    pub(super) fn europe_offers() -> Vec<Vec<String>> {
        expect(&[
            &[
                "next-day delivery",
                "select European regions",
                "1",
                "1",
                "EUR",
                "2",
                "2",
                "USD 2.1",
            ],
            &[
                "3–5 day delivery",
                "wider areas",
                "3",
                "5",
                "EUR",
                "3",
                "5",
                "USD 3.1–5.2",
            ],
        ])
    }

    /// `evidence`: entity, fact, quote, start, end.
    pub(super) fn evidence() -> Vec<Vec<String>> {
        expect(&[
            &[
                "https://newsgraph.example/id/person/jiang-fan",
                "evidence for CEO of Alibaba E-commerce Business Group",
                "Jiang Fan, chief executive officer of Alibaba's e-commerce business",
                "",
                "",
            ],
            &[
                "https://newsgraph.example/id/person/jiang-fan",
                "evidence for CEO of Alibaba E-commerce Business Group",
                "Jiang Fan, until then chief executive officer of the Alibaba International Digital Commerce Group, was named chief executive officer of the new group.",
                "",
                "",
            ],
            &[
                "https://newsgraph.example/id/person/jiang-fan",
                "evidence for CEO of Alibaba International Digital Commerce Group",
                "Jiang Fan, CEO of both the Taotian Group and the Alibaba International Digital Commerce Group",
                "",
                "",
            ],
            &[
                "https://newsgraph.example/id/person/jiang-fan",
                "evidence for CEO of Alibaba International Digital Commerce Group",
                "Jiang Fan, until then chief executive officer of the Alibaba International Digital Commerce Group",
                "",
                "",
            ],
            &[
                "https://newsgraph.example/id/person/jiang-fan",
                "evidence for CEO of Taotian Group",
                "Jiang Fan, CEO of both the Taotian Group and the Alibaba International Digital Commerce Group",
                "",
                "",
            ],
            &[
                "https://newsgraph.example/id/person/jiang-fan",
                "evidence for Ding Hongwei reports to Jiang Fan",
                "Ding Hongwei, a senior Cainiao executive, will now report directly to Jiang Fan",
                "",
                "",
            ],
            &[
                "https://newsgraph.example/id/person/jiang-fan",
                "evidence for Ding Hongwei reports to Jiang Fan",
                "Ding Hongwei, the Cainiao executive in charge of that team, now reports to both Jiang Fan, chief executive officer of Alibaba's e-commerce business",
                "",
                "",
            ],
            &[
                "https://newsgraph.example/id/person/jiang-fan",
                "evidence for Ding Hongwei reports to Jiang Fan",
                "Since 2024, Ding has had dual reporting lines to Cainiao CEO Lin Wan and Jiang",
                "",
                "",
            ],
            &[
                "https://newsgraph.example/id/person/jiang-fan",
                "evidence for Jiang Fan",
                "Jiang Fan, CEO of both the Taotian Group and the Alibaba International Digital Commerce Group",
                "",
                "",
            ],
            &[
                "https://newsgraph.example/id/person/jiang-fan",
                "evidence for Jiang Fan",
                "Jiang Fan, chief executive officer of Alibaba's e-commerce business",
                "",
                "",
            ],
            &[
                "https://newsgraph.example/id/person/jiang-fan",
                "evidence for Jiang Fan",
                "Jiang Fan, until then chief executive officer of the Alibaba International Digital Commerce Group",
                "",
                "",
            ],
            &[
                "https://newsgraph.example/id/person/jiang-fan",
                "evidence for Jiang Fan reports to Eddie Wu",
                "He reports directly to Alibaba Group's chief executive officer, Eddie Wu.",
                "",
                "",
            ],
        ])
    }

    /// `external-clients`: client, since.
    pub(super) fn external_clients() -> Vec<Vec<String>> {
        expect(&[
            &["JD.com", ""],
            &[
                "JD.com non-consignor platform",
                "Cainiao begins serving JD.com's non-consignor platform",
            ],
            &["Temu", "Cainiao contracts with Temu"],
        ])
    }

    /// `founding`: organization, from, to, said, countedFrom.
    pub(super) fn founding() -> Vec<Vec<String>> {
        expect(&[
            &[
                "Alibaba E-commerce Business Group",
                "2024-11-21",
                "2024-11-21",
                "",
                "",
            ],
            &["Alibaba Group", "", "", "", ""],
            &["Cainiao Smart Logistics Network", "2013", "2013", "", ""],
            &[
                "Cainiao Smart Logistics Network",
                "2013",
                "2014",
                "11 years ago",
                "2025-01-14",
            ],
        ])
    }

    /// `international-growth`: unit, fiscalYear, quarter, growthPercent.
    pub(super) fn international_growth() -> Vec<Vec<String>> {
        expect(&[
            &["Cainiao international division", "2024", "1", "30"],
            &["Cainiao international division", "2024", "2", "16"],
        ])
    }

    /// `kept-services`: service, client, continuesAfter.
    pub(super) fn kept_services() -> Vec<Vec<String>> {
        expect(&[
            &[
                "logistics services for Tmall Supermarket and Tmall Global",
                "Tmall Global",
                "Cainiao organizational restructuring",
            ],
            &[
                "logistics services for Tmall Supermarket and Tmall Global",
                "Tmall Supermarket",
                "Cainiao organizational restructuring",
            ],
            &[
                "warehousing and logistics oversight for AliExpress cross-border e-commerce",
                "AliExpress",
                "Cainiao organizational restructuring",
            ],
        ])
    }

    /// `key-numbers`: measure, of, value, period.
    pub(super) fn key_numbers() -> Vec<Vec<String>> {
        expect(&[
            &[
                "Most the offer would cost in total (up to)",
                "Alibaba Group's offer to buy out Cainiao's minority shareholders",
                "up to USD 3750000000",
                "",
            ],
            &[
                "Price offered for each share",
                "Alibaba Group's offer to buy out Cainiao's minority shareholders",
                "USD 0.62",
                "",
            ],
            &[
                "Value the offer put on Cainiao (about)",
                "Alibaba Group's offer to buy out Cainiao's minority shareholders",
                "about USD 10300000000",
                "",
            ],
            &[
                "Alibaba Group's share of Cainiao's fully diluted equity",
                "Cainiao Smart Logistics Network",
                "about 63.7%",
                "",
            ],
            &[
                "Rank in cross-border deliveries by parcel volume",
                "Cainiao Smart Logistics Network",
                "1",
                "",
            ],
            &[
                "Share of Cainiao's total revenue from international logistics",
                "Cainiao Smart Logistics Network",
                "more than 50%",
                "",
            ],
            &[
                "International revenue growth, first fiscal quarter of 2024",
                "Cainiao international division",
                "30%",
                "first fiscal quarter of 2024",
            ],
            &[
                "International revenue growth, second fiscal quarter of 2024",
                "Cainiao international division",
                "16%",
                "second fiscal quarter of 2024",
            ],
            &[
                "Rank among Alibaba's fastest-growing units, after international commerce",
                "Cainiao international division",
                "2",
                "",
            ],
            &[
                "Revenue growth of the Chinese e-commerce business, September 2024 quarter",
                "Chinese e-commerce business",
                "1%",
                "",
            ],
            &[
                "Employees moved from the international division",
                "Move of international-division staff to the Alibaba E-commerce Business Group",
                "more than 400",
                "",
            ],
            &[
                "Revenue growth of the international retail business, September 2024 quarter",
                "international retail business",
                "35%",
                "",
            ],
        ])
    }

    /// `leaders-as-of`: date, organization, role, leader, reported, article.
    pub(super) fn leaders_as_of() -> Vec<Vec<String>> {
        expect(&[
            &[
                "2025-02-01",
                "Alibaba E-commerce Business Group",
                "CEO",
                "Jiang Fan",
                "2025-01",
                "A second account of Cainiao's restructuring",
            ],
            &[
                "2025-02-01",
                "Alibaba Group",
                "CEO",
                "Eddie Wu",
                "2024-11-21",
                "Alibaba puts all its e-commerce businesses under Jiang Fan",
            ],
            &[
                "2025-02-01",
                "Alibaba Group",
                "chairman",
                "Joe Tsai",
                "2024-03-26",
                "Cainiao withdraws its Hong Kong listing; Alibaba offers to buy out minority shareholders",
            ],
            &[
                "2025-02-01",
                "Alibaba International Digital Commerce Group",
                "CEO",
                "Jiang Fan",
                "2025-01-14",
                "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
            ],
            &[
                "2025-02-01",
                "Cainiao Smart Logistics Network",
                "CEO",
                "Wan Lin",
                "2025-01-14",
                "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
            ],
            &[
                "2025-02-01",
                "Taobao and Tmall Group",
                "CEO",
                "Jiang Fan",
                "2025-01-14",
                "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
            ],
            &[
                "2025-02-01",
                "people of Cainiao International who served AliExpress",
                "executive in charge",
                "Ding Hongwei",
                "2025-01",
                "A second account of Cainiao's restructuring",
            ],
        ])
    }

    /// `leadership`: person, role, organization, heads.
    pub(crate) fn leadership() -> Vec<Vec<String>> {
        expect(&[
            &[
                "Ding Hongwei",
                "senior executive",
                "Cainiao Smart Logistics Network",
                "false",
            ],
            &[
                "Ding Hongwei",
                "executive in charge",
                "people of Cainiao International who served AliExpress",
                "true",
            ],
            &["Eddie Wu", "CEO", "Alibaba Group", "true"],
            &[
                "Jiang Fan",
                "CEO",
                "Alibaba E-commerce Business Group",
                "true",
            ],
            &[
                "Jiang Fan",
                "CEO",
                "Alibaba International Digital Commerce Group",
                "true",
            ],
            &["Jiang Fan", "CEO", "Taobao and Tmall Group", "true"],
            &["Joe Tsai", "chairman", "Alibaba Group", "true"],
            &["Wan Lin", "CEO", "Cainiao Smart Logistics Network", "true"],
        ])
    }

    /// `moved-units`: transfer, from, to, unit, headcount.
    pub(super) fn moved_units() -> Vec<Vec<String>> {
        expect(&[
            &[
                "Integration of two Cainiao teams into Taotian",
                "Cainiao Smart Logistics Network",
                "Taobao and Tmall Group",
                "domestic e-commerce supply chain solutions team",
                "",
            ],
            &[
                "Integration of two Cainiao teams into Taotian",
                "Cainiao Smart Logistics Network",
                "Taobao and Tmall Group",
                "electronic waybill team",
                "",
            ],
            &[
                "Move of international-division staff to the Alibaba E-commerce Business Group",
                "Cainiao international division",
                "Alibaba E-commerce Business Group",
                "",
                "more than 400",
            ],
        ])
    }

    /// `neutrality`: reason, action, status, including.
    pub(super) fn neutrality() -> Vec<Vec<String>> {
        expect(&[&[
            "To address concerns about neutrality.",
            "Cainiao expands investments in non-Alibaba clients",
            "completed",
            "Cainiao contracts with Temu",
        ]])
    }

    /// `quotes`: speaker, named, context, quote.
    pub(super) fn quotes() -> Vec<Vec<String>> {
        expect(&[
            &[
                "Wan Lin",
                "true",
                "Stated internally.",
                "For Cainiao to truly globalize, its backend operations must also globalize. Only then can business expansion move at full speed.",
            ],
            &[
                "unnamed Cainiao employee",
                "false",
                "Told 36Kr.",
                "In simple terms, logistics tasks tied to e-commerce platforms will now be handled by the ‘front of house’ like Taotian and AliExpress, while logistics operations and services remain with Cainiao",
            ],
            &[
                "unnamed Cainiao mid-level manager",
                "false",
                "Told 36Kr.",
                "Front-facing e-commerce leaders prioritize customer experience improvements. This stronger integration can enhance the competitiveness of Alibaba’s e-commerce platforms",
            ],
            &[
                "unnamed source familiar with Cainiao",
                "false",
                "",
                "It became clear that practical logistics operations were necessary to create a competitive edge",
            ],
        ])
    }

    /// `regions`: region.
    pub(super) fn regions() -> Vec<Vec<String>> {
        expect(&[
            &["Asia Pacific"],
            &["Europe"],
            &["Greater China"],
            &["Middle East and Africa"],
            &["the Americas"],
        ])
    }

    /// `reporting-lines`: person, reportsTo, phase, since, change, note.
    pub(super) fn reporting_lines() -> Vec<Vec<String>> {
        expect(&[
            &[
                "Ding Hongwei",
                "Jiang Fan",
                "before",
                "2024",
                "Ding Hongwei's change of reporting line",
                "One of two reporting lines.",
            ],
            &[
                "Ding Hongwei",
                "Wan Lin",
                "before",
                "2024",
                "Ding Hongwei's change of reporting line",
                "One of two reporting lines.",
            ],
            &[
                "Ding Hongwei",
                "Jiang Fan",
                "after",
                "",
                "Ding Hongwei's change of reporting line",
                "Direct reporting line.",
            ],
        ])
    }

    /// `story-timeline`: date, event, kind, articles.
    pub(super) fn story_timeline() -> Vec<Vec<String>> {
        expect(&[
            &[
                "2013",
                "Founding of Cainiao",
                "founding",
                "A second account of Cainiao's restructuring | Alibaba reorganizes into six business groups, with Cainiao among them",
            ],
            &[
                "2013 to 2014",
                "Founding of Cainiao",
                "founding",
                "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
            ],
            &[
                "by 2019",
                "Cainiao investment in logistics infrastructure",
                "investment",
                "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
            ],
            &[
                "2023",
                "Alibaba's reorganization into six business groups",
                "restructuring",
                "A second account of Cainiao's restructuring",
            ],
            &[
                "2023",
                "Cainiao IPO prospectus filing",
                "filing",
                "A second account of Cainiao's restructuring",
            ],
            &[
                "2023-03-28",
                "Alibaba's reorganization into six business groups",
                "restructuring",
                "Alibaba reorganizes into six business groups, with Cainiao among them",
            ],
            &[
                "2023-09",
                "Cainiao IPO prospectus filing",
                "filing",
                "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
            ],
            &[
                "2023-09-26",
                "Cainiao IPO prospectus filing",
                "filing",
                "Cainiao withdraws its Hong Kong listing; Alibaba offers to buy out minority shareholders",
            ],
            &[
                "begun before 2024-01-14, ongoing on 2025-01-14",
                "Close work of Cainiao and Alibaba's e-commerce teams",
                "collaboration",
                "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
            ],
            &[
                "by 2024-03-26",
                "Alibaba Group's offer to buy out Cainiao's minority shareholders",
                "buy-out offer",
                "Cainiao withdraws its Hong Kong listing; Alibaba offers to buy out minority shareholders",
            ],
            &[
                "by 2024-03-26",
                "Cainiao withdraws its IPO and Hong Kong listing application",
                "withdrawal",
                "Cainiao withdraws its Hong Kong listing; Alibaba offers to buy out minority shareholders",
            ],
            &[
                "2024-11-21",
                "Formation of the Alibaba E-commerce Business Group",
                "founding",
                "Alibaba puts all its e-commerce businesses under Jiang Fan",
            ],
            &[
                "2025-01",
                "Cainiao organizational restructuring",
                "restructuring",
                "A second account of Cainiao's restructuring",
            ],
            &[
                "by 2025-01-14",
                "Cainiao begins serving JD.com's non-consignor platform",
                "service start",
                "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
            ],
            &[
                "not stated",
                "AliExpress collaboration shifts to a market-driven model",
                "policy change",
                "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
            ],
            &[
                "not stated",
                "Alibaba Group's plan to align Cainiao more closely with the Taobao and Tmall Group and AIDC",
                "policy change",
                "Cainiao withdraws its Hong Kong listing; Alibaba offers to buy out minority shareholders",
            ],
            &[
                "not stated",
                "Alibaba's business groups may raise outside funding and seek their own listings",
                "policy change",
                "Alibaba reorganizes into six business groups, with Cainiao among them",
            ],
            &[
                "not stated",
                "Cainiao contracts with Temu",
                "contract",
                "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
            ],
            &[
                "not stated",
                "Cainiao expands investments in non-Alibaba clients",
                "investment",
                "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
            ],
            &[
                "not stated",
                "Cainiao's shift to logistics-first operations",
                "policy change",
                "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
            ],
            &[
                "not stated",
                "Ding Hongwei's change of reporting line",
                "reporting change",
                "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
            ],
            &[
                "not stated",
                "Founding of Alibaba",
                "founding",
                "Alibaba reorganizes into six business groups, with Cainiao among them",
            ],
            &[
                "not stated",
                "Integration of two Cainiao teams into Taotian",
                "unit transfer",
                "A second account of Cainiao's restructuring | Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
            ],
            &[
                "not stated",
                "Launch of the electronic waybill",
                "launch",
                "Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
            ],
            &[
                "not stated",
                "Move of international-division staff to the Alibaba E-commerce Business Group",
                "staff transfer",
                "A second account of Cainiao's restructuring | Cainiao offloads e-commerce duties to Alibaba to double down on logistics",
            ],
        ])
    }

    /// `strategy`: dimension, alignsWith.
    pub(super) fn strategy() -> Vec<Vec<String>> {
        expect(&[
            &[
                "digitization",
                "express delivery, logistics technology, supply chain management",
            ],
            &[
                "globalization",
                "express delivery, logistics technology, supply chain management",
            ],
            &[
                "industrialization",
                "express delivery, logistics technology, supply chain management",
            ],
        ])
    }

    /// `subsidiaries-partners`: company, tie, note.
    pub(super) fn subsidiaries_partners() -> Vec<Vec<String>> {
        expect(&[
            &[
                "4PX Express",
                "partner",
                "4PX is named as one of Cainiao's warehousing providers.",
            ],
            &["4PX Express", "subsidiary", ""],
            &[
                "partner airlines",
                "partner",
                "Building up air freight capacity, aiming at 24-hour delivery anywhere in China and 72-hour delivery anywhere in the world.",
            ],
        ])
    }

    /// `timeline`: date, event, kind, note, status.
    pub(super) fn timeline() -> Vec<Vec<String>> {
        expect(&[
            &["2013", "Founding of Cainiao", "founding", "", "completed"],
            &[
                "2013–2014",
                "Founding of Cainiao",
                "founding",
                "“11 years ago”, counted from the publication date",
                "completed",
            ],
            &[
                "by 2019",
                "Cainiao investment in logistics infrastructure",
                "investment",
                "",
                "completed",
            ],
            &[
                "2023",
                "Alibaba's reorganization into six business groups",
                "restructuring",
                "The day Alibaba Group announced it.",
                "",
            ],
            &[
                "2023",
                "Cainiao IPO prospectus filing",
                "filing",
                "",
                "completed",
            ],
            &[
                "2023-03-28",
                "Alibaba's reorganization into six business groups",
                "restructuring",
                "The day Alibaba Group announced it.",
                "",
            ],
            &[
                "2023-09",
                "Cainiao IPO prospectus filing",
                "filing",
                "",
                "completed",
            ],
            &[
                "2023-09-26",
                "Cainiao IPO prospectus filing",
                "filing",
                "",
                "completed",
            ],
            &[
                "begun before 2024-01-14, ongoing on 2025-01-14",
                "Close work of Cainiao and Alibaba's e-commerce teams",
                "collaboration",
                "“for over a year”, counted from the publication date",
                "under way",
            ],
            &[
                "by 2024-03-26",
                "Alibaba Group's offer to buy out Cainiao's minority shareholders",
                "buy-out offer",
                "Reported with Alibaba Group's statement of 26 March 2024.",
                "",
            ],
            &[
                "by 2024-03-26",
                "Cainiao withdraws its IPO and Hong Kong listing application",
                "withdrawal",
                "Alibaba Group said on 26 March 2024 that it had been withdrawn.",
                "",
            ],
            &[
                "2024-11-21",
                "Formation of the Alibaba E-commerce Business Group",
                "founding",
                "",
                "",
            ],
            &[
                "2025-01",
                "Cainiao organizational restructuring",
                "restructuring",
                "Reported by Chinese media in January 2025 as under way.",
                "under way",
            ],
            &[
                "by 2025-01-14",
                "Cainiao begins serving JD.com's non-consignor platform",
                "service start",
                "“recently”, counted from the publication date",
                "completed",
            ],
            &[
                "not stated",
                "AliExpress collaboration shifts to a market-driven model",
                "policy change",
                "",
                "completed",
            ],
            &[
                "not stated",
                "Alibaba Group's plan to align Cainiao more closely with the Taobao and Tmall Group and AIDC",
                "policy change",
                "Planned for once the offer is completed.",
                "",
            ],
            &[
                "not stated",
                "Alibaba's business groups may raise outside funding and seek their own listings",
                "policy change",
                "Said with the reorganization the summary dates to 28 March 2023; the sentence itself gives no date.",
                "",
            ],
            &[
                "not stated",
                "Cainiao contracts with Temu",
                "contract",
                "",
                "completed",
            ],
            &[
                "not stated",
                "Cainiao expands investments in non-Alibaba clients",
                "investment",
                "",
                "completed",
            ],
            &[
                "not stated",
                "Cainiao's shift to logistics-first operations",
                "policy change",
                "",
                "",
            ],
            &[
                "not stated",
                "Ding Hongwei's change of reporting line",
                "reporting change",
                "",
                "planned",
            ],
            &[
                "not stated",
                "Founding of Alibaba",
                "founding",
                "The text speaks of Alibaba's 24-year history in March 2023, and gives no date.",
                "",
            ],
            &[
                "not stated",
                "Integration of two Cainiao teams into Taotian",
                "unit transfer",
                "To come, as reported in January 2025.",
                "planned",
            ],
            &[
                "not stated",
                "Launch of the electronic waybill",
                "launch",
                "When Cainiao started out as a technology platform.",
                "completed",
            ],
            &[
                "not stated",
                "Move of international-division staff to the Alibaba E-commerce Business Group",
                "staff transfer",
                "To come, as reported in January 2025.",
                "under way",
            ],
        ])
    }

    /// `why-restructuring`: kind, claim, reportedBy, how.
    pub(super) fn why_restructuring() -> Vec<Vec<String>> {
        expect(&[
            &[
                "aim",
                "Clearly define the roles of e-commerce and logistics teams, aligning with the September 2023 IPO prospectus.",
                "",
                "",
            ],
            &[
                "aim",
                "Reinforce Cainiao's operational excellence in its core logistics services while transferring e-commerce-aligned responsibilities to Alibaba's other business groups.",
                "36Kr",
                "has learned",
            ],
            &[
                "aim",
                "Sharpen Cainiao's focus as a specialized logistics company.",
                "",
                "",
            ],
            &[
                "assessment",
                "Front-facing e-commerce leaders prioritize customer experience; the stronger integration can enhance the competitiveness of Alibaba's e-commerce platforms.",
                "unnamed Cainiao mid-level manager",
                "told 36Kr",
            ],
            &[
                "characterization",
                "Cainiao is effectively transferring responsibilities for developing logistics strategies closely tied to e-commerce platforms.",
                "",
                "",
            ],
            &[
                "characterization",
                "Logistics tasks tied to e-commerce platforms will be handled by the 'front of house' like Taotian and AliExpress.",
                "unnamed Cainiao employee",
                "told 36Kr",
            ],
            &[
                "characterization",
                "The restructuring is not entirely new.",
                "",
                "",
            ],
            &[
                "continuity",
                "Logistics operations and services remain with Cainiao.",
                "unnamed Cainiao employee",
                "told 36Kr",
            ],
            &[
                "effect",
                "Cainiao can now pursue its mission with sharper focus and precision.",
                "",
                "",
            ],
        ])
    }
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
            &[
                "Cainiao Smart Logistics Network",
                "CEO",
                "Wan Lin",
                "2023-03"
            ],
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
            &["Cainiao Smart Logistics Network", "CEO", "Wan Lin"],
        ])
    );
    // The seed, dated by its original (2025-01-14), is not yet published on 2025-01-13: Jiang
    // Fan's AIDC post then stands as the November 2024 summary ended it.
    assert_eq!(
        leaders("2025-01-13"),
        expect(&[
            &["Alibaba E-commerce Business Group", "CEO", "Jiang Fan"],
            &["Alibaba Group", "CEO", "Eddie Wu"],
            &["Alibaba Group", "chairman", "Joe Tsai"],
            &["Cainiao Smart Logistics Network", "CEO", "Wan Lin"],
            &[
                "people of Cainiao International who served AliExpress",
                "executive in charge",
                "Ding Hongwei"
            ],
        ])
    );
}

#[test]
fn the_corpus_layer_dates_each_article_and_names_each_entity_once() {
    let dates = corpus_rows(&[
        "--sparql",
        "PREFIX dcterms: <http://purl.org/dc/terms/> \
         SELECT ?g ?day WHERE { GRAPH <https://newsgraph.example/corpus> { ?g dcterms:date ?day } } \
         ORDER BY ?day",
    ]);
    let graph = |id: &str| format!("https://newsgraph.example/id/graph/{id}");
    assert_eq!(
        dates,
        vec![
            vec![graph("alibaba-six-groups-2023"), "2023-03-01".to_owned()],
            vec![
                graph("cainiao-ipo-withdrawal-2024"),
                "2024-03-26".to_owned()
            ],
            vec![
                graph("alibaba-ecommerce-group-2024"),
                "2024-11-21".to_owned()
            ],
            vec![
                graph("cainiao-restructuring-second-account-2025"),
                "2025-01-01".to_owned()
            ],
            // The seed has no date of its own: its original's.
            vec![graph("cainiao-restructuring"), "2025-01-14".to_owned()],
        ]
    );
    let names = |id: &str| {
        corpus_rows(&[
            "--sparql",
            &format!(
                "SELECT ?kind ?name WHERE {{ GRAPH <https://newsgraph.example/corpus> {{ \
                 <https://newsgraph.example/id/{id}> ?p ?name }} \
                 FILTER (?p IN (skos:prefLabel, skos:altLabel)) \
                 BIND (STRAFTER(STR(?p), '#') AS ?kind) }} ORDER BY DESC(?kind) ?name"
            ),
        ])
    };
    // Two articles say Wan Lin, one Lin Wan.
    assert_eq!(
        names("person/lin-wan"),
        expect(&[&["prefLabel", "Wan Lin"], &["altLabel", "Lin Wan"]])
    );
    // Three articles say Taobao and Tmall Group; the seed says Taotian Group, the 2023 summary
    // Taobao Tmall Business Group.
    assert_eq!(
        names("organization/taotian"),
        expect(&[
            &["prefLabel", "Taobao and Tmall Group"],
            &["altLabel", "Taobao Tmall Business Group"],
            &["altLabel", "Taotian Group"],
        ])
    );
    // A name only one article gives, for an entity only one article names, is left alone.
    assert!(names("person/eddie-wu").is_empty());
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
    // One article each names Cainiao "Cainiao Smart Logistics" and "Cainiao": the later one's
    // name is its name over the two.
    assert!(leaders("2024-05-31").contains(&"Cainiao".to_owned()));
    assert!(!leaders("2024-06-01").contains(&"Cainiao".to_owned()));
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

/// A later report than [`DEPARTURE`] that still has Wan Lin in Cainiao's top post, and dates
/// the departure otherwise.
const STAYS_ON: &str = r#"
[article]
id = "second-wire"
title = "Cainiao's chief executive stays on"
publisher = "wire"
language = "en"
published = "2024-08-01"
evidence = "Cainiao's chief executive stays on"

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
date = "2024-07"
evidence = "stays on"

[[post]]
id = "cainiao-ceo"
role = "CEO"
organization = "cainiao"
holder = "lin-wan"
head = true
evidence = "Cainiao's chief executive stays on"
"#;

#[test]
fn the_latest_report_decides_and_the_other_side_is_a_disagreement() {
    let dir = TempDir::new().unwrap();
    let departure = dir.path().join("departure.toml");
    let stays_on = dir.path().join("stays-on.toml");
    std::fs::write(&departure, DEPARTURE).unwrap();
    std::fs::write(&stays_on, STAYS_ON).unwrap();
    let six_groups = facts_file("alibaba-six-groups-2023");
    let ask = |question: &str, files: &[&Path]| {
        let mut args = vec![question];
        for file in files {
            args.extend(["--facts", file.to_str().unwrap()]);
        }
        rows(&args)
    };
    // The departure, published after the 2023 summary, ends Wan Lin's post.
    assert_eq!(
        ask("leadership", &[&six_groups, &departure]),
        expect(&[
            &["Daniel Zhang", "CEO", "Alibaba Group", "true"],
            &["Daniel Zhang", "chairman", "Alibaba Group", "true"],
        ])
    );
    // A still later report has him hold it: the latest report stands, in either order given.
    for files in [[&departure, &stays_on], [&stays_on, &departure]] {
        assert_eq!(
            ask("leadership", &[files[0], files[1]]),
            expect(&[&["Wan Lin", "CEO", "Cainiao", "true"]])
        );
    }
    // Both sides are shown: the end and the later holding, and the two dates of the departure.
    assert_eq!(
        ask("disagreements", &[&departure, &stays_on]),
        expect(&[
            &[
                "date",
                "Wan Lin steps down",
                "time:hasTime",
                "2024-06-01",
                "Cainiao's chief executive steps down",
                "Wire",
                "2024-06-01",
                "steps down",
            ],
            &[
                "date",
                "Wan Lin steps down",
                "time:hasTime",
                "2024-07",
                "Cainiao's chief executive stays on",
                "Wire",
                "2024-08-01",
                "stays on",
            ],
            &[
                "ended",
                "Wan Lin",
                "org:holds",
                "CEO of Cainiao, until Wan Lin steps down",
                "Cainiao's chief executive steps down",
                "Wire",
                "2024-06-01",
                "Cainiao's chief executive steps down",
            ],
            &[
                "ended",
                "Wan Lin",
                "org:holds",
                "CEO of Cainiao",
                "Cainiao's chief executive stays on",
                "Wire",
                "2024-08-01",
                "Cainiao's chief executive stays on",
            ],
        ])
    );
}
