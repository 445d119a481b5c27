//! Every example firm evaluates against every example pack without error, and the example
//! firms show what their names say under the bundled pack.

use prequal::report::Verdict;
use prequal::{evaluate, Firm, Policy};
use std::path::{Path, PathBuf};

fn json_files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples").join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_example_firm_against_every_example_pack() {
    let packs = json_files("packs");
    let firms = json_files("firms");
    assert!(!packs.is_empty() && firms.len() >= 3);
    for pack in &packs {
        let policy = Policy::from_json(&read(pack)).unwrap_or_else(|e| panic!("{}: {e}", pack.display()));
        for file in &firms {
            let firm = Firm::from_json(&read(file)).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let report = evaluate(&policy, &firm, policy.market.as_of).unwrap();
            assert_eq!(report.quotes.len() + report.excluded.len(), policy.products.len());
            assert!(report.quotes.iter().all(|q| q.error.is_none()), "{} × {}", pack.display(), file.display());
        }
    }
}

#[test]
fn example_firms_are_what_their_names_say() {
    let policy = Policy::default_pack();
    let best = |name: &str| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/firms").join(name);
        let firm = Firm::from_json(&read(&path)).unwrap();
        evaluate(&policy, &firm, policy.market.as_of).unwrap().quotes[0].verdict
    };
    assert_eq!(best("eligible.json"), Verdict::Eligible);
    assert_eq!(best("needs-info.json"), Verdict::NeedsInfo);
    assert_eq!(best("ineligible.json"), Verdict::Ineligible);
}

/// A firm cannot state its size class: an unknown size asks for the figures its industry needs.
#[test]
fn unknown_size_asks_for_the_missing_figures() {
    let policy = Policy::default_pack();
    let firm = Firm::from_json(r#"{"industry": "industry", "employees": 30}"#).unwrap();
    let report = evaluate(&policy, &firm, policy.market.as_of).unwrap();
    let sme = report.quotes.iter().flat_map(|q| &q.criteria).find(|c| c.id == "sme").unwrap();
    let hint = sme.hint.as_ref().unwrap();
    assert_eq!((hint.en.as_str(), hint.zh_cn.as_str()), ("provide operating revenue", "请提供营业收入"));
}
