//! Fuzz target (c): `import` on any bytes. The first byte picks the reader
//! (a CSV, read as a grid or in the long layout, with or without
//! `--header-row`; or a progression-framework file), the rest is the file.
//! No input may panic or hang: problems are diagnostics, and what an import
//! accepts is checked in memory as the command does.

#![no_main]

use libfuzzer_sys::fuzz_target;

use ladderbook::diagnostics::Diagnostics;
use ladderbook::import::{
    FrameworkFile, ImportOptions, check_imported, import_csv, import_frameworks,
};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let maps = [("Scope".to_string(), "competency".to_string())];
    let options = ImportOptions {
        file: "fuzz.csv",
        title: "Fuzz",
        delimiter: None,
        detailed: selector & 1 == 1,
        header_row: (selector & 2 == 2).then_some(usize::from(selector >> 4) + 1),
        maps: if selector & 4 == 4 { &maps } else { &[] },
    };
    let mut diagnostics = Diagnostics::default();
    let imported = if selector & 8 == 8 {
        let files = [FrameworkFile {
            name: "fuzz.md".into(),
            relative: "fuzz.md".into(),
            bytes: rest.to_vec(),
        }];
        import_frameworks(&files, &options, &mut diagnostics)
    } else {
        import_csv(rest, &options, &mut diagnostics)
    };
    if let Some(imported) = imported {
        let _ = check_imported(&imported.files);
    }
});
