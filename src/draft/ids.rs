//! Record ids for new proposals: lowercase letters and digits joined by single dashes,
//! unique in the draft and distinct from every id the corpus already uses.

use std::collections::BTreeSet;

/// `"Cainiao Smart Logistics"` → `"cainiao-smart-logistics"`; letters outside ASCII are
/// dropped; an empty result becomes `fallback`.
pub fn slug(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else if !(c == '\'' || c == '’' || c == '.') {
            dash = true;
        }
    }
    if out.is_empty() {
        fallback.to_owned()
    } else {
        out
    }
}

/// Ids taken so far: the corpus's and the draft's own.
#[derive(Debug, Default, Clone)]
pub struct Ids {
    taken: BTreeSet<String>,
    /// The next suffix to try for a base, so that many ids of one base stay cheap.
    next: std::collections::BTreeMap<String, usize>,
}

impl Ids {
    /// Starts with the ids that new records must not use.
    pub fn new(taken: impl IntoIterator<Item = String>) -> Ids {
        Ids {
            taken: taken.into_iter().collect(),
            next: std::collections::BTreeMap::new(),
        }
    }

    /// Marks an id as used (a reused corpus id, for instance).
    pub fn take(&mut self, id: &str) {
        self.taken.insert(id.to_owned());
    }

    /// A new id from `base`, with `-2`, `-3`… appended when it is taken.
    pub fn fresh(&mut self, base: &str) -> String {
        let mut id = base.to_owned();
        let n = self.next.entry(base.to_owned()).or_insert(2);
        while self.taken.contains(&id) {
            id = format!("{base}-{n}");
            *n += 1;
        }
        self.taken.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_valid_ids() {
        assert_eq!(slug("JD.com’s platform", "x"), "jdcoms-platform");
        assert_eq!(
            slug("Cainiao  Smart-Logistics", "x"),
            "cainiao-smart-logistics"
        );
        assert_eq!(slug("菜鸟", "org"), "org");
        let mut ids = Ids::new(["cainiao".to_owned()]);
        assert_eq!(ids.fresh("cainiao"), "cainiao-2");
        assert_eq!(ids.fresh("cainiao"), "cainiao-3");
        assert_eq!(ids.fresh("temu"), "temu");
    }
}
