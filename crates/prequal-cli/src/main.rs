//! `prequal`: loan pre-qualification from the command line. The commands live in the
//! `prequal_cli` library; this is only the entry point.
#![forbid(unsafe_code)]

use clap::Parser;
use prequal::Lang;
use prequal_cli::cli::{Cli, Command, PolicyCommand};
use prequal_cli::fail::{Exit, Failure};
use prequal_cli::{advise, classify, files, impact, policy, quote, schedule, screen};
use std::process::ExitCode;

fn main() -> ExitCode {
    // clap prints usage errors itself and exits with 2.
    let cli = Cli::parse();
    let exit = match run(&cli) {
        Ok(exit) => exit,
        Err(failure) => {
            if !failure.is_quiet() {
                let prefix = match cli.lang {
                    Lang::En => "error: ",
                    Lang::ZhCn => "错误：",
                };
                files::say(&format!("{prefix}{}", failure.message(cli.lang)));
            }
            failure.exit()
        }
    };
    ExitCode::from(exit as u8)
}

fn run(cli: &Cli) -> Result<Exit, Failure> {
    let lang = cli.lang;
    match &cli.command {
        Command::Quote(args) => quote::run(args, lang),
        Command::Schedule(args) => schedule::run(args, lang),
        Command::Classify(args) => classify::run(args, lang),
        Command::Screen(args) => screen::run(args, lang),
        Command::Impact(args) => impact::run(args, lang),
        Command::Advise(args) => advise::run(args, lang),
        Command::Policy(PolicyCommand::Validate { file }) => policy::validate(file, lang),
        Command::Policy(PolicyCommand::Schema) => policy::schema(),
    }
}
