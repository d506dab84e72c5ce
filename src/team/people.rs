//! Files → people. Files name their person (`person`); those that do not
//! are a person each, named by their file. A person's view for the team is
//! the manager's assessment when there is one, else the self-assessment,
//! else the first file; self and manager files are kept to compare.

use std::collections::BTreeMap;

use crate::filled::assessment::{Assessment, Perspective};
use crate::filled::normalise_name;

/// One person and their files (indices into the checked files).
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub name: String,
    /// The file the team report reads for this person.
    pub primary: usize,
    pub self_file: Option<usize>,
    pub manager_file: Option<usize>,
    pub files: Vec<usize>,
}

/// People sorted by name (without case), files in the order given.
pub fn group_people(files: &[Assessment]) -> Vec<Person> {
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, file) in files.iter().enumerate() {
        let key = match &file.person {
            Some(person) => normalise_name(person),
            None => format!("\u{10ffff}{}", file.file),
        };
        by_name.entry(key).or_default().push(index);
    }
    by_name
        .into_values()
        .map(|indices| person(files, indices))
        .collect()
}

fn person(files: &[Assessment], indices: Vec<usize>) -> Person {
    let with = |perspective| {
        indices
            .iter()
            .copied()
            .find(|&i| files[i].perspective == Some(perspective))
    };
    let self_file = with(Perspective::SelfAssessed);
    let manager_file = with(Perspective::Manager);
    let primary = manager_file.or(self_file).unwrap_or(indices[0]);
    let first = &files[indices[0]];
    Person {
        name: first.person.clone().unwrap_or_else(|| first.file.clone()),
        primary,
        self_file,
        manager_file,
        files: indices,
    }
}
