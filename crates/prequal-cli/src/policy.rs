//! Loading policy packs, and `prequal policy validate|schema`.

use crate::fail::{separator, Exit, Failure};
use crate::files;
use prequal::{Lang, Policy};
use std::path::Path;

/// The pack at `path`, or the bundled default pack. Errors name the file and JSON path.
pub fn load(path: Option<&Path>, lang: Lang) -> Result<Policy, Failure> {
    match path {
        Some(path) => files::parse_document(path, lang, Policy::from_json),
        None => Policy::try_default().map_err(|e| Failure::engine(e).within("default pack")),
    }
}

/// `prequal policy validate FILE`: every problem, one per line on stdout; exit 2 if any.
pub fn validate(path: &Path, lang: Lang) -> Result<Exit, Failure> {
    let problems = match files::parse_document(path, lang, |text| Ok(problems(text, path))) {
        Ok(problems) => problems,
        Err(failure) if failure.is_engine() => vec![failure],
        Err(unreadable) => return Err(unreadable),
    };
    let mut out = String::new();
    for problem in &problems {
        out.push_str(&problem.message(lang));
        out.push('\n');
    }
    let file = path.display();
    let sep = separator(lang);
    let verdict = match (problems.len(), lang) {
        (0, Lang::En) => format!("{file}{sep}ok\n"),
        (0, Lang::ZhCn) => format!("{file}{sep}检查通过\n"),
        (n, Lang::En) => format!("{file}{sep}{n} problem(s)\n"),
        (n, Lang::ZhCn) => format!("{file}{sep}发现 {n} 个问题\n"),
    };
    out.push_str(&verdict);
    files::print(&out)?;
    Ok(if problems.is_empty() { Exit::Ok } else { Exit::Usage })
}

/// Every problem of a pack's text: one if it does not parse (serde stops at the first),
/// else everything validation finds.
fn problems(text: &str, path: &Path) -> Vec<Failure> {
    Policy::problems_in_json(text).into_iter().map(|e| Failure::engine(e).within(path.display())).collect()
}

/// `prequal policy schema`: the JSON Schema of packs.
pub fn schema() -> Result<Exit, Failure> {
    files::print(&prequal::schema::policy_schema())?;
    Ok(Exit::Ok)
}
