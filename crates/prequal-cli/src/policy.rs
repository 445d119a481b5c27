//! Loading policy packs, and `prequal policy validate|schema`.

use crate::fail::{separator, Exit, Failure};
use crate::files;
use prequal::{Error, Lang, Policy};
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

/// Every problem of a pack's text. A pack that does not parse has exactly one (serde stops
/// at the first); a parsed pack lists everything `Policy::problems` finds.
fn problems(text: &str, path: &Path) -> Vec<Failure> {
    let found = |errors: Vec<Error>| errors.into_iter().map(|e| Failure::engine(e).within(path.display())).collect();
    let mut policy: Policy = match prequal::json::from_str(text) {
        Ok(policy) => policy,
        Err(error) => return found(vec![error]),
    };
    let Err(first) = policy.prepare() else {
        return Vec::new();
    };
    // `prepare` first normalises values (text to numbers), which stops at its first error;
    // only when that succeeded is the pack whole enough for `problems` to be meaningful.
    let all = policy.problems();
    if all.first() == Some(&first) {
        found(all)
    } else {
        found(vec![first])
    }
}

/// `prequal policy schema`: the JSON Schema of packs.
pub fn schema() -> Result<Exit, Failure> {
    files::print(&prequal::schema::policy_schema())?;
    Ok(Exit::Ok)
}
