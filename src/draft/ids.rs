//! Record ids for new proposals: lowercase letters and digits joined by single dashes,
//! unique in the draft and distinct from every id the corpus already uses.

use std::collections::BTreeSet;

/// `"Cainiao Smart Logistics"` → `"cainiao-smart-logistics"`; letters outside ASCII are
/// dropped; an empty result becomes `fallback`.
pub fn slug(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in ascii_letters(text).chars().flat_map(char::to_lowercase) {
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

    /// Whether no record uses `id` yet.
    pub fn free(&self, id: &str) -> bool {
        !self.taken.contains(id)
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

/// An organization's name without the legal form it ends with, for its id: "Etykor Kraków
/// Sp. z o.o." → "Etykor Kraków", "Holmvang Line A/S" → "Holmvang Line".
pub fn without_legal_form(name: &str) -> &str {
    static LEGAL_FORM: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?:,?\s+(?:Sp\. z o\.o\.|Co\., Ltd\.?|S\.A\.|S\.p\.A\.|A/S|K\.K\.|Inc\.?|Ltd\.?|Limited|Corp\.?|AG|SE|GmbH|ASA|AS|AB|SA|SpA|Srl|NV|BV|Oy|KG|LLC|LLP|plc|PLC))+$",
        )
        .expect("a valid pattern")
    });
    match LEGAL_FORM.find(name) {
        Some(m) if m.start() > 0 => &name[..m.start()],
        _ => name,
    }
}

/// Latin letters with marks written as the letters they carry them on ("Kraków" → "Krakow",
/// "Inês" → "Ines", "Dvořák" → "Dvorak"), and the few that do not decompose ("Łódź" →
/// "Lodz", "Ærø" → "Aero", "Straße" → "Strasse"); other characters as they are.
pub fn ascii_letters(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        match c {
            '\u{300}'..='\u{36f}' => {}
            'ł' => out.push('l'),
            'Ł' => out.push('L'),
            'ø' => out.push('o'),
            'Ø' => out.push('O'),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("Ae"),
            'œ' => out.push_str("oe"),
            'Œ' => out.push_str("Oe"),
            'ß' => out.push_str("ss"),
            'đ' | 'ð' => out.push('d'),
            'Đ' | 'Ð' => out.push('D'),
            'þ' => out.push_str("th"),
            'Þ' => out.push_str("Th"),
            'ı' => out.push('i'),
            c => out.push(c),
        }
    }
    out
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
        assert_eq!(slug("Etykor Kraków", "x"), "etykor-krakow");
        assert_eq!(slug("Łódź Straße Ærø", "x"), "lodz-strasse-aero");
        assert_eq!(slug("Inês Carvalho", "x"), "ines-carvalho");
        assert_eq!(
            without_legal_form("Etykor Kraków Sp. z o.o."),
            "Etykor Kraków"
        );
        assert_eq!(without_legal_form("Holmvang Line A/S"), "Holmvang Line");
        assert_eq!(
            without_legal_form("Haiyun Electric Co., Ltd."),
            "Haiyun Electric"
        );
        assert_eq!(without_legal_form("AG"), "AG");
        let mut ids = Ids::new(["cainiao".to_owned()]);
        assert_eq!(ids.fresh("cainiao"), "cainiao-2");
        assert_eq!(ids.fresh("cainiao"), "cainiao-3");
        assert_eq!(ids.fresh("temu"), "temu");
    }
}
