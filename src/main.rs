//! The `depeche` command: a thin layer over the library (see `cli/`).

mod cli;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc rather than the system allocator: the stages make many small,
/// short-lived allocations per document, where glibc malloc took about a
/// sixth of the run time and contended across threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::args::Cli::parse();
    match cli::run(args) {
        Ok(outcome) => outcome.exit_code(),
        Err(err) if cli::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("depeche: {err:#}");
            ExitCode::from(2)
        }
    }
}
