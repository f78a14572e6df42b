//! Organizations and people: names found in the text, matched against the corpus.
//!
//! A name is a run of capitalised words (`Alibaba International Digital Commerce Group`,
//! `4PX Express`, `JD.com`), joined by `and`/`of` only inside an organization name
//! (`Taobao and Tmall Group`). A known name from the corpus wins, and a known organization
//! followed only by organization words (`Cainiao Smart Logistics Network`) is the known
//! organization under another name. An unknown name is an organization when it ends in an
//! organization word, is written like a brand (`AliExpress`, `36Kr`) or stands where
//! organizations stand ("contracts with Temu"); a person when a title, a role or a verb of
//! speech is next to it ("Joe Tsai, chairman of", "Daniel Zhang will serve as"). Other names
//! are left as commented-out stubs. Unnamed sources are found by [`super::sources`].

use super::found::Found;
use super::ids::{Ids, slug};
use super::known::{How, KnownNames};
use super::segment::Doc;
use super::segment::patterns;
use super::{EntityKind, Stub};
use crate::facts::OrgKind;
use crate::facts::corpus::Entity as Known;
use crate::text::quantities::MONTHS;
use crate::text::words::name_words;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Last words that make a name an organization's.
const ORG_WORDS: &[&str] = &[
    "Group",
    "Network",
    "Express",
    "Global",
    "Inc",
    "Inc.",
    "Ltd",
    "Ltd.",
    "Limited",
    "Corp",
    "Corp.",
    "Corporation",
    "Company",
    "Co",
    "Co.",
    "Holdings",
    "Holding",
    "Exchange",
    "Bank",
    "Capital",
    "Logistics",
    "Technologies",
    "Technology",
    "Fund",
    "Partners",
    "Association",
    "Ministry",
    "Agency",
    "Commission",
    "Post",
    "Airlines",
    "Media",
    "Services",
    "Platform",
    "Supermarket",
    "Times",
    "News",
    "Press",
    "Labs",
    "Ventures",
    "Securities",
    "Motors",
    "Systems",
    "Controls",
    "Solutions",
    "Institute",
    "University",
    "Council",
    "Authority",
    "Office",
    "Entertainment",
    "Cloud",
    "Works",
    "Research",
    "Station",
    "Foods",
    "Energy",
    "Industries",
    "Mobility",
    "Shipping",
    "Pharma",
    "Insurance",
    "Robotics",
    "Materials",
    "Electronics",
    "Automotive",
    "Telecom",
    "Freight",
    "Forwarding",
    "Cargo",
    "Terminals",
    "AG",
    "SE",
    "GmbH",
    "ASA",
    "plc",
    // Legal forms of other countries, and the words of trades a firm's name ends in.
    "AS",
    "AB",
    "SA",
    "S.A.",
    "SpA",
    "Srl",
    "NV",
    "BV",
    "Oy",
    "OÜ",
    "KG",
    "LLC",
    "LLP",
    "PLC",
    "Software",
    "Marine",
    "Offshore",
    "Airways",
    "Rail",
    "Buses",
    "Transport",
    "Finance",
    "Financial",
    "Investments",
    "Kapital",
    "Pank",
    "Logistik",
    "Intralogistik",
    "Kliniken",
    "Clinics",
    "Hospital",
    "Publishing",
    "Broadcasting",
    "Metals",
    "Minerals",
    "Resources",
    "Mining",
    "Steel",
    "Cable",
    "Textiles",
    "Mills",
    "Dyers",
    "Tailoring",
    "Seeds",
    "Forum",
    "Alliance",
    "Federation",
    "Union",
    "Cooperative",
    "Trust",
    "Vehicles",
    "Aerospace",
    "Engineering",
    "Construction",
    "Consulting",
    // Trades and kinds of business a firm's name often ends in.
    "Couriers",
    "Courier",
    "Bakery",
    "Bakeries",
    "Brewery",
    "Breweries",
    "Dairy",
    "Dairies",
    "Mill",
    "Wines",
    "Trading",
    "Traders",
    "Upholstery",
    "Healthcare",
    "Diagnostics",
    "Pharmacy",
    "Pharmaceuticals",
    "Medical",
    "Bio",
    "Biotech",
    "Lines",
    "Shipyard",
    "Verft",
    "Varv",
    "Ferjeselskap",
    "Furniture",
    "Farms",
    "Estates",
    "Analytics",
    "Analytik",
    "Instruments",
    "Devices",
    "Packaging",
    "Plastics",
    "Chemicals",
    "Aviation",
    "Enerji",
    "Energie",
    "Lodge",
    "Kitchens",
    "Catering",
    "Airline",
    "Telecoms",
    "Semiconductor",
    "Semiconductors",
    "Batteries",
    "Ceramics",
    "Glass",
    "Paper",
    "Printing",
    "Printers",
    "Outfitters",
    "Apparel",
    "Brands",
    "Retail",
    "Stores",
    "Markets",
    "Hotels",
    "Resorts",
    "Properties",
    "Realty",
    "Developments",
    "Builders",
    "Contractors",
    "Hydraulics",
    "Valves",
    "Pumps",
    "Drives",
    "Drilling",
    "Haulage",
    "Storage",
    "Warehousing",
    "Distribution",
];

/// The words a publication's name ends in ("told Veterinary Industry Review").
const PUBLICATION_WORDS: &[&str] = &[
    "Review",
    "Journal",
    "Weekly",
    "Daily",
    "Gazette",
    "Herald",
    "Tribune",
    "Chronicle",
    "Observer",
    "Telegraph",
    "Monthly",
    "Magazine",
    "Radio",
];

/// Legal forms: a name that only adds one to another names the same organization.
const LEGAL_FORMS: &[&str] = &[
    "Inc", "Inc.", "Ltd", "Ltd.", "Limited", "Corp", "Corp.", "Co", "Co.", "AG", "SE", "GmbH",
    "ASA", "AS", "AB", "SA", "S.A.", "SpA", "Srl", "NV", "BV", "Oy", "OÜ", "KG", "LLC", "LLP",
    "plc", "PLC",
];

/// Legal forms written with dots, slashes or spaces inside, or after a comma: each is read as
/// one word of the name before it, which it ends and makes an organization's ("Echigo
/// Metalworks K.K.", "Holmvang Coldchain A/S", "Etykor Kraków Sp. z o.o.", "Ferrocarril del
/// Norte, S.A. de C.V."). Longest first where one begins another.
const SPELLED_LEGAL_FORMS: &[&str] = &[
    "GmbH & Co. KG",
    "AG & Co. KG",
    "S.A.B. de C.V.",
    "S.A. de C.V.",
    "Sp. z o.o.",
    "Co., Ltd.",
    "Co. Ltd.",
    "Pty. Ltd.",
    "Pty Ltd",
    "Sdn. Bhd.",
    "Sdn Bhd",
    "S.à r.l.",
    "S.p.A.",
    "S.r.l.",
    "S.A.S.",
    "S.A.C.",
    "L.L.C.",
    "K.K.",
    "A/S",
    "N.V.",
    "B.V.",
    "S.L.",
    "S.A.",
    "s.r.o.",
    "a.s.",
    "d.o.o.",
    "A.Ş.",
    "Kft.",
    "Zrt.",
    "Nyrt.",
    "Ltda.",
];

/// Whether a word is one of [`ORG_WORDS`] or a spelled legal form.
fn org_word(word: &&str) -> bool {
    ORG_WORDS.contains(word) || SPELLED_LEGAL_FORMS.contains(word)
}

/// A name's words, a spelled legal form at its end one of them ("Etykor Kraków Sp. z o.o.":
/// "Etykor", "Kraków", "Sp. z o.o."; "Norte, S.A. de C.V.": "Norte", "S.A. de C.V.").
fn name_words_of(name: &str) -> Vec<&str> {
    let form = SPELLED_LEGAL_FORMS.iter().find(|f| {
        name.strip_suffix(**f)
            .is_some_and(|head| head.ends_with(' ') && !head.trim().is_empty())
    });
    match form {
        Some(f) => {
            let head = name[..name.len() - f.len()]
                .trim_end()
                .trim_end_matches(',');
            head.split_whitespace().chain([*f]).collect()
        }
        None => name.split_whitespace().collect(),
    }
}

/// The spelled legal forms written after a comma ("Ferrocarril del Norte, S.A. de C.V.").
const LEGAL_FORMS_AFTER_COMMA: &[&str] = &["S.A.B. de C.V.", "S.A. de C.V."];

/// The spelled legal form ([`SPELLED_LEGAL_FORMS`]) that `text` opens with, if a word's end or
/// the text's follows it.
fn spelled_legal_form(text: &str) -> Option<&'static str> {
    SPELLED_LEGAL_FORMS.iter().copied().find(|f| {
        text.starts_with(f)
            && !text[f.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '/')
    })
}

/// Last words that end an organization's name for sure: an `and` after them starts another.
const STRONG_ORG_WORDS: &[&str] = &[
    "Group",
    "Inc",
    "Inc.",
    "Ltd",
    "Ltd.",
    "Supermarket",
    "Global",
    "Express",
    "Network",
    "Exchange",
    "Holdings",
    "Corp",
    "Corp.",
    "Company",
    "Limited",
];

/// Words that may follow a known organization's name without making another name of it.
const GENERIC_ORG_WORDS: &[&str] = &[
    "Group",
    "Smart",
    "Logistics",
    "Network",
    "Holdings",
    "Holding",
    "Inc",
    "Inc.",
    "Ltd",
    "Ltd.",
    "Limited",
    "Co",
    "Co.",
    "Corp",
    "Corp.",
    "Corporation",
    "Company",
];

/// Words that break a name and point at a person next to them.
const ROLE_WORDS: &[&str] = &[
    "CEO",
    "CFO",
    "COO",
    "CTO",
    "Chairman",
    "Chairwoman",
    "President",
    "Founder",
    "Chief",
    "Executive",
    "Officer",
    "Mr",
    "Mr.",
    "Ms",
    "Ms.",
    "Mrs",
    "Mrs.",
    "Dr",
    "Dr.",
    "Director",
    "Vice",
    "Professor",
    "Analyst",
];

/// Capitalised words that are not names (besides the months).
const NOT_NAMES: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "IPO",
    "GMV",
    "AI",
    "USD",
    "EUR",
    "CNY",
    "HKD",
    "GBP",
    "JPY",
    "RMB",
    "FY",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "I",
    "I'm",
    "I’m",
    "I've",
    "I’ve",
    "I'd",
    "I’d",
    "I'll",
    "I’ll",
    "OK",
    "TV",
    "R&D",
    "M&A",
];

/// Adjectives of nationality and region: capitalised, but not names.
const DEMONYMS: &[&str] = &[
    "Chinese",
    "American",
    "European",
    "Asian",
    "Japanese",
    "Korean",
    "Indian",
    "British",
    "German",
    "French",
    "Western",
    "Eastern",
    "Southeast",
    "African",
    "English",
    "Russian",
];

/// Capitalised at the start of a sentence only because they start it.
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "Since",
    "Once",
    "Each",
    "Its",
    "It",
    "This",
    "That",
    "These",
    "Those",
    "Today",
    "However",
    "Recently",
    "Where",
    "When",
    "While",
    "With",
    "After",
    "Before",
    "Over",
    "Under",
    "Until",
    "About",
    "As",
    "But",
    "And",
    "Or",
    "If",
    "Our",
    "Their",
    "His",
    "Her",
    "We",
    "They",
    "He",
    "She",
    "There",
    "Here",
    "Some",
    "Many",
    "Most",
    "All",
    "Both",
    "Also",
    "Then",
    "Now",
    "Yet",
    "Still",
    "Only",
    "Why",
    "How",
    "What",
    "Who",
    "Which",
    "Although",
    "Though",
    "Because",
    "During",
    "Despite",
    "According",
    "Meanwhile",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Once",
    "Every",
    "Other",
];

patterns! {
    /// Lowercase nouns that, just before a name, say it is an organization's (with every
    /// noun of a kind of organization, `places::KIND`).
    ORG_BEFORE = format!(
        r"(?:\b(?:marketplace|platform|company|firm|rival|rivals|retailer|subsidiary|subsidiaries|outlet|outlets|publisher|brand|app|startup|operator|carrier|airline|bank|giant|group|unit|clients?|customers?|partners?|providers?|competitors?|such as|like|contracts? with|partnerships? with|agreements? with|told|relayed by|reported by|published by|owned by|acquired|by the|deal with|arm|subsidiary of|part of|a unit of|a division of|member of|called|to be called|will trade as|trades as|renamed|(?:CEO|CFO|COO|CTO|chief executive officer|chief executive|chief financial officer|chief operating officer|chief technology officer|chief commercial officer|managing director|general manager|chairman|president|head|founder) of)\s+(?:the\s+)?|\b(?i:the|its|their|a|an)\s+(?:[\w-]+\s+){{0,3}}?(?:automaker|conglomerate|parent|division|unit|subsidiary|arm|affiliate|business|shipper|recycler|forwarder|regulator|platform|venture|joint venture|spin-off|owner|buyer|acquirer|rival|partner|client|customer|brewer|brewery|smelter|importer|shipowner|shipping line|dairy|maintainer|{}),?\s+|[,(]\s*)$",
        super::places::KIND
    );

    /// A role and a person's name after a name: it is the organization whose role the person
    /// holds ("Holmvang Line chief executive Jens Aagaard", "Gannet Connect's president, Claire
    /// Boudreau"), even where its last word also speaks alone elsewhere ("Line said").
    ORG_ROLE_PERSON = r"^(?:['’]s)?\s+(?:(?:senior|new|former)\s+)?(?:CEO|CFO|COO|CTO|chief executive officer|chief executive|chief financial officer|chief operating officer|chief technology officer|president|managing director|chairman|chairwoman|chair)\s*,?\s+[A-Z][a-z]+\s+[A-Z]";

    /// An apposition after a name that says what kind of organization it is: "Brockhurst
    /// Pies, the family-owned bakery", "Clee Hill Dairy, a farmer-owned co-operative" (with
    /// every noun of `places::KIND`).
    ORG_APPOSITIVE = format!(
        r"^,\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,3}}?(?:bakery|supermarket|automaker|conglomerate|subsidiary|business|shipper|recycler|forwarder|regulator|platform|station|partnership|broadcaster|newspaper|{})\b",
        super::places::KIND
    );

    /// After a place's name, the words that describe an organization by it and the
    /// organization's name: " investment firm Vistula".
    PLACE_DESCRIBES = format!(r"^(?:-based)?\s+(?:[a-z][a-z&-]*\s+){{0,3}}?{}\s+[A-ZÀ-ÞĀ-ž]", super::places::KIND);
    /// The same words closing an apposition, after "the" or "a" ("Etykor, the Łódź label
    /// printer,"): " label printer,".
    PLACE_DESCRIBES_APPOSED = format!(r"^(?:-based)?\s+(?:[a-z][a-z&-]*\s+){{0,3}}?{}\s*[,.;)]", super::places::KIND);
    /// What follows the place of a dateline: a comma and a capital, a slash and another
    /// place, a parenthesis, or a dash ("MONTERREY — ").
    DATELINE_AFTER = r"^\s*(?:,\s*[A-Z]|/[A-Z]{2}|\(|[-–—]\s)";

    /// A dateline's start before a word inside it: "NAIROBI/", "NAIROBI/KERICHO, ",
    /// "GRAZ, Austria, ".
    DATELINE_OPENING = r"^[A-Z]{2}[A-Z .'’-]*(?:/[A-Z]{2}[A-Z .'’-]*)*(?:/|,[^()\n]{0,40})$";

    /// The rest of a dateline after a word inside it: up to a credit in parentheses and a
    /// dash, or a dash.
    DATELINE_REST = r"^[^()\n]{0,40}?(?:\([A-Z][^()\n]{1,40}\)\s*)?[-–—]\s";

    /// Words after a name that say it is an organization's: "Cainiao CEO", "a Cainiao employee".
    ORG_AFTER = r"^(?:['’]s)?\s+(?:(?:senior|mid-level|former|top|new)\s+)?(?:CEO|CFO|COO|CTO|chief executive|chief financial officer|chief operating officer|chief technology officer|chief commercial officer|president|managing director|founder|co-founder|chairman|executive|executives|employee|employees|manager|managers|spokesperson|subsidiary|division|unit|team|teams|shareholders|board|staff)\b";

    /// A passive verb after a name that only an organization takes: "X was founded", "X
    /// has been owned".
    FOUNDED_AFTER = r"^\s+(?:was|were|is|has been|had been|will be)\s+(?:now\s+)?(?:\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)\s+|wholly\s+|majority[- ]|partly\s+)?(?:founded|co-founded|set up|established|started|incorporated|acquired|bought|owned|listed)\b";

    /// Appointing someone to a post, which an organization does: "X has appointed Y as
    /// chief operating officer", "X appoints Y".
    APPOINTS_AFTER = r"^\s+(?:(?:has|have|had|will|would)\s+)?(?:appointed|appoints|appoint)\b";

    /// A list context after a name: "A, B and other outlets".
    LIST_AFTER = r"^\s*(?:,|and)\s+(?:and\s+)?other\s+(?:outlets|reports|companies|firms|media|platforms|publications)\b";

    /// Words after a name that say it is a person's.
    PERSON_AFTER = format!(
        r"^(?:['’]s)?\s*(?:,\s*(?:(?:a|an|the|until then|then|now|its|his|her|who|also|former)\s+)*(?:[\w’'-]+\s+){{0,4}}?(?:CEO|CFO|COO|CTO|chief executive|chairman|chairwoman|chair|president|founder|executive|officer|director|manager|head|analyst|spokesperson|spokesman|spokeswoman|partner|employee|co-founder|vice|treasurer|secretary|[a-z]+ist|{OCCUPATIONS}|{KIN})(?:[^\w-]|$)|,\s*\d{{2}},|\s+\(\d{{2}}\)|,?\s+(?:(?:who|will|would|has|had|is|was|also|to)\s+)*(?:(?:continue\s+to|now|then|previously|directly|later)\s+)*(?:said|says|told|tells|stated|explained|added|adds|wrote|noted|argued|recalled|serve|served|serves|report|reports|reported|joined|leads|led|heads|headed|run|runs|founded|became|becomes|become|join|joins|succeed|succeeds|succeeded|replace|replaces|replaced|takes over|took over|take over|step down|steps down|stepped down|retire|retires|retired|chairs|chaired)\b)"
    );

    /// "by" right after a verb: the verb is passive ("led by").
    PASSIVE_BY = r"^\s+by\b";

    /// The verbs after a name that, passive, say the name is an organization's: "X, led by
    /// Y", "X, headed by Y", "X, founded by Y".
    PASSIVE_LEADS = r"(?:^|\s)(?:led|headed|run|founded)$";

    /// A verb of heading before a name, after an auxiliary or "to": "will head", "to lead".
    HEADS_BEFORE = format!(
        r"\b(?:{})\s+(?:head|chair|lead|run)\s*$",
        super::roles::AUXILIARIES
    );

    /// A one-word name used as a person's: "Ness said", "Ms Ashcombe".
    SURNAME_SPEAKS = r"\b(?<a>[A-Z][a-z]\w+)\s+(?:said|says|told|tells|added|adds|recalled|argued|wrote|laughed|retired)\b|\b(?:Mr|Ms|Mrs|Dr)\.?\s+(?<b>[A-Z][a-z]\w+)";

    /// Words before a name that say it is a person's.
    PERSON_BEFORE = format!(
        r"(?:\b(?:CEO|CFO|COO|CTO|chief executive officer|chief executive|chief|chairman|chairwoman|president|founder|co-founder|executive|officer|director|head|manager|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Councillor|Professor|Prof\.|led by|written by|headed by|run by|succeeded by|replaced by|hand over to|hands over to|handed over to|according to|said|says|told|spokesperson|analyst|chair|chairperson|spokesman|spokeswoman|succeed|succeeds|succeeded|replace|replaces|replaced|(?:founded|co-founded|set up|started|established)(?:\s+in\s+\d{{4}})?\s+by(?:\s+the\s+(?:{OCCUPATIONS}|[a-z]+ists?|[a-z]+ers))?|appointed|named|hired|promoted|treasurer|secretary|successor|predecessor|fellow [\w-]+|(?:the|a|an)\s+[a-z]+ists?|{OCCUPATIONS}|{KIN}|{TITLE_HEADS})\s*,?\s*)$",
        TITLE_HEADS = super::roles::TITLE_HEADS.join("|")
    );
}

/// Occupations: a name next to one is a person's ("the pharmacist Anton Halbrand", "Wei
/// Songlin, a former engineer"). One alternation of a regular expression.
const OCCUPATIONS: &str = "accountant|architect|author|banker|breeder|broker|buyer|chef|consultant|councillor|designer|driver|economist|editor|engineer|entrepreneur|farmer|hotelier|investor|journalist|lawyer|metallurgist|pharmacist|pilot|planner|professor|reporter|researcher|scientist|teacher|trader|writer";

/// Kin: a name next to one is a person's ("Clare's grandfather", "his brother-in-law").
const KIN: &str = "grandfather|grandmother|father|mother|son|daughter|brother|sister|brother-in-law|sister-in-law|husband|wife|cousin|uncle|aunt|nephew|niece";

/// A word of a sentence.
#[derive(Debug, Clone)]
struct Word<'a> {
    at: Range<usize>,
    text: &'a str,
    /// The word without a possessive `'s`.
    bare: &'a str,
    possessive: bool,
    /// "Taotian-owned": the name ends inside the word.
    cut: bool,
    /// First word of its sentence or of a quotation.
    initial: bool,
    /// Joined to the previous word by a single space or line break only.
    joined: bool,
}

/// A name candidate: a run of words.
#[derive(Debug, Clone)]
struct Candidate {
    at: Range<usize>,
    name: String,
    words: usize,
    initial: bool,
    /// The known entity it names, and how.
    known: Option<(usize, How, bool)>,
}

/// Finds the organizations and people of the text.
pub fn find(doc: &Doc, corpus: &KnownNames) -> Found {
    let mut found = Found {
        ids: Ids::new(corpus.known.iter().map(|k| k.id.clone())),
        known: corpus.known.clone(),
        ..Found::default()
    };
    let lowercase: BTreeSet<String> = doc
        .text
        .unicode_words()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(str::to_owned)
        .collect();
    let mut candidates = Vec::new();
    for s in &doc.sentences {
        candidates.extend(sentence_candidates(doc, s.clone(), corpus, &lowercase));
    }
    // A currency's code is no name: "CHF 290 million", as the reader of quantities takes it.
    let money: Vec<Range<usize>> = crate::text::quantities::read(doc.text)
        .into_iter()
        .filter(|q| q.currency.is_some())
        .map(|q| q.at)
        .collect();
    candidates.retain(|c| {
        !money
            .iter()
            .any(|m| m.start <= c.at.start && c.at.end <= m.end)
    });
    // A corpus id written out as a name ("Cainiao International" for
    // `cainiao-international`), or a known name with other organization words ("Taobao
    // Tmall Business Group" for "Taobao and Tmall Group").
    for c in &mut candidates {
        if c.known.is_none() && c.words > 1 {
            let id = slug(&c.name, "");
            if let Some(k) = corpus.known.iter().position(|k| k.id == id) {
                c.known = Some((k, How::Id, false));
            } else if let Some(known) = corpus.by_key(&c.name) {
                let k = corpus
                    .known
                    .iter()
                    .position(|k| k.id == known.id)
                    .expect("listed");
                c.known = Some((k, How::Key, false));
            }
        }
    }
    // Capitalised mid-sentence somewhere: a name even where it starts a sentence.
    let capitalised: BTreeSet<&str> = candidates
        .iter()
        .filter(|c| !c.initial)
        .map(|c| c.name.as_str())
        .collect();
    let surnames = surnames(doc);
    // Names that a role and its holder follow somewhere: organizations wherever they stand.
    // A word that starts a longer name is left to be read as that name's short form.
    let heads: HashSet<&str> = candidates
        .iter()
        .flat_map(|o| o.name.match_indices(' ').map(|(at, _)| &o.name[..at]))
        .collect();
    let starts_longer = |c: &Candidate| heads.contains(c.name.as_str());
    let role_orgs: BTreeMap<&str, String> = candidates
        .iter()
        .filter(|c| !starts_longer(c))
        .filter_map(|c| {
            let m = ORG_ROLE_PERSON.find(after(doc, c))?;
            Some((c.name.as_str(), super::segment::clean(m.as_str())))
        })
        .collect();
    let kinds: Vec<Option<(EntityKind, String)>> = candidates
        .iter()
        .map(|c| classify(doc, c, corpus, &surnames, &role_orgs))
        .collect();
    let mut kinds = spread_lists(doc, &candidates, kinds, corpus);
    let short = short_forms(doc.text, &candidates, &mut kinds);
    let mut unclear: BTreeMap<String, Range<usize>> = BTreeMap::new();
    let mut known_at: BTreeMap<usize, usize> = BTreeMap::new();
    let mut deferred: Vec<(&Candidate, &str)> = Vec::new();
    for (c, kind) in candidates.iter().zip(kinds) {
        if c.known.is_none() {
            if let Some(full) = short.get(&c.name) {
                deferred.push((c, full));
                continue;
            }
        }
        if let Some((k, how, extended)) = c.known {
            let i = *known_at.entry(k).or_insert_with(|| {
                let known = &corpus.known[k];
                found.ids.take(&known.id);
                let why = known_why(&c.name, known, how, extended);
                let evidence = doc.evidence(c.at.clone());
                let person = EntityKind::Person { anonymous: false };
                found.entities.push(super::found::reused(
                    known,
                    None,
                    person,
                    why,
                    evidence,
                    c.at.clone(),
                ));
                found.entities.len() - 1
            });
            let e = &mut found.entities[i];
            if c.name != e.name && !e.alt_names.contains(&c.name) {
                e.alt_names.push(c.name.clone());
            }
            found.mention(c.at.clone(), i);
            continue;
        }
        match kind {
            Some((kind, why)) => {
                let i = found.add(doc, &c.name, kind, c.at.clone(), why);
                found.mention(c.at.clone(), i);
            }
            None if c.initial && c.words == 1 && !capitalised.contains(c.name.as_str()) => {}
            None => {
                unclear.entry(c.name.clone()).or_insert(c.at.clone());
            }
        }
    }
    // Short forms: "Cainiao" for "Cainiao Group"; "Altavolo" for "Altavolo Catering Group",
    // itself short for "Altavolo Catering Group AG".
    for (c, mut full) in deferred {
        let mut hops = 0;
        while let Some(fuller) = short.get(full).filter(|_| hops < 4) {
            full = fuller;
            hops += 1;
        }
        if let Some(i) = found.by_name(full) {
            let e = &mut found.entities[i];
            if !e.alt_names.contains(&c.name) {
                e.alt_names.push(c.name.clone());
            }
            if c.at.start < e.first.start {
                e.first = c.at.clone();
            }
            found.mention(c.at.clone(), i);
        }
    }
    // An organization whose name ends in an organization word and that the text also calls
    // by the words before ("Kimugu" for "Kimugu Tea Holdings", "Atlantic Gannet" for
    // "Atlantic Gannet Airways") takes those words as its id, as the corpus names its ids;
    // "Sotik" for "Sotik Blends" does not.
    for e in found
        .entities
        .iter_mut()
        .filter(|e| !e.reused && !e.kind.is_person())
    {
        let ends_in_org_word = e
            .name
            .split_whitespace()
            .last()
            .is_some_and(|w| org_word(&w));
        let short = e
            .alt_names
            .iter()
            .filter(|_| ends_in_org_word)
            .find(|a| e.name.starts_with(&format!("{a} ")));
        if let Some(short) = short {
            let id = slug(short, "");
            if !id.is_empty() && found.ids.free(&id) {
                found.ids.take(&id);
                e.id = id;
            }
        }
    }
    // One-word names that are part of a person's name found elsewhere: "Tsai", "Jiang".
    // A word two people's names share ("Brockhurst" for Emma and Geoffrey Brockhurst) is
    // left to the reader: neither a mention nor a name of unclear kind.
    for (name, at) in std::mem::take(&mut unclear) {
        let people: Vec<usize> = found
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind.is_person() && e.name.split_whitespace().any(|w| w == name))
            .map(|(i, _)| i)
            .collect();
        let person = match people.as_slice() {
            [_, _, ..] if !name.contains(' ') => continue,
            _ => people.first().copied(),
        };
        match person {
            Some(i) if !name.contains(' ') => {
                if !found.entities[i].alt_names.contains(&name) {
                    found.entities[i].alt_names.push(name.clone());
                }
                for c in candidates.iter().filter(|c| c.name == name) {
                    found.mention(c.at.clone(), i);
                }
            }
            _ => {
                unclear.insert(name, at);
            }
        }
    }
    // A name read as an organization's somewhere is that organization's wherever it stands,
    // also where nothing next to it told its kind ("Anáhuac's director of operations").
    for c in &candidates {
        if let Some(i) = found.by_name(&c.name) {
            if !found.entities[i].kind.is_person() {
                found.mention(c.at.clone(), i);
            }
        }
    }
    super::sources::find(doc, &mut found);
    for (name, at) in unclear {
        found.stubs.push(Stub {
            what: super::UNCLEAR_NAME.into(),
            cue: name.clone(),
            lines: vec![
                format!(
                    "\"{name}\": an organization, a person or a place? Nothing next to it says."
                ),
                format!(
                    "evidence = {}",
                    super::write::string(&doc.evidence(at.clone()))
                ),
            ],
            at,
        });
    }
    found.stubs.sort_by_key(|s| (s.at.start, s.cue.clone()));
    found
}

fn known_why(name: &str, known: &Known, how: How, extended: bool) -> String {
    let how = match how {
        How::Name => "its name".to_owned(),
        How::AltName => "another name it has in the corpus".to_owned(),
        How::Swapped => format!("\"{}\" with its words swapped", known.name()),
        How::Id => "its id".to_owned(),
        How::Key => format!(
            "its name \"{}\" with other organization words",
            known.name()
        ),
    };
    if extended {
        format!(
            "found: \"{name}\" → {} (known in the corpus; matched by {how}, followed by organization words)",
            known.id
        )
    } else {
        format!(
            "found: \"{name}\" → {} (known in the corpus; matched by {how})",
            known.id
        )
    }
}

/// The words of a sentence, hyphenated words joined ("E-commerce", "Taotian-owned"), and so are
/// the two sides of an ampersand inside a word ("AT&T").
fn words<'a>(doc: &Doc<'a>, sentence: Range<usize>) -> Vec<Word<'a>> {
    let text = doc.text;
    let mut out: Vec<Word> = Vec::new();
    let mut last_end = sentence.start;
    let mut after_quote = true;
    let mut gap_ok = true;
    let mut glue = false;
    // "Printers'" before "Association": the apostrophe of a plural possessive, which keeps
    // the next word in the name if that word names a body.
    let mut plural_possessive = false;
    // The end of a spelled legal form read as one word, whose pieces are passed over.
    let mut skip_until = sentence.start;
    for (at, piece) in text[sentence.clone()].split_word_bound_indices() {
        let start = sentence.start + at;
        let end = start + piece.len();
        if start < skip_until {
            continue;
        }
        // "Echigo Metalworks K.K.", "Ferrocarril del Norte, S.A. de C.V.": a legal form
        // after a capitalised word, as one word joined to it.
        let after_name = out
            .last()
            .is_some_and(|w| capitalised(w.bare) && gap_ok && !w.possessive);
        let form_at = match piece {
            " " if after_name && last_end == start => Some(end),
            "," if after_name && last_end == start && text[end..].starts_with(' ') => Some(end + 1)
                .filter(|&f| {
                    LEGAL_FORMS_AFTER_COMMA
                        .iter()
                        .any(|l| spelled_legal_form(&text[f..]) == Some(*l))
                }),
            _ => None,
        };
        if let Some(f) = form_at
            && let Some(form) = spelled_legal_form(&text[f..sentence.end.max(f)])
        {
            let at = f..f + form.len();
            out.push(Word {
                at: at.clone(),
                text: &text[at.clone()],
                bare: &text[at.clone()],
                possessive: false,
                cut: false,
                initial: false,
                joined: true,
            });
            skip_until = at.end;
            last_end = at.end;
            glue = false;
            continue;
        }
        // An ampersand between spaces is a word here, so that it may join a name's words
        // ("Carrow & Finch"); inside a word ("AT&T", "R&D") it glues its two sides into one.
        let is_word = piece.chars().any(char::is_alphanumeric)
            || (piece == "&" && text[..start].ends_with(' '));
        if !is_word {
            let inside_word =
                piece == "&" && text[end..].starts_with(|c: char| c.is_alphanumeric());
            if (piece == "-" || inside_word) && out.last().is_some_and(|w| w.at.end == start) {
                glue = true;
                continue;
            }
            if matches!(piece, "'" | "’")
                && gap_ok
                && out
                    .last()
                    .is_some_and(|w| w.at.end == start && w.text.ends_with('s'))
            {
                plural_possessive = true;
                last_end = end;
                continue;
            }
            if matches!(piece, "“" | "\"" | "‘" | "(" | ":") {
                after_quote = true;
            }
            let space = piece.chars().all(char::is_whitespace)
                && piece.matches('\n').count() <= 1
                && !piece.is_empty();
            if !space || start != last_end {
                gap_ok = false;
            }
            if !space {
                glue = false;
            }
            last_end = end;
            continue;
        }
        if glue {
            let out_before_last_capitalised = out
                .len()
                .checked_sub(2)
                .is_some_and(|i| capitalised(out[i].bare));
            if let Some(prev) = out.last_mut() {
                if prev.at.end + 1 == start {
                    prev.at.end = end;
                    prev.text = &text[prev.at.clone()];
                    let first = prev.text.split('-').next().unwrap_or("");
                    let rest_lower = piece.chars().next().is_some_and(char::is_lowercase);
                    // "Yoon Sang-chul", "Jung Hye-rin": a given name of two syllables after a
                    // family name, not a name and a word ("Munich-based", "state-run").
                    let syllable =
                        prev.joined && out_before_last_capitalised && given_name_syllable(piece);
                    if first.chars().count() > 1 && rest_lower && !syllable {
                        prev.cut = true;
                        prev.bare = &text[prev.at.start..prev.at.start + first.len()];
                    } else {
                        prev.cut = false;
                        prev.bare = prev.text;
                    }
                    glue = false;
                    last_end = end;
                    continue;
                }
            }
        }
        glue = false;
        if std::mem::take(&mut plural_possessive) && !BODY_WORDS.contains(&piece) {
            gap_ok = false;
        }
        let (bare, possessive) = match piece
            .strip_suffix("’s")
            .or_else(|| piece.strip_suffix("'s"))
        {
            Some(b) if !b.is_empty() => (b, true),
            _ => (piece, false),
        };
        out.push(Word {
            at: start..end,
            text: piece,
            bare: &text[start..start + bare.len()],
            possessive,
            cut: false,
            initial: after_quote,
            joined: gap_ok && !out.is_empty(),
        });
        after_quote = false;
        gap_ok = true;
        last_end = end;
    }
    out
}

/// Whether a word is written as a name's: capitalised, and not a word that is capitalised
/// without being one (a month, a role, a currency, a demonym).
pub(super) fn capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if SPELLED_LEGAL_FORMS.contains(&word) {
        return true;
    }
    if NOT_NAMES.contains(&word)
        || MONTHS.contains(&word)
        || ROLE_WORDS.contains(&word)
        || DEMONYMS.contains(&word)
    {
        return false;
    }
    first.is_uppercase()
        || (first.is_ascii_digit()
            && word.chars().any(char::is_uppercase)
            && word.chars().any(char::is_alphabetic))
}

/// Words that name a body of members, kept in a name after a plural possessive: "Polish
/// Label Printers' Association", "Rift Valley Tea Growers' Council".
const BODY_WORDS: &[&str] = &[
    "Association",
    "Council",
    "Forum",
    "Federation",
    "Trust",
    "Union",
    "Guild",
    "Society",
    "League",
    "Chamber",
    "Group",
    "Alliance",
];

/// Words a filing or a press release capitalises for the company it is about, or a body of
/// it, and that alone name nothing: "the Board", "the Group", "the Company".
const DEFINED_TERMS: &[&str] = &["Board", "Group", "Company", "Limited", "Committee"];

/// Short words written after a hyphen that make a name into a description ("Saudi-led",
/// "state-run"), not a syllable of a given name ("Sang-chul").
const HYPHEN_WORDS: &[&str] = &[
    "led", "run", "born", "made", "wide", "era", "like", "free", "size", "only", "type", "held",
    "sold", "bred", "area", "zone", "side",
];

/// Whether the part of a word after a hyphen is the second syllable of a given name ("chul"
/// of "Sang-chul"): short, in lowercase, and none of [`HYPHEN_WORDS`].
fn given_name_syllable(part: &str) -> bool {
    part.len() <= 4 && part.chars().all(char::is_lowercase) && !HYPHEN_WORDS.contains(&part)
}

/// Words that join the words of an organization's name ("Taobao and Tmall Group",
/// "Ferrocarril Mirador del Norte, S.A. de C.V.", "Banco do Brasil S.A.").
fn connector(word: &str) -> bool {
    matches!(
        word,
        "and" | "of" | "&" | "for" | "de" | "del" | "della" | "do" | "da" | "dos" | "das" | "di"
    )
}

/// The name candidates of one sentence.
fn sentence_candidates(
    doc: &Doc,
    sentence: Range<usize>,
    corpus: &KnownNames,
    lowercase: &BTreeSet<String>,
) -> Vec<Candidate> {
    let words = words(doc, sentence.clone());
    let hits = corpus.hits(doc.text, sentence.clone());
    let mut runs: Vec<Range<usize>> = Vec::new(); // word index ranges
    let mut i = 0;
    while i < words.len() {
        if !capitalised(words[i].bare) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < words.len() && !words[end - 1].possessive && !words[end - 1].cut {
            let w = &words[end];
            if !w.joined {
                break;
            }
            if capitalised(w.bare) {
                end += 1;
            } else if w.bare == "plc" {
                // "Ardent Salt & Ingredients plc": a legal form written in lowercase.
                end += 1;
                break;
            } else if connector(w.text)
                && end + 1 < words.len()
                && words[end + 1].joined
                && capitalised(words[end + 1].bare)
            {
                end += 2;
            } else {
                break;
            }
        }
        // Connectors only inside an organization name, and not between two of them
        // ("Tmall Supermarket and Tmall Global", "Arvento Motors and Solvika Group": an `and`
        // after a name of two words or more that ends as a firm's name does, unless `the`
        // stands before the whole: "the Digital Media and Entertainment Group").
        let last = words[end - 1].bare;
        let after_the = start > 0 && words[start - 1].bare.eq_ignore_ascii_case("the");
        let two_names = (start..end).any(|j| {
            connector(words[j].text)
                && j > start
                && ((STRONG_ORG_WORDS.contains(&words[j - 1].bare)
                    || SPELLED_LEGAL_FORMS.contains(&words[j - 1].bare))
                    || (words[j].text == "and"
                        && !after_the
                        && j - start >= 2
                        && org_word(&words[j - 1].bare))
                    || words
                        .get(j + 1)
                        .is_some_and(|n| n.bare == words[start].bare))
        });
        if !org_word(&last) || two_names {
            let mut s = start;
            // "Carrow & Finch": an ampersand joins the words of one name.
            for (j, w) in words.iter().enumerate().take(end).skip(start) {
                if connector(w.text) && w.text != "&" {
                    runs.push(s..j);
                    s = j + 1;
                }
            }
            runs.push(s..end);
        } else {
            runs.push(start..end);
        }
        i = end;
    }
    let mut out = Vec::new();
    let mut used_hits = vec![false; hits.len()];
    for run in runs {
        let mut run = run;
        // A sentence's first word is capitalised anyway.
        if words[run.start].initial && !run.is_empty() {
            let w = words[run.start].bare;
            let in_known = hits.iter().any(|h| h.at.start == words[run.start].at.start);
            // "Separately, …", "Additionally, …": an adverb opening the sentence ("Italy, …"
            // and "Sicily, …" are names).
            let adverb = [
                "ately", "ally", "ently", "arly", "ously", "ntly", "ably", "edly",
            ]
            .iter()
            .any(|end| w.ends_with(end))
                && doc.text[words[run.start].at.end..].starts_with(',');
            if !in_known
                && (adverb || FUNCTION_WORDS.contains(&w) || lowercase.contains(&w.to_lowercase()))
            {
                run.start += 1;
            }
        }
        if run.is_empty() {
            continue;
        }
        // "Corporate Controller", "Financial" between two role words: a title in capitals.
        if words[run.clone()]
            .iter()
            .all(|w| super::roles::title_word(w.bare))
        {
            continue;
        }
        // "The Board has appointed …", "the Group's subsidiary": a defined term of a filing
        // or a press release, written in capitals, is no name.
        let opening_the = words[run.start].bare == "The";
        if run.len() == 1 + usize::from(opening_the)
            && DEFINED_TERMS.contains(&words[run.end - 1].bare)
        {
            continue;
        }
        let span = words[run.start].at.start..words[run.end - 1].at.end;
        // A known name that goes on past the capitalised words ("Cainiao's minority
        // shareholders") is the name.
        if let Some(h) = (0..hits.len()).find(|&h| {
            hits[h].at.start >= span.start
                && hits[h].at.start < span.end
                && hits[h].at.end > span.end
        }) {
            used_hits[h] = true;
            let hit = &hits[h];
            out.push(Candidate {
                at: hit.at.clone(),
                name: super::segment::clean(&doc.text[hit.at.clone()]),
                words: doc.text[hit.at.clone()].split_whitespace().count(),
                initial: false,
                known: Some((hit.known, hit.how, false)),
            });
            if hit.at.start > span.start {
                if let Some(before) =
                    (run.start..run.end).find(|&j| words[j].at.start >= hit.at.start)
                {
                    if before > run.start {
                        out.push(candidate(doc, &words, run.start..before, None));
                    }
                }
            }
            continue;
        }
        // Known names inside the run split it.
        let mut cursor = run.start;
        let inside: Vec<usize> = (0..hits.len())
            .filter(|&h| hits[h].at.start >= span.start && hits[h].at.end <= span.end)
            .collect();
        for h in inside {
            let hit = &hits[h];
            let Some(first) = (cursor..run.end).find(|&j| words[j].at.start == hit.at.start) else {
                continue;
            };
            let Some(last) = (first..run.end).find(|&j| words[j].at.end >= hit.at.end) else {
                continue;
            };
            used_hits[h] = true;
            if first > cursor {
                out.push(candidate(doc, &words, cursor..first, None));
            }
            // Words after the known name: organization words extend it, other names make a
            // new name of the whole.
            let mut end = last + 1;
            let mut rest_end = end;
            while rest_end < run.end && !words[rest_end - 1].possessive {
                rest_end += 1;
            }
            let rest = &words[end..rest_end];
            let org = corpus.known[hit.known].org_kind.is_some();
            if !rest.is_empty() && org && rest.iter().all(|w| GENERIC_ORG_WORDS.contains(&w.bare)) {
                end = rest_end;
                out.push(candidate(
                    doc,
                    &words,
                    first..end,
                    Some((hit.known, hit.how, true)),
                ));
            } else if !rest.is_empty() && !words[last].possessive {
                end = rest_end;
                out.push(candidate(doc, &words, first..end, None));
            } else {
                out.push(candidate(
                    doc,
                    &words,
                    first..end,
                    Some((hit.known, hit.how, false)),
                ));
            }
            cursor = end;
        }
        if cursor < run.end {
            out.push(candidate(doc, &words, cursor..run.end, None));
        }
    }
    // Known names outside capitalised runs (after a lowercase prefix, say).
    for (h, hit) in hits.iter().enumerate() {
        if !used_hits[h]
            && !out
                .iter()
                .any(|c| c.at.start < hit.at.end && hit.at.start < c.at.end)
        {
            out.push(Candidate {
                at: hit.at.clone(),
                name: doc.text[hit.at.clone()].to_owned(),
                words: 1,
                initial: false,
                known: Some((hit.known, hit.how, false)),
            });
        }
    }
    out.sort_by_key(|c| c.at.start);
    shared_surnames(doc.text, &mut out);
    out
}

/// "Karen and Niels Holmvang": a given name alone before "and" and a name of two words takes
/// that name's surname ("Karen Holmvang"), as the reader of structure reads it.
fn shared_surnames(text: &str, candidates: &mut [Candidate]) {
    for k in 1..candidates.len() {
        let (before, after) = candidates.split_at_mut(k);
        let (first, next) = (&mut before[k - 1], &after[0]);
        let words = name_words_of(&next.name);
        let [_, surname] = words.as_slice() else {
            continue;
        };
        if first.words == 1
            && first.known.is_none()
            && next.known.is_none()
            && text[first.at.end..next.at.start] == *" and "
            && super::given::is_given(&first.name)
            && words.iter().all(|w| title_case(w))
            && !org_word(surname)
        {
            first.name = format!("{} {surname}", first.name);
            first.words = 2;
        }
    }
}

fn candidate(
    doc: &Doc,
    words: &[Word],
    run: Range<usize>,
    known: Option<(usize, How, bool)>,
) -> Candidate {
    let last = &words[run.end - 1];
    let at = words[run.start].at.start..last.at.start + last.bare.len();
    Candidate {
        name: super::segment::clean(&doc.text[at.clone()]),
        at,
        words: run.len(),
        initial: words[run.start].initial,
        known,
    }
}

/// Whether a word is written like a brand: `AliExpress`, `KrASIA`, `36Kr`, `JD.com`.
fn brand(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let camel = chars
        .windows(2)
        .any(|w| w[0].is_lowercase() && w[1].is_uppercase());
    let digit = chars.iter().any(char::is_ascii_digit) && chars.iter().any(|c| c.is_alphabetic());
    let domain = word.contains('.')
        && word
            .rsplit('.')
            .next()
            .is_some_and(|t| t.len() >= 2 && t.chars().all(char::is_lowercase));
    let acronym = chars.len() >= 2 && chars.iter().all(|c| c.is_uppercase() || c.is_ascii_digit());
    camel || digit || domain || acronym
}

/// Whether a word is capitalised and then lower case, each part of a hyphenated one too.
fn title_case(word: &str) -> bool {
    // "Pieter-Jan": each part of a hyphenated name; "Sang-chul": a second syllable.
    word.split('-').enumerate().all(|(i, part)| {
        let mut chars = part.chars();
        let syllable = i > 0 && given_name_syllable(part);
        syllable || chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
    })
}

/// Organization, person, or unclear (`None`), with the reason.
/// One-word names the text uses as a person's: before a verb of speech ("Ness said",
/// "Saarsalu says") or after a courtesy title ("Ms Ashcombe").
fn surnames(doc: &Doc) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for c in SURNAME_SPEAKS.captures_iter(doc.text) {
        if let Some(m) = c.name("a").or_else(|| c.name("b")) {
            // "Tamarugal Servicios Mineros said": the last word of a longer name, not a
            // name used alone.
            let word_before = doc.text[..m.start()]
                .strip_suffix(' ')
                .and_then(|b| b.split(' ').next_back());
            if c.name("a").is_some() && word_before.is_some_and(title_case) {
                continue;
            }
            out.insert(m.as_str().to_owned());
        }
    }
    out
}

/// The 80 bytes of text after a candidate.
fn after<'a>(doc: &Doc<'a>, c: &Candidate) -> &'a str {
    &doc.text[c.at.end..super::segment::ceil(doc.text, (c.at.end + 80).min(doc.text.len()))]
}

/// Whether a candidate is a place that describes an organization ("the Warsaw investment
/// firm Vistula Partners", "Etykor, the Łódź label printer,"): no organization itself, and
/// drafted as a place by [`super::places`].
fn describes_by_place(doc: &Doc, c: &Candidate) -> bool {
    if c.words > 2 {
        return false;
    }
    let after = after(doc, c);
    let before = doc.text
        [super::segment::floor(doc.text, c.at.start.saturating_sub(8))..c.at.start]
        .trim_end();
    PLACE_DESCRIBES.is_match(after)
        || ([" the", " a", " an"].iter().any(|w| before.ends_with(w))
            && PLACE_DESCRIBES_APPOSED.is_match(after))
}

fn classify(
    doc: &Doc,
    c: &Candidate,
    corpus: &KnownNames,
    surnames: &BTreeSet<String>,
    role_orgs: &BTreeMap<&str, String>,
) -> Option<(EntityKind, String)> {
    if c.known.is_some() {
        return None;
    }
    let name = c.name.as_str();
    let words = name_words_of(name);
    let last = *words.last()?;
    let before =
        &doc.text[super::segment::floor(doc.text, c.at.start.saturating_sub(60))..c.at.start];
    let after = after(doc, c);
    let org = |kind: OrgKind, why: String| {
        Some((
            EntityKind::Organization(kind),
            format!("found: \"{name}\" → organization ({why})"),
        ))
    };
    // The place of a dateline ("HALIFAX (Maritime Business Radio) –", "GRAZ, Austria, Oct
    // 14"): capitals opening a line, before a comma, a slash or a parenthesis, and the words
    // after them up to the credit or dash; no organization.
    let opens_line = before.is_empty() || before.ends_with('\n');
    if opens_line && !name.chars().any(char::is_lowercase) && DATELINE_AFTER.is_match(after) {
        return None;
    }
    // "OPERATOR: Good morning": a transcript's label for a speaker with no name.
    if opens_line
        && words.len() == 1
        && !name.chars().any(char::is_lowercase)
        && after.starts_with(':')
    {
        return None;
    }
    // "RAIL LINK FOR CORRAN": an item's heading in capitals, a phrase with a preposition.
    if words.len() >= 3
        && !name.chars().any(char::is_lowercase)
        && words[1..]
            .iter()
            .any(|w| ["FOR", "TO", "IN", "ON", "AT", "WITH", "FROM", "AS"].contains(w))
    {
        return None;
    }
    // "the Kericho-based grower": a place.
    if after.starts_with("-based") {
        return None;
    }
    if describes_by_place(doc, c) {
        return None;
    }
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    if !opens_line && DATELINE_OPENING.is_match(line) && DATELINE_REST.is_match(after) {
        return None;
    }
    // An organization word alone ("Finance director …") is no name.
    if org_word(&last) && words.len() > 1 {
        return org(OrgKind::Formal, format!("ends in \"{last}\""));
    }
    if PUBLICATION_WORDS.contains(&last) && words.len() > 1 {
        return org(
            OrgKind::Organization,
            format!("ends in \"{last}\", a publication's word"),
        );
    }
    if let Some(k) = corpus
        .known
        .iter()
        .find(|k| k.org_kind.is_some() && k.all_names().any(|n| name.starts_with(&format!("{n} "))))
    {
        return org(
            OrgKind::Organization,
            format!("it starts with the name of {}", k.id),
        );
    }
    if let Some(w) = words.iter().find(|w| brand(w)) {
        return org(
            OrgKind::Organization,
            format!("\"{w}\" is written like a brand"),
        );
    }
    if let Some(cue) = role_orgs.get(name) {
        return org(
            OrgKind::Organization,
            format!("before \"{cue}\", a role and its holder"),
        );
    }
    let person_like = (2..=3).contains(&words.len()) && words.iter().all(|w| title_case(w));
    // "will head Livestock Health", "will lead Companion Animals": what one heads is an
    // organization ("head" and "chair" are here verbs, not titles).
    if let Some(m) = HEADS_BEFORE.find(before) {
        let verb = super::segment::clean(m.as_str());
        return org(OrgKind::Organization, format!("after \"{verb}\""));
    }
    if person_like {
        if let Some(m) = PERSON_BEFORE.find(before) {
            return Some((
                EntityKind::Person { anonymous: false },
                format!(
                    "found: \"{name}\" → person (after \"{}\")",
                    m.as_str().trim().trim_end_matches(',')
                ),
            ));
        }
        if surnames.contains(last) && !org_word(&last) {
            return Some((
                EntityKind::Person { anonymous: false },
                format!(
                    "found: \"{name}\" → person (\"{last}\" alone speaks or is titled elsewhere)"
                ),
            ));
        }
        // "Yükselen Asansör was founded in 1987": what is founded, bought or owned is an
        // organization, whatever its words look like.
        if let Some(m) = FOUNDED_AFTER
            .find(after)
            .or_else(|| APPOINTS_AFTER.find(after))
        {
            return org(
                OrgKind::Organization,
                format!("before \"{}\"", super::segment::clean(m.as_str())),
            );
        }
        // "the Stavanger battery maker Ormli Energi, Brennvik's technology partner": the
        // description before the name says more than a role after it.
        if let Some(m) = ORG_BEFORE.find(before) {
            let cue = super::segment::clean(m.as_str());
            // "Chilean mining services company Tamarugal Servicios Mineros said": a noun of
            // a kind of organization right before the name is a description too.
            let described = ["company", "firm", "startup", "operator", "carrier", "group"]
                .iter()
                .any(|n| cue.trim_end() == *n);
            if described
                || ["the ", "a ", "an ", "its ", "their "]
                    .iter()
                    .any(|a| cue.starts_with(a))
            {
                return org(OrgKind::Organization, format!("after \"{cue}\""));
            }
        }
        if let Some(m) = PERSON_AFTER.find(after) {
            // "X, led by Y", "X, founded by Y": the verb is passive, and what is led or
            // founded is an organization.
            if PASSIVE_BY.is_match(&after[m.end()..])
                && PASSIVE_LEADS.is_match(super::segment::clean(m.as_str()).as_str())
            {
                return org(
                    OrgKind::Organization,
                    format!(
                        "before \"{} by\"",
                        super::segment::clean(m.as_str()).trim_start_matches(", ")
                    ),
                );
            }
            return Some((
                EntityKind::Person { anonymous: false },
                format!(
                    "found: \"{name}\" → person (before \"{}\")",
                    super::segment::clean(m.as_str()).trim_start_matches(", ")
                ),
            ));
        }
    }
    if let Some(m) = ORG_BEFORE.find(before) {
        let cue = super::segment::clean(m.as_str());
        if !cue.starts_with([',', '(']) {
            return org(OrgKind::Organization, format!("after \"{cue}\""));
        }
    }
    if let Some(m) = ORG_AFTER.find(after).or_else(|| APPOINTS_AFTER.find(after)) {
        return org(
            OrgKind::Organization,
            format!("before \"{}\"", super::segment::clean(m.as_str())),
        );
    }
    if let Some(m) = ORG_APPOSITIVE.find(after) {
        return org(
            OrgKind::Organization,
            format!(
                "before \"{}\"",
                super::segment::clean(m.as_str()).trim_start_matches(", ")
            ),
        );
    }
    if LIST_AFTER.is_match(after) {
        return org(OrgKind::Organization, "listed with other outlets".into());
    }
    // Nothing around the name says what it is: a given name first says a person.
    if person_like && let Some(given) = super::given::person_word(&words) {
        return Some((
            EntityKind::Person { anonymous: false },
            format!("found: \"{name}\" → person (\"{given}\" opens a person's name)"),
        ));
    }
    None
}

/// Short forms of organization names: "Cainiao" for "Cainiao Group" when the rest are
/// organization words and no other organization starts the same way; and a word of unclear
/// kind that starts one organization's name only, written after it and never as a common word
/// ("Harrowgate" after "Harrowgate Furniture Co", as the reader of structure takes it). A
/// one-word name that starts two organization names or more ("Alibaba" in "Alibaba E-commerce
/// Business Group" and "Alibaba International Digital Commerce Group") is an organization of
/// its own.
fn short_forms(
    text: &str,
    candidates: &[Candidate],
    kinds: &mut [Option<(EntityKind, String)>],
) -> BTreeMap<String, String> {
    let orgs: BTreeSet<&str> = candidates
        .iter()
        .zip(kinds.iter())
        .filter(|(c, k)| c.known.is_none() && matches!(k, Some((EntityKind::Organization(_), _))))
        .map(|(c, _)| c.name.as_str())
        .collect();
    let mut short = BTreeMap::new();
    let mut parents: BTreeMap<usize, String> = BTreeMap::new();
    for (i, c) in candidates.iter().enumerate() {
        let prefix = format!("{} ", c.name);
        // "Harlow Metals" for "Harlow Metals Ltd": a name of several words is the short form
        // of one that only adds a legal form.
        let legal_form_of = |o: &&str| with_legal_form(o, &c.name);
        if c.known.is_some()
            || kinds[i].as_ref().is_some_and(|(k, _)| k.is_person())
            || orgs.contains(c.name.as_str()) && c.words > 1 && !orgs.iter().any(legal_form_of)
        {
            continue;
        }
        // One name with and without its legal form is one organization: "Altavolo" starts
        // "Altavolo Catering Group" and "Altavolo Catering Group AG", one name.
        let longer: Vec<&str> = orgs
            .iter()
            .copied()
            .filter(|o| o.starts_with(&prefix))
            .filter(|o| {
                !orgs
                    .iter()
                    .any(|shorter| shorter.starts_with(&prefix) && with_legal_form(o, shorter))
            })
            .collect();
        let generic: Vec<&str> = longer
            .iter()
            .copied()
            .filter(|o| o[prefix.len()..].split_whitespace().all(|w| org_word(&w)))
            .collect();
        if let [full] = generic.as_slice() {
            if longer.len() == 1 || kinds[i].is_none() {
                short.insert(c.name.clone(), (*full).to_owned());
                continue;
            }
        }
        // Where a name is first written, with or without its legal form.
        let first = |name: &str| {
            candidates
                .iter()
                .filter(|o| o.name == name || with_legal_form(&o.name, name))
                .map(|o| o.at.start)
                .min()
        };
        if let [full] = longer.as_slice() {
            let after = first(full) < first(&c.name);
            // Read as an organization or of unclear kind: the one name it starts is its own.
            if c.words == 1 && after && !common_word(text, &c.name) {
                short.insert(c.name.clone(), (*full).to_owned());
                continue;
            }
        }
        if longer.len() >= 2 && kinds[i].is_none() && c.words == 1 {
            parents.insert(
                i,
                format!(
                    "found: \"{}\" → organization (it starts {})",
                    c.name,
                    longer
                        .iter()
                        .map(|l| format!("\"{l}\""))
                        .collect::<Vec<_>>()
                        .join(" and ")
                ),
            );
        }
    }
    for (i, why) in parents {
        kinds[i] = Some((EntityKind::Organization(OrgKind::Organization), why));
    }
    short
}

/// Whether `name` is `short` with legal forms after it ("Harlow Metals Ltd" of "Harlow
/// Metals").
fn with_legal_form(name: &str, short: &str) -> bool {
    name.strip_prefix(short)
        .and_then(|rest| rest.strip_prefix(' '))
        .is_some_and(|rest| {
            SPELLED_LEGAL_FORMS.contains(&rest)
                || rest.split_whitespace().all(|w| LEGAL_FORMS.contains(&w))
        })
}

/// Whether a text writes `word` in lowercase as a word of its own ("the summit" beside
/// "Summit Freight").
fn common_word(text: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    text.match_indices(lower.as_str()).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + lower.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Unclear names listed with organizations ("RTTNews, Reuters and") are organizations too.
fn spread_lists(
    doc: &Doc,
    candidates: &[Candidate],
    mut kinds: Vec<Option<(EntityKind, String)>>,
    corpus: &KnownNames,
) -> Vec<Option<(EntityKind, String)>> {
    let is_org = |k: &Option<(EntityKind, String)>, c: &Candidate| {
        c.known
            .is_some_and(|(k, _, _)| corpus.known[k].org_kind.is_some())
            || matches!(k, Some((EntityKind::Organization(_), _)))
    };
    // The last words of the people named in full: alone, such a word is that person ("and
    // Jonker sits on its board"), whatever it is listed with.
    let people_surnames: HashSet<&str> = candidates
        .iter()
        .zip(&kinds)
        .filter(|(c, k)| c.words > 1 && matches!(k, Some((EntityKind::Person { .. }, _))))
        .filter_map(|(c, _)| c.name.rsplit(' ').next())
        .collect();
    loop {
        let mut changed = false;
        for i in 0..candidates.len() {
            if kinds[i].is_some()
                || candidates[i].known.is_some()
                || candidates[i].words > 4
                || (candidates[i].words == 1
                    && people_surnames.contains(candidates[i].name.as_str()))
                || doc.text[candidates[i].at.end..].starts_with("-based")
                || describes_by_place(doc, &candidates[i])
            {
                continue;
            }
            for j in [i.wrapping_sub(1), i + 1] {
                let Some(other) = candidates.get(j) else {
                    continue;
                };
                let (a, b) = if j < i {
                    (other, &candidates[i])
                } else {
                    (&candidates[i], other)
                };
                if a.at.end > b.at.start {
                    continue;
                }
                let gap = &doc.text[a.at.end..b.at.start];
                let listed = matches!(
                    gap.trim_start_matches(['’', '\'', 's']),
                    ", " | " and " | ", and " | ", the " | " and the " | ", and the "
                );
                let person = |k: &Option<(EntityKind, String)>| {
                    matches!(k, Some((EntityKind::Person { .. }, _)))
                };
                let person_like = (2..=3).contains(&candidates[i].words)
                    && candidates[i].name.split_whitespace().all(title_case);
                let joined = matches!(gap, " and " | ", and ");
                if joined && person_like && person(&kinds[j]) {
                    kinds[i] = Some((
                        EntityKind::Person { anonymous: false },
                        format!(
                            "found: \"{}\" → person (listed with \"{}\")",
                            candidates[i].name, other.name
                        ),
                    ));
                    changed = true;
                    break;
                }
                if listed && is_org(&kinds[j], other) {
                    kinds[i] = Some((
                        EntityKind::Organization(OrgKind::Organization),
                        format!(
                            "found: \"{}\" → organization (listed with \"{}\")",
                            candidates[i].name, other.name
                        ),
                    ));
                    changed = true;
                    break;
                }
            }
        }
        if !changed {
            return kinds;
        }
    }
}

/// Whether `quote` has every word of `name`, as grounding asks.
fn covers(quote: &str, name: &str) -> bool {
    let have = crate::text::words::words(quote);
    name_words(name).iter().all(|w| have.contains(w))
}

/// Makes every name a record gives quotable from its own evidence, as the facts checker
/// asks: a known entity is named as this text names it (the corpus's other names stay in the
/// corpus), and a name its first quote does not hold gets the quote of its first mention.
pub fn quote_every_name(doc: &Doc, found: &mut Found) {
    let mut forms: Vec<Vec<(String, Range<usize>)>> = vec![Vec::new(); found.entities.len()];
    for m in &found.mentions {
        let form = super::segment::clean(&doc.text[m.at.clone()]);
        // "its board" says "board".
        let form = form.strip_prefix("its ").unwrap_or(&form);
        let form = form
            .strip_suffix("’s")
            .or_else(|| form.strip_suffix("'s"))
            .unwrap_or(form)
            .to_owned();
        // "Scheldevet's pet medicines division" also says "pet medicines division", a
        // unit's name without its owner.
        let owned = ["’s ", "'s "]
            .iter()
            .find_map(|s| form.split_once(s))
            .map(|(_, rest)| rest.to_owned());
        // "the executive board of Zorggroep" says "executive board", for a unit.
        let unit = matches!(
            found.entities[m.entity].kind,
            EntityKind::Organization(OrgKind::Unit)
        );
        let of_owner = form
            .split_once(" of ")
            .filter(|_| unit)
            .map(|(unit, _)| unit.to_owned());
        for form in std::iter::once(form).chain(owned).chain(of_owner) {
            if !forms[m.entity].iter().any(|(f, _)| *f == form) {
                forms[m.entity].push((form, m.at.clone()));
            }
        }
    }
    for (e, forms) in found.entities.iter_mut().zip(forms) {
        if matches!(e.kind, EntityKind::Person { anonymous: true }) {
            continue;
        }
        // In any order: "Wan Lin" says "Lin Wan".
        let sorted = |name: &str| {
            let mut w = name_words(name);
            w.sort();
            w
        };
        let said = |name: &str| {
            forms
                .iter()
                .find(|(f, _)| sorted(f) == sorted(name))
                .map(|(_, at)| at.clone())
        };
        if e.reused && said(&e.name).is_none() {
            if let Some((longest, _)) = forms.iter().max_by_key(|(f, _)| f.len()) {
                e.name = longest.clone();
            }
        }
        let name = e.name.clone();
        e.alt_names
            .retain(|a| said(a).is_some() && name_words(a) != name_words(&name));
        let mut quotes: Vec<String> = vec![e.evidence.clone()];
        for n in std::iter::once(&e.name).chain(&e.alt_names) {
            if quotes.iter().any(|q| covers(q, n)) {
                continue;
            }
            if let Some(at) = said(n) {
                let quote = doc.evidence(at.clone());
                quotes.push(quote.clone());
                e.also.push((quote, at));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The draft of `text`, with no corpus.
    fn drafted(text: &str) -> crate::draft::Draft {
        crate::draft::draft("t.txt", text, &KnownNames::empty()).expect("a draft")
    }

    /// The entities of draft `d`, each with whether it is a person.
    fn kinds(d: &crate::draft::Draft) -> Vec<(&str, bool)> {
        d.entities
            .iter()
            .map(|e| (e.name.as_str(), e.kind.is_person()))
            .collect()
    }

    #[test]
    fn the_words_before_a_name_give_its_kind() {
        // The words before a name, and whether they say organization (`Some(true)`), person
        // (`Some(false)`) or neither (`None`).
        let cases: &[(&str, Option<bool>)] = &[
            ("A contract with the carmaker ", Some(true)),
            ("Karen Whitford, chief operating officer of ", Some(true)),
            ("Trucks run for the port operator ", Some(true)),
            (
                "Its cheese goes to the British discount grocer ",
                Some(true),
            ),
            ("Its ore is refined by the Japanese smelter ", Some(true)),
            ("It will fold its battery recycling unit, ", Some(true)),
            ("Shares of its parent, ", Some(true)),
            ("She will succeed ", Some(false)),
            ("said the supervisory board chair, ", Some(false)),
            ("The company was co-founded by ", Some(false)),
            ("Losetas, founded in 1971 by ", Some(false)),
            ("It was founded in 1987 by the engineers ", Some(false)),
            ("It was set up in 2009 by ", Some(false)),
            ("founded Redgum in 2004 with the geologist ", Some(false)),
            ("He will be succeeded on 1 July by ", None),
            ("Petra Tornvik will hand over to ", Some(false)),
            ("said ", Some(false)),
            ("In the morning ", None),
        ];
        for (before, expected) in cases {
            let org = ORG_BEFORE
                .find(before)
                .is_some_and(|m| !super::super::segment::clean(m.as_str()).starts_with([',', '(']));
            let person = PERSON_BEFORE.is_match(before);
            let got = match (org, person) {
                (true, false) => Some(true),
                (false, true) => Some(false),
                (false, false) => None,
                (true, true) => panic!("{before:?} says both"),
            };
            assert_eq!(got, *expected, "{before:?}");
        }
    }

    #[test]
    fn what_was_founded_is_an_organization_and_its_founders_people() {
        let d = drafted(
            "Yükselen Asansör was founded in 1987 by the engineers Halil Demirtaş and Orhan Sezgin.",
        );
        assert_eq!(
            kinds(&d),
            [
                ("Yükselen Asansör", false),
                ("Halil Demirtaş", true),
                ("Orhan Sezgin", true)
            ]
        );
        let ties: Vec<(&str, &str)> = d
            .relations
            .iter()
            .map(|r| (r.kind, r.object.as_str()))
            .collect();
        assert_eq!(
            ties,
            [
                ("founded-by", "halil-demirtas"),
                ("founded-by", "orhan-sezgin")
            ]
        );
    }

    #[test]
    fn a_kind_of_organization_right_before_a_speaking_name_makes_it_an_organization() {
        let d = drafted(
            "Mining services company Tarnvik Servicios Mineros said that chief executive Ada Lund will step down.",
        );
        assert_eq!(
            kinds(&d),
            [("Tarnvik Servicios Mineros", false), ("Ada Lund", true)]
        );
    }

    #[test]
    fn a_legal_form_spelled_with_dots_slashes_or_spaces_ends_an_organization_name() {
        let d = drafted(
            "Tarnby Holdings A/S sold its yard to Kosai Valve K.K. last year. Hallin Druk Sp. z o.o. prints labels, and Ferrocarril Mirador del Norte, S.A. de C.V. runs trains.",
        );
        assert_eq!(
            kinds(&d),
            [
                ("Tarnby Holdings A/S", false),
                ("Kosai Valve K.K.", false),
                ("Hallin Druk Sp. z o.o.", false),
                ("Ferrocarril Mirador del Norte, S.A. de C.V.", false)
            ]
        );
    }

    #[test]
    fn a_common_given_name_or_a_trade_word_decides_a_name_nothing_else_classifies() {
        let d = drafted(
            "The deal was agreed in March. Owen Tallis and Halil Demirtaş met at Brightwater Couriers, and Tomás Ibarra visited Trevaskis Mill.",
        );
        assert_eq!(
            kinds(&d),
            [
                ("Owen Tallis", true),
                ("Halil Demirtaş", true),
                ("Brightwater Couriers", false),
                ("Tomás Ibarra", true),
                ("Trevaskis Mill", false)
            ]
        );
    }

    #[test]
    fn a_given_name_of_two_syllables_joined_by_a_hyphen_is_one_name() {
        let d = drafted(
            "Hanbit Logistics bought a Munich-based firm. Chairman Yoon Sang-chul said so. Choi Min-seok, its general manager, will stay.",
        );
        assert_eq!(
            kinds(&d),
            [
                ("Hanbit Logistics", false),
                ("Yoon Sang-chul", true),
                ("Choi Min-seok", true)
            ]
        );
    }

    #[test]
    fn headings_in_capitals_and_opening_adverbs_are_no_names() {
        let d = drafted(
            "FUENTES MOVES TO ATLANTICA. Separately, Marisol Fuentes joins Atlantica Forwarding from Nordkap Cargo as chief commercial officer.",
        );
        assert_eq!(
            kinds(&d),
            [
                ("Marisol Fuentes", true),
                ("Atlantica Forwarding", false),
                ("Nordkap Cargo", false)
            ]
        );
    }

    #[test]
    fn the_place_of_a_dateline_is_no_organization() {
        for text in [
            "OSLO, Norway, Dec 3 (Nordwire) - Tarnby Holdings AS sold a ferry to the navy.",
            "OSLO — Tarnby Holdings AS sold a ferry to the navy.",
        ] {
            let d = drafted(text);
            let names: Vec<&str> = d.entities.iter().map(|e| e.name.as_str()).collect();
            assert!(!names.contains(&"OSLO"), "{text:?}: {names:?}");
        }
    }

    #[test]
    fn what_is_led_appoints_or_is_headed_is_an_organization() {
        let d = drafted(
            "Tarnby Holdings will split. Borre Rail, led by Ada Lund, grows. Osterby Pies has appointed Ivo Sand as its new chief. Chief executive Ola Vik will head Kestrel Marine.",
        );
        assert_eq!(
            kinds(&d),
            [
                ("Tarnby Holdings", false),
                ("Borre Rail", false),
                ("Ada Lund", true),
                ("Osterby Pies", false),
                ("Ivo Sand", true),
                ("Ola Vik", true),
                ("Kestrel Marine", false),
            ]
        );
    }

    #[test]
    fn a_given_name_first_says_a_person_when_nothing_else_does() {
        let d = drafted(
            "Tarnby Holdings AS sold a ferry. The yard in Hong Kong went to Miriam Hofer and Xu Weiming.",
        );
        let people: Vec<&str> = kinds(&d)
            .into_iter()
            .filter_map(|(name, person)| person.then_some(name))
            .collect();
        assert_eq!(people, ["Miriam Hofer", "Xu Weiming"]);
    }

    #[test]
    fn a_publication_is_no_person_and_a_hyphenated_given_name_is_a_name() {
        let d = drafted(
            "Scheldevet NV will split, chief executive Pieter-Jan Claes said. \"We change,\" Claes told Veterinary Industry Review. For Harbour Radio, I'm Lucie Arsenault.",
        );
        assert_eq!(
            kinds(&d),
            [
                ("Scheldevet NV", false),
                ("Pieter-Jan Claes", true),
                ("Veterinary Industry Review", false),
                ("Harbour Radio", false),
                ("Lucie Arsenault", true),
            ]
        );
    }

    #[test]
    fn an_ampersand_and_a_plural_possessive_stay_inside_a_name() {
        let d = drafted(
            "Tarnby Holdings AS sells ferries to the retailer Carrow & Finch. Tarnby is a member of the Nordic Ferry Builders' Association and of the Ferry Owners' annual meeting.",
        );
        assert_eq!(
            kinds(&d),
            [
                ("Tarnby Holdings AS", false),
                ("Carrow & Finch", false),
                ("Nordic Ferry Builders' Association", false),
            ]
        );
    }

    #[test]
    fn an_ampersand_inside_a_word_keeps_it_whole() {
        let d = drafted(
            "Tarnby Holdings AS said its M&A team and its R&D unit would work with the carrier AT&T Inc.",
        );
        assert_eq!(
            kinds(&d),
            [("Tarnby Holdings AS", false), ("AT&T Inc", false)]
        );
    }

    #[test]
    fn a_person_s_surname_listed_with_an_organization_stays_the_person() {
        let d = drafted(
            "Tarnby Holdings AS is run by its chief executive, Karin Vesterlund. Tarnby is a member of the Nordic Ferry Builders' Association, and Vesterlund sits on its board.",
        );
        assert_eq!(
            kinds(&d),
            [
                ("Tarnby Holdings AS", false),
                ("Karin Vesterlund", true),
                ("Nordic Ferry Builders' Association", false),
                ("Nordic Ferry Builders' Association board", false),
            ]
        );
    }

    #[test]
    fn a_given_name_before_and_shares_the_next_name_s_surname() {
        let d = drafted(
            "Tarnby Holdings AS was founded in 1952 by Karen and Niels Holmvang. It sells to Europe and North America.",
        );
        assert_eq!(
            kinds(&d),
            [
                ("Tarnby Holdings AS", false),
                ("Karen Holmvang", true),
                ("Niels Holmvang", true),
            ]
        );
    }

    #[test]
    fn a_currency_code_is_no_name() {
        let d = drafted("Altavolo Catering Group AG values the unit at about CHF 290 million.");
        let names: Vec<&str> = d.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Altavolo Catering Group AG"]);
    }

    #[test]
    fn a_first_word_after_the_full_name_is_its_short_form() {
        // (text, the organization drafted, its other names)
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "On Monday, Harbour Mills Co. hired 40 people. For Harbour, the order fills a gap.",
                "Harbour Mills Co",
                &["Harbour"],
            ),
            // Not a word the text also writes as a common word.
            (
                "On Monday, Summit Pallas Ltd hired 40 people. At the summit, Summit said so.",
                "Summit Pallas Ltd",
                &[],
            ),
            // A name with and without its legal form is one name for the first word, even
            // one read as an organization.
            (
                "Altavolo Catering Group AG signed a contract. It also hired the chief executive of Altavolo, said a report. Altavolo Catering Group grew.",
                "Altavolo Catering Group AG",
                &["Altavolo", "Altavolo Catering Group"],
            ),
            // A unit named after its owner's possessive keeps the name without the owner.
            (
                "Kestrel Mills said on Monday it would hire 40 people. Ada Lund runs Kestrel Mills's yarn division.",
                "Kestrel Mills yarn division",
                &["yarn division"],
            ),
        ];
        for (text, name, alt) in cases {
            let d = drafted(text);
            let e = d
                .entities
                .iter()
                .find(|e| e.name == *name)
                .unwrap_or_else(|| panic!("{name} in {text:?}"));
            assert_eq!(e.alt_names, *alt, "{text:?}");
        }
    }
}
