//! The ambassador list's rows, fetched once, and searches that answer with
//! positions in them. At 5,000 people a broad search would otherwise ship
//! every matching row over IPC on each keystroke; positions are a few
//! kilobytes. A generation number says when the rows are out of date: the
//! state bumps it whenever a command may have changed the data.

use std::collections::HashMap;

use sanctuary_core::model::AmbassadorDoc;
use sanctuary_core::{AmbassadorQuery, Sanctuary};

/// Where each ambassador sits in the full list of a generation.
pub struct RowIndex {
    pub generation: u32,
    positions: HashMap<String, u32>,
}

/// Everyone, archived included, in list order (the core's: by name).
pub fn everyone(s: &Sanctuary) -> Vec<&AmbassadorDoc> {
    s.search_ambassadors(&AmbassadorQuery {
        include_archived: true,
        ..Default::default()
    })
}

impl RowIndex {
    pub fn new(generation: u32, everyone: &[&AmbassadorDoc]) -> RowIndex {
        let positions = everyone
            .iter()
            .zip(0u32..)
            .map(|(doc, i)| (doc.id().to_string(), i))
            .collect();
        RowIndex {
            generation,
            positions,
        }
    }

    /// Positions of the people matching `query`, in list order.
    pub fn search(&self, s: &Sanctuary, query: &AmbassadorQuery) -> Vec<u32> {
        // The list is sorted already: sorting positions (integers) is all
        // the ordering a search needs.
        let mut found: Vec<u32> = s
            .search_unsorted(query)
            .filter_map(|doc| self.positions.get(doc.id()).copied())
            .collect();
        found.sort_unstable();
        found
    }
}

#[cfg(test)]
mod tests {
    use sanctuary_core::model::{Day, Profile, Status};
    use sanctuary_core::{CreateOptions, KdfParams, SecretString};

    use super::*;

    #[test]
    fn positions_point_at_the_rows_a_search_finds_in_list_order() {
        let dir = tempfile::tempdir().unwrap();
        let options = CreateOptions {
            kdf: KdfParams::MINIMUM,
            ..Default::default()
        };
        let pass = SecretString::from("correct horse battery");
        let mut s = Sanctuary::create(&dir.path().join("s"), &pass, &options).unwrap();
        for (name, region) in [("Zara", "Leeds"), ("amina", "Wales"), ("Bilal", "Leeds")] {
            let mut p = Profile::new(String::new(), name, region, Day::today());
            p.status = Status::Active;
            s.add_ambassador(p).unwrap();
        }
        let all = everyone(&s);
        let names: Vec<_> = all
            .iter()
            .map(|d| d.profile.display_name.as_str())
            .collect();
        assert_eq!(names, ["amina", "Bilal", "Zara"]);
        let index = RowIndex::new(7, &all);
        let leeds = AmbassadorQuery {
            text: Some("leeds".into()),
            ..Default::default()
        };
        let found = index.search(&s, &leeds);
        assert_eq!(found, [1, 2]);
        let direct: Vec<_> = s
            .search_ambassadors(&leeds)
            .iter()
            .map(|d| d.id())
            .collect();
        let via: Vec<_> = found.iter().map(|&i| all[i as usize].id()).collect();
        assert_eq!(via, direct);
    }
}
