//! The `depeche` command: a thin layer over the library (see `cli/`).

mod cli;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc rather than the system allocator: the stages make many small,
/// short-lived allocations per document, where glibc malloc took about a
/// sixth of the run time and contended across threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (`mi_option_e` in its `mimalloc.h`,
/// v3): how long freed memory stays ready for reuse before it goes back to
/// the system.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // Each batch frees and allocates again about as much memory as the last:
    // given back to the system after mimalloc's default 10 ms, it came back
    // zeroed page by page, a tenth of the run time in the kernel. One second
    // keeps it across batches and still returns it when a stream stalls.
    // SAFETY: sets one integer option, before any other thread exists.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 1000) };
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
