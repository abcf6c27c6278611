//! Running the `gfmd-bot` binary as a user does: in a given directory, with the environment
//! overrides removed (so the machine's `DISCORD_TOKEN` or `GFMD_*` settings change nothing) and
//! standard input piped, written, then closed (so nothing waits on a terminal).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Environment variables that would change what the binary does.
const ENVIRONMENT: &[&str] = &[
    "DISCORD_TOKEN",
    "GFMD_DISCORD_API_BASE",
    "GFMD_DISCORD_GATEWAY_URL",
    "GFMD_LOG_FORMAT",
    "GFMD_RESPONSES_DIR",
    "GFMD_DATABASE",
    "RUST_LOG",
    "RUST_BACKTRACE",
    "RUST_LIB_BACKTRACE",
    "NO_COLOR",
];

/// A run of the binary in `dir` with a clean environment.
pub fn gfmd_bot(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gfmd-bot"));
    command.args(args).current_dir(dir);
    for name in ENVIRONMENT {
        command.env_remove(name);
    }
    command
}

/// Runs `command` with `input` on standard input (closed after writing) and collects the result.
pub fn run(mut command: Command, input: impl AsRef<[u8]>) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the gfmd-bot binary starts");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    stdin
        .write_all(input.as_ref())
        .expect("stdin takes the input");
    drop(stdin);
    child.wait_with_output().expect("gfmd-bot finishes")
}

/// The run's standard output.
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

/// The run's standard error.
pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Asserts a zero exit status, showing both streams otherwise.
pub fn assert_success(output: &Output) {
    assert!(
        output.status.success(),
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        output.status,
        stdout(output),
        stderr(output)
    );
}
