//! The built-in lists, embedded in the binary so the CLI works from any
//! folder. Their sources and licences are in `gazetteers/README.md`.

/// Name and content of every built-in gazetteer file.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    ("places.tsv", include_str!("../../gazetteers/places.tsv")),
    (
        "demonyms.tsv",
        include_str!("../../gazetteers/demonyms.tsv"),
    ),
    (
        "organizations.tsv",
        include_str!("../../gazetteers/organizations.tsv"),
    ),
    ("titles.tsv", include_str!("../../gazetteers/titles.tsv")),
    (
        "given_names.tsv",
        include_str!("../../gazetteers/given_names.tsv"),
    ),
    (
        "triggers.tsv",
        include_str!("../../gazetteers/triggers.tsv"),
    ),
];
