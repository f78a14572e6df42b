//! Reconciling articles: the ids a corpus shares (`newsgraph entities`), and what `check`
//! reports when two facts files say different things about one id.

use crate::util::{facts_arg, newsgraph, stdout_of};
use tempfile::TempDir;

/// A facts file that contradicts the Cainiao article about three of its ids.
const CONTRARY: &str = r#"[article]
id = "contrary"
title = "A contrary account"
publisher = "press"
language = "en"
published = "2025-01-14"
evidence = "A contrary account"

[[organization]]
id = "press"
name = "Contrary Press"
kind = "organization"
evidence = "Contrary Press"

[[organization]]
id = "taotian"
name = "Taotian"
kind = "unit"
evidence = "Taotian"

[[person]]
id = "cainiao"
name = "Cai Niao"
evidence = "Cai Niao"

[[person]]
id = "lin-wan"
name = "Zhang Wei"
evidence = "Zhang Wei"

[[person]]
id = "jiang-fan"
name = "Fan Jiang"
evidence = "Fan Jiang"
"#;

#[test]
fn entities_lists_shared_ids_with_names_and_articles() {
    let out = stdout_of(&[
        "entities",
        &facts_arg("cainiao-restructuring"),
        &facts_arg("alibaba-six-groups-2023"),
    ]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "id\tkind\tnames\tarticles");
    let lin_wan = lines.iter().find(|l| l.starts_with("lin-wan\t")).unwrap();
    assert_eq!(
        *lin_wan,
        "lin-wan\tperson\tLin Wan | Wan Lin\tcainiao-restructuring alibaba-six-groups-2023"
    );
    let taotian = lines.iter().find(|l| l.starts_with("taotian\t")).unwrap();
    assert_eq!(
        *taotian,
        "taotian\torganization (business-group)\tTaotian Group | Taobao Tmall Business Group; also \
         Taotian\tcainiao-restructuring alibaba-six-groups-2023"
    );
}

#[test]
fn the_corpus_has_no_conflicts() {
    let files: Vec<String> = [
        "cainiao-restructuring",
        "alibaba-six-groups-2023",
        "cainiao-ipo-withdrawal-2024",
        "alibaba-ecommerce-group-2024",
        "cainiao-restructuring-second-account-2025",
    ]
    .iter()
    .map(|id| facts_arg(id))
    .collect();
    let mut args = vec!["check".to_owned()];
    args.extend(files);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = stdout_of(&args);
    assert_eq!(out.matches(": ok\n").count(), 5);
}

#[test]
fn check_reports_each_conflict_with_both_locations() {
    let dir = TempDir::new().unwrap();
    let contrary = dir.path().join("contrary.toml");
    std::fs::write(&contrary, CONTRARY).unwrap();
    let seed = facts_arg("cainiao-restructuring");
    let output = newsgraph()
        .args(["check", &seed, contrary.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let c = contrary.to_str().unwrap();
    let expected = [
        format!(
            "error: {c}:18:8: organization `taotian` is unit here but business-group in {seed}:60:8"
        ),
        format!(
            "error: {c}:22:6: `cainiao` is a [[person]] here but a [[organization]] in {seed}:33:6"
        ),
        format!(
            "error: {c}:28:8: person `lin-wan` is named \"Zhang Wei\" here but \"Lin Wan\" in \
             {seed}:228:8"
        ),
        "3 problems found".to_owned(),
    ];
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines, expected, "{stderr}");
}
