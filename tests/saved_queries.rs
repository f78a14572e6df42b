//! One test per saved question, each asserting the answer the Cainiao article gives.

use crate::util::{expect, first_columns, fixture, rows, stdout_of};

/// Every saved query answered by a test below (`evidence` in `provenance.rs`, the questions
/// over the whole corpus in `corpus.rs`); a new saved query needs a test.
const TESTED: &[&str] = &[
    "alibaba-structure",
    "business-lines",
    "cainiao-alibaba",
    "cainiao-ownership",
    "change-status",
    "disagreements",
    "europe-offers",
    "evidence",
    "external-clients",
    "founding",
    "international-growth",
    "kept-services",
    "key-numbers",
    "leaders-as-of",
    "leadership",
    "moved-units",
    "neutrality",
    "quotes",
    "regions",
    "reporting-lines",
    "story-timeline",
    "strategy",
    "subsidiaries-partners",
    "timeline",
    "why-restructuring",
];

#[test]
fn every_saved_query_is_listed_and_tested() {
    let listing = stdout_of(&["queries"]);
    let listed: Vec<&str> = listing
        .lines()
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(listed.len() >= 12, "only {} saved queries", listed.len());
    assert_eq!(listed, TESTED);
}

#[test]
fn leaders_as_of_date_the_article_by_its_original() {
    // The Cainiao article states no publication date of its own; its 36Kr original's
    // (2025-01-14) places it in time.
    assert!(rows(&["leaders-as-of", "--bind", "date=2025-01-13"]).is_empty());
    assert_eq!(
        first_columns(rows(&["leaders-as-of", "--bind", "date=2025-02-01"]), 5),
        expect(&[
            &[
                "2025-02-01",
                "Alibaba International Digital Commerce Group",
                "CEO",
                "Jiang Fan",
                "2025-01-14"
            ],
            &[
                "2025-02-01",
                "Cainiao Group",
                "CEO",
                "Lin Wan",
                "2025-01-14"
            ],
            &[
                "2025-02-01",
                "Taotian Group",
                "CEO",
                "Jiang Fan",
                "2025-01-14"
            ],
        ])
    );
}

#[test]
fn leadership_map() {
    assert_eq!(
        rows(&["leadership"]),
        expect(&[
            &["Ding Hongwei", "senior executive", "Cainiao Group", "false"],
            &[
                "Jiang Fan",
                "CEO",
                "Alibaba International Digital Commerce Group",
                "true"
            ],
            &["Jiang Fan", "CEO", "Taotian Group", "true"],
            &["Lin Wan", "CEO", "Cainiao Group", "true"],
        ])
    );
}

#[test]
fn reporting_lines_before_and_after_the_restructuring() {
    let lines: Vec<Vec<String>> = first_columns(rows(&["reporting-lines"]), 4);
    assert_eq!(
        lines,
        expect(&[
            &["Ding Hongwei", "Jiang Fan", "before", "2024"],
            &["Ding Hongwei", "Lin Wan", "before", "2024"],
            &["Ding Hongwei", "Jiang Fan", "after", ""],
        ])
    );
}

#[test]
fn ding_keeps_both_lines_until_the_announced_change() {
    // "Will now report directly to Jiang Fan": announced, so the dual lines are still the
    // current state, and the single line is what the planned change will make of it.
    let current = rows(&[
        "--sparql",
        "SELECT ?who ?boss WHERE { ?p org:reportsTo ?b . ?p rdfs:label ?who . ?b rdfs:label ?boss }",
    ]);
    assert_eq!(
        current,
        expect(&[&["Ding Hongwei", "Jiang Fan"], &["Ding Hongwei", "Lin Wan"]])
    );
    let announced = rows(&[
        "--sparql",
        "SELECT ?boss ?change WHERE {
           ?line a rdf:Statement ; rdf:predicate org:reportsTo ; rdf:object/rdfs:label ?boss ;
             prov:wasGeneratedBy ?e .
           ?e ng:status schema:PotentialActionStatus ; rdfs:label ?change }",
    ]);
    assert_eq!(
        announced,
        expect(&[&["Jiang Fan", "Ding Hongwei's change of reporting line"]])
    );
}

#[test]
fn moved_units_and_headcount() {
    assert_eq!(
        rows(&["moved-units"]),
        expect(&[
            &[
                "Integration of two Cainiao teams into Taotian",
                "Cainiao Group",
                "Taotian Group",
                "domestic e-commerce supply chain solutions team",
                "",
            ],
            &[
                "Integration of two Cainiao teams into Taotian",
                "Cainiao Group",
                "Taotian Group",
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
    );
}

#[test]
fn services_cainiao_keeps_providing_to_alibaba() {
    let kept: Vec<Vec<String>> = first_columns(rows(&["kept-services"]), 2);
    assert_eq!(
        kept,
        expect(&[
            &[
                "logistics services for Tmall Supermarket and Tmall Global",
                "Tmall Global"
            ],
            &[
                "logistics services for Tmall Supermarket and Tmall Global",
                "Tmall Supermarket"
            ],
            &[
                "warehousing and logistics oversight for AliExpress cross-border e-commerce",
                "AliExpress",
            ],
        ])
    );
}

#[test]
fn external_clients() {
    assert_eq!(
        rows(&["external-clients"]),
        expect(&[
            &["JD.com", ""],
            &[
                "JD.com non-consignor platform",
                "Cainiao begins serving JD.com's non-consignor platform",
            ],
            &["Temu", "Cainiao contracts with Temu"],
        ])
    );
}

#[test]
fn regions_of_operation() {
    assert_eq!(
        rows(&["regions"]),
        expect(&[
            &["Asia Pacific"],
            &["Europe"],
            &["Greater China"],
            &["Middle East and Africa"],
            &["the Americas"],
        ])
    );
}

#[test]
fn strategic_dimensions_and_business_lines() {
    // The article says the three dimensions align with the three business lines, and pairs
    // none of them with one line.
    let lines = "express delivery, logistics technology, supply chain management";
    assert_eq!(
        rows(&["strategy"]),
        expect(&[
            &["digitization", lines],
            &["globalization", lines],
            &["industrialization", lines],
        ])
    );
}

#[test]
fn international_revenue_growth_by_quarter() {
    assert_eq!(
        rows(&["international-growth"]),
        expect(&[
            &["Cainiao international division", "2024", "1", "30"],
            &["Cainiao international division", "2024", "2", "16"],
        ])
    );
}

#[test]
fn european_delivery_offers() {
    assert_eq!(
        rows(&["europe-offers"]),
        expect(&[
            &[
                "next-day delivery",
                "select European regions",
                "1",
                "1",
                "EUR",
                "2",
                "2",
                "USD 2.1"
            ],
            &[
                "3–5 day delivery",
                "wider areas",
                "3",
                "5",
                "EUR",
                "3",
                "5",
                "USD 3.1–5.2"
            ],
        ])
    );
}

/// The date and name of the timeline's events that have a date.
fn dated_events(timeline: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let dated = timeline
        .into_iter()
        .filter(|row| row[0] != "not stated")
        .collect();
    first_columns(dated, 2)
}

#[test]
fn timeline_dates_what_the_article_dates_and_resolves_relative_times() {
    let timeline = rows(&["timeline"]);
    assert_eq!(timeline.len(), 14, "every event is on the timeline");
    let dated = dated_events(timeline.clone());
    assert_eq!(
        dated,
        expect(&[
            &["2013–2014", "Founding of Cainiao"],
            &["by 2019", "Cainiao investment in logistics infrastructure"],
            &["2023-09", "Cainiao IPO prospectus filing"],
            &[
                "begun before 2024-01-14, ongoing on 2025-01-14",
                "Close work of Cainiao and Alibaba's e-commerce teams"
            ],
            &[
                "by 2025-01-14",
                "Cainiao begins serving JD.com's non-consignor platform"
            ],
        ])
    );
    let founding = timeline
        .iter()
        .find(|r| r[1] == "Founding of Cainiao")
        .unwrap();
    assert!(founding[3].contains("11 years ago"), "{founding:?}");
}

#[test]
fn founding_is_dated_from_the_publication_date() {
    assert_eq!(
        rows(&["founding"]),
        expect(&[&[
            "Cainiao Group",
            "2013",
            "2014",
            "11 years ago",
            "2025-01-14"
        ]])
    );
}

#[test]
fn why_cainiao_restructures() {
    let why = rows(&["why-restructuring"]);
    let claims = |kind: &str| -> Vec<&str> {
        why.iter()
            .filter(|r| r[0] == kind)
            .map(|r| r[1].as_str())
            .collect()
    };
    assert_eq!(
        claims("aim"),
        [
            "Clearly define the roles of e-commerce and logistics teams, aligning with the September 2023 IPO prospectus.",
            "Reinforce Cainiao's operational excellence in its core logistics services while transferring e-commerce-aligned responsibilities to Alibaba's other business groups.",
            "Sharpen Cainiao's focus as a specialized logistics company.",
        ]
    );
    assert_eq!(
        claims("continuity"),
        ["Logistics operations and services remain with Cainiao."]
    );
    assert_eq!(
        claims("effect"),
        ["Cainiao can now pursue its mission with sharper focus and precision."]
    );
    let reinforce = why.iter().find(|r| r[1].starts_with("Reinforce")).unwrap();
    assert_eq!(
        (reinforce[2].as_str(), reinforce[3].as_str()),
        ("36Kr", "has learned")
    );
    let stays = why.iter().find(|r| r[0] == "continuity").unwrap();
    assert_eq!(
        (stays[2].as_str(), stays[3].as_str()),
        ("unnamed Cainiao employee", "told 36Kr")
    );
}

#[test]
fn how_cainiao_answers_the_neutrality_concern() {
    assert_eq!(
        rows(&["neutrality"]),
        expect(&[&[
            "To address concerns about neutrality.",
            "Cainiao expands investments in non-Alibaba clients",
            "completed",
            "Cainiao contracts with Temu",
        ]])
    );
}

#[test]
fn changes_announced_under_way_and_done() {
    let status = rows(&["change-status"]);
    let with = |s: &str| -> Vec<&str> {
        status
            .iter()
            .filter(|r| r[0] == s)
            .map(|r| r[1].as_str())
            .collect()
    };
    assert_eq!(
        with("planned"),
        [
            "Ding Hongwei's change of reporting line",
            "Integration of two Cainiao teams into Taotian",
        ]
    );
    assert_eq!(
        with("under way"),
        [
            "Cainiao organizational restructuring",
            "Close work of Cainiao and Alibaba's e-commerce teams",
            "Move of international-division staff to the Alibaba E-commerce Business Group",
        ]
    );
    assert!(
        with("completed").contains(&"AliExpress collaboration shifts to a market-driven model")
    );
    let restructuring = status
        .iter()
        .find(|r| r[1] == "Cainiao organizational restructuring")
        .unwrap();
    assert_eq!(restructuring[2..], ["36Kr", "has learned"]);
}

#[test]
fn subsidiaries_and_partners() {
    let ties: Vec<Vec<String>> = first_columns(rows(&["subsidiaries-partners"]), 2);
    assert_eq!(
        ties,
        expect(&[&["4PX Express", "partner"], &["4PX Express", "subsidiary"]])
    );
}

#[test]
fn who_said_what() {
    let quotes = rows(&["quotes"]);
    let speakers: Vec<(&str, &str)> = quotes
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(
        speakers,
        [
            ("Lin Wan", "true"),
            ("unnamed Cainiao employee", "false"),
            ("unnamed Cainiao mid-level manager", "false"),
            ("unnamed source familiar with Cainiao", "false"),
        ]
    );
    assert!(quotes[0][3].starts_with("For Cainiao to truly globalize"));
    assert!(quotes[1][3].contains("‘front of house’ like Taotian and AliExpress"));
}

#[test]
fn business_lines_and_whom_they_serve() {
    assert_eq!(
        rows(&["business-lines"]),
        expect(&[
            &["express delivery", "4PX Express"],
            &["express delivery", "AliExpress"],
            &["express delivery", "non-Alibaba clients"],
            &["logistics technology", ""],
            &["supply chain management", ""],
        ])
    );
}

#[test]
fn key_numbers() {
    let numbers: Vec<(String, String)> = rows(&["key-numbers"])
        .into_iter()
        .map(|r| (r[0].clone(), r[2].clone()))
        .collect();
    let value = |name: &str| {
        numbers
            .iter()
            .find(|(n, _)| n.starts_with(name))
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(numbers.len(), 6);
    assert_eq!(value("International revenue growth, first"), Some("30%"));
    assert_eq!(value("International revenue growth, second"), Some("16%"));
    assert_eq!(
        value("Share of Cainiao's total revenue"),
        Some("more than 50%")
    );
    assert_eq!(value("Employees moved"), Some("more than 400"));
    assert_eq!(value("Rank among Alibaba's fastest-growing"), Some("2"));
    assert_eq!(value("Rank in cross-border deliveries"), Some("1"));
}

#[test]
fn alibaba_structure_after_the_restructuring() {
    let structure = rows(&["alibaba-structure"]);
    let parent_of = |part: &str| -> Vec<&str> {
        structure
            .iter()
            .filter(|r| r[0] == part)
            .map(|r| r[2].as_str())
            .collect()
    };
    assert_eq!(parent_of("Cainiao Group"), ["Alibaba"]);
    assert_eq!(parent_of("Taotian Group"), ["Alibaba"]);
    // The two teams "will be integrated into Taotian": until then they are Cainiao's.
    assert_eq!(parent_of("electronic waybill team"), ["Cainiao Group"]);
    assert_eq!(
        parent_of("domestic e-commerce supply chain solutions team"),
        ["Cainiao Group"]
    );
    assert_eq!(parent_of("Tmall Supermarket"), ["Taotian Group"]);
    assert_eq!(parent_of("4PX Express"), ["Cainiao Group"]);
    // Business lines are what Cainiao does, not units of it.
    assert_eq!(parent_of("express delivery"), Vec::<&str>::new());
    let kind_of = |part: &str| {
        structure
            .iter()
            .find(|r| r[0] == part)
            .map(|r| r[1].as_str())
    };
    assert_eq!(kind_of("Taotian Group"), Some("business group"));
    assert_eq!(kind_of("4PX Express"), Some("company"));
    assert_eq!(kind_of("electronic waybill team"), Some("unit"));
    assert_eq!(structure.len(), 11);
}

#[test]
fn saved_queries_work_on_another_article() {
    let facts = fixture("northwind.toml");
    let facts = facts.to_str().unwrap();
    let lines: Vec<Vec<String>> = first_columns(rows(&["reporting-lines", "--facts", facts]), 3);
    assert_eq!(
        lines,
        expect(&[
            &["Ana Ruiz", "Lena Park", "before"],
            &["Ana Ruiz", "Tomas Greer", "before"],
            &["Ana Ruiz", "Lena Park", "after"],
        ])
    );
    let dated = dated_events(rows(&["timeline", "--facts", facts]));
    assert_eq!(
        dated,
        expect(&[
            &["2009", "Founding of Northwind"],
            &["2015-03", "First cross-dock hub opens in Rotterdam"],
        ])
    );
}

#[test]
fn ask_and_construct_queries() {
    assert_eq!(
        stdout_of(&[
            "query",
            "--sparql",
            "ASK { ?p org:headOf ?o . ?o rdfs:label 'Taotian Group' }"
        ]),
        "true\n"
    );
    assert_eq!(
        stdout_of(&[
            "query",
            "--sparql",
            "ASK { ?p org:headOf ?o . ?o rdfs:label 'Temu' }"
        ]),
        "false\n"
    );
    let turtle = stdout_of(&[
        "query",
        "--sparql",
        "CONSTRUCT { ?p org:reportsTo ?q } WHERE { ?p org:reportsTo ?q }",
    ]);
    assert!(
        turtle.contains("@prefix org: <http://www.w3.org/ns/org#>"),
        "{turtle}"
    );
    assert!(
        turtle.contains("person:ding-hongwei org:reportsTo person:jiang-fan , person:lin-wan ."),
        "{turtle}"
    );
}
