//! The one place that reads an expectation's text out of the model, so a
//! change to what an expectation item holds (examples, cumulative levels:
//! issue 21) is absorbed here and not in every comparison.

use crate::content::model::{Cell, Html, Item};

/// The text an expectation is compared and shown by: its Markdown as
/// written, without surrounding blank space. An item's examples illustrate
/// it: they do not decide which items pair, and are compared once paired
/// (`cell_examples`).
pub fn expectation_text(item: &Item) -> &str {
    item.text.source.trim()
}

/// Every expectation of a cell, in the order the book lists them.
pub fn cell_texts(cell: &Cell) -> Vec<&str> {
    cell.items.iter().map(expectation_text).collect()
}

/// The examples of every expectation of a cell, as written, in order.
pub fn cell_examples(cell: &Cell) -> Vec<Vec<&str>> {
    cell.items
        .iter()
        .map(|item| item.examples.iter().map(|e| e.source.trim()).collect())
        .collect()
}

/// An optional Markdown field's text as written (`None` when absent).
pub fn field_text(field: Option<&Html>) -> Option<&str> {
    field.map(|html| html.source.trim())
}
