//! Whole-document regression snapshots: the readable outline of every text
//! in `tests/texts/`, stored in `snapshots/`. A rule change shows up as a
//! diff a reviewer can read; accept intended changes with
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test --test snapshots`).

use depeche::{InputDocument, Pipeline};
use once_cell::sync::Lazy;

static PIPELINE: Lazy<Pipeline> = Lazy::new(|| Pipeline::builder().build().expect("pipeline"));

#[test]
fn outline_of_every_text() {
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::glob!("texts/*.txt", |path| {
            let text = std::fs::read_to_string(path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            // The id is the file name, not the path, so snapshots do not
            // depend on where the repository is checked out.
            let x = PIPELINE.process(InputDocument::new(name, text));
            insta::assert_snapshot!(depeche::output::outline(&x.record()));
        });
    });
}
