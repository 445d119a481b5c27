use crate::prequal;
use predicates::str::contains;

#[test]
fn every_command_has_help_with_an_example() {
    let commands: &[&[&str]] = &[
        &[],
        &["quote"],
        &["schedule"],
        &["classify"],
        &["screen"],
        &["impact"],
        &["policy", "validate"],
        &["policy", "schema"],
    ];
    for command in commands {
        let mut args = command.to_vec();
        args.push("--help");
        prequal().args(&args).assert().success().stdout(contains("Example")).stdout(contains("prequal "));
    }
}

#[test]
fn quote_help_says_the_date_is_not_the_clock() {
    prequal()
        .args(["quote", "--help"])
        .assert()
        .success()
        .stdout(contains("market.as_of"))
        .stdout(contains("not the clock"));
}

#[test]
fn usage_errors_exit_2() {
    prequal().assert().code(2);
    prequal().args(["frobnicate"]).assert().code(2);
    prequal().args(["quote"]).assert().code(2).stderr(contains("--firm"));
    prequal().args(["quote", "--firm", "examples/firms/eligible.json", "--format", "xml"]).assert().code(2);
    prequal().args(["--lang", "fr", "policy", "schema"]).assert().code(2).stderr(contains("zh-CN"));
}

#[test]
fn version_is_the_crate_version() {
    prequal().arg("--version").assert().success().stdout(contains(env!("CARGO_PKG_VERSION")));
}
