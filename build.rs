//! Deflates the dev sets (`tests/devset*.tsv`) into `OUT_DIR`, where `src/devset.rs` includes
//! them. The matcher reads every dev set at start-up to build its memory of examples; compiled
//! in as plain text, their 3 MB of read-only pages would stay resident in the bot for its whole
//! life, while deflated they take under 1 MB (BENCHMARKS.md, "Memory and start-up").

use std::path::Path;
use std::{env, fs};

/// miniz's highest level: the build does the work once; inflating at start-up reads the same
/// format whatever the level.
const LEVEL: u8 = 10;

fn main() {
    // Each dev set file, and the list of them: a file newly listed in `src/devset.rs` runs this
    // again, which finds it (watching all of `tests/` would rebuild the crate for any test edit).
    println!("cargo::rerun-if-changed=src/devset.rs");
    let out = env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let out = Path::new(&out);
    let entries = fs::read_dir("tests").expect("tests/ holds the dev sets");
    for entry in entries {
        let path = entry.expect("tests/ can be listed").path();
        let Some(name) = path.file_name().and_then(|name| name.to_str()) else {
            continue;
        };
        if !(name.starts_with("devset") && name.ends_with(".tsv")) {
            continue;
        }
        println!("cargo::rerun-if-changed={}", path.display());
        let text = fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let deflated = miniz_oxide::deflate::compress_to_vec(&text, LEVEL);
        let target = out.join(format!("{name}.deflate"));
        fs::write(&target, deflated)
            .unwrap_or_else(|error| panic!("{}: {error}", target.display()));
    }
}
