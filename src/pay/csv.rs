//! `ladderbook pay --format csv`: one row per zone and level, for a
//! spreadsheet (`next_min_ratio` empty where a level has no next band).

use super::money::plain;
use super::report::PayReport;

pub const CSV_COLUMNS: [&str; 12] = [
    "zone",
    "currency",
    "per",
    "track",
    "level",
    "level_code",
    "level_title",
    "rank",
    "min",
    "max",
    "next_min_ratio",
    "equivalent",
];

pub fn render_csv(report: &PayReport) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(CSV_COLUMNS)
        .expect("writing to memory cannot fail");
    for zone in &report.zones {
        for row in &zone.rows {
            writer
                .write_record([
                    zone.id.as_str(),
                    &zone.currency,
                    zone.per.unit_text(),
                    &row.track,
                    &row.level,
                    row.code.as_deref().unwrap_or(""),
                    &row.title,
                    &row.rank.to_string(),
                    &row.min.map(plain).unwrap_or_default(),
                    &row.max.map(plain).unwrap_or_default(),
                    &row.next_min_ratio
                        .map(|r| format!("{r:.2}"))
                        .unwrap_or_default(),
                    row.equivalent.as_deref().unwrap_or(""),
                ])
                .expect("writing to memory cannot fail");
        }
    }
    String::from_utf8(writer.into_inner().expect("memory writer flushes"))
        .expect("CSV of UTF-8 text is UTF-8")
}
