//! `prequal`: loan pre-qualification from the command line. Every command is a thin shell
//! around the `prequal` core; this crate only reads, writes and explains.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

mod classify;
mod cli;
mod fail;
mod files;
mod parse;
mod policy;
mod quote;
mod render;
mod schedule;
mod screen;
mod table;

use clap::Parser;
use cli::{Cli, Command, PolicyCommand};
use fail::{Exit, Failure};
use prequal::Lang;
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
        Command::Policy(PolicyCommand::Validate { file }) => policy::validate(file, lang),
        Command::Policy(PolicyCommand::Schema) => policy::schema(),
    }
}
