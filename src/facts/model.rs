//! The facts file as written by hand: one TOML table array per kind of record.
//!
//! Every record has an `id` (lowercase letters, digits and dashes; it becomes the last
//! segment of the record's IRI) and an `evidence` quote, copied word for word from the
//! article. Fields that name another record hold that record's id. Unknown fields are errors.

use crate::values::{Amount, Boundary, FiscalPeriod, When};
use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;
use toml::Spanned;

/// A string from the file, with where it was written.
pub type Text = Spanned<String>;

/// Declares the kinds of record once: the [`Kind`] enum, the [`FactsFile`] that holds one list
/// per kind, and [`RecordRef`], a typed view of any one record.
macro_rules! record_kinds {
    ($($(#[$doc:meta])* $kind:ident, $table:literal, $field:ident: $ty:ident;)*) => {
        /// The kinds of record a facts file holds; ids are unique across all of them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind {
            $(#[doc = concat!("`[[", $table, "]]`")] $kind,)*
        }

        impl Kind {
            /// Every kind, in the order records are read and mapped.
            pub const ALL: &'static [Kind] = &[$(Kind::$kind),*];

            /// The record's table name in the facts file, also the first segment of its IRI.
            pub fn table(self) -> &'static str {
                match self {
                    $(Kind::$kind => $table,)*
                }
            }
        }

        /// The whole facts file of one article.
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct FactsFile {
            /// What the article is and who published it.
            pub article: Article,
            $(
                $(#[$doc])*
                #[serde(default, rename = $table)]
                pub $field: Vec<$ty>,
            )*
        }

        /// One record of any kind, borrowed from a [`FactsFile`].
        #[derive(Debug, Clone, Copy)]
        pub enum RecordRef<'a> {
            $(#[doc = concat!("`[[", $table, "]]`")] $kind(&'a $ty),)*
        }

        impl<'a> RecordRef<'a> {
            /// The record's kind.
            pub fn kind(self) -> Kind {
                match self {
                    $(RecordRef::$kind(_) => Kind::$kind,)*
                }
            }

            /// The record id, with its position.
            pub fn id(self) -> &'a Text {
                match self {
                    $(RecordRef::$kind(r) => &r.id,)*
                }
            }

            /// The quotes from the article that state the record.
            pub fn evidence(self) -> &'a Evidence {
                match self {
                    $(RecordRef::$kind(r) => &r.evidence,)*
                }
            }
        }

        impl FactsFile {
            /// Every record: kinds in the order of [`Kind::ALL`], file order within a kind.
            pub fn records(&self) -> impl Iterator<Item = RecordRef<'_>> {
                std::iter::empty()
                    $(.chain(self.$field.iter().map(RecordRef::$kind)))*
            }

            /// The `index`th record of a kind.
            pub fn record(&self, kind: Kind, index: usize) -> Option<RecordRef<'_>> {
                match kind {
                    $(Kind::$kind => self.$field.get(index).map(RecordRef::$kind),)*
                }
            }
        }
    };
}

record_kinds! {
    /// Companies, groups, units, teams and business lines.
    Organization, "organization", organizations: Organization;
    /// Named people and unnamed sources.
    Person, "person", people: Person;
    /// Positions in an organization and who holds them.
    Post, "post", posts: Post;
    /// Regions and areas.
    Place, "place", places: Place;
    /// Products and documents.
    Artifact, "artifact", artifacts: Artifact;
    /// Strategic dimensions an organization names for itself.
    Dimension, "dimension", dimensions: Dimension;
    /// Things that happened, dated as precisely as the article allows.
    Event, "event", events: Event;
    /// Other ties between records, optionally bounded in time.
    Relation, "relation", relations: Relation;
    /// Services one organization provides to others.
    Service, "service", services: Service;
    /// Numbers the article gives: growth rates, shares, headcounts, ranks.
    Measure, "measure", measures: Measure;
    /// Priced offers.
    Offer, "offer", offers: Offer;
    /// Things people said, word for word.
    Quote, "quote", quotes: Quote;
}

impl Kind {
    /// Whether records of this kind are entities (things the article is about) rather than
    /// statements about them.
    pub fn is_entity(self) -> bool {
        matches!(
            self,
            Kind::Organization
                | Kind::Person
                | Kind::Post
                | Kind::Place
                | Kind::Artifact
                | Kind::Dimension
                | Kind::Event
        )
    }

    /// The kind whose table is `name`.
    pub fn from_table(name: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.table() == name)
    }
}

/// The article the facts come from.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Names the article and its graph.
    pub id: Text,
    /// The headline.
    pub title: Text,
    /// The standfirst under the headline.
    pub subtitle: Option<Text>,
    /// The organization that published this version (an organization id).
    pub publisher: Text,
    /// The organization that first published the text, when it is a translation or reprint.
    pub original_publisher: Option<Text>,
    /// The writer (a person id).
    pub author: Option<Text>,
    /// BCP 47 language tag of the text.
    pub language: Text,
    /// When it was published: a date, or `unknown`.
    pub published: Spanned<When>,
    /// Where it can be read, when known.
    pub url: Option<Text>,
    /// File name of the captured text, looked up beside the facts file or in the directory
    /// named by `NEWSGRAPH_ARTICLES`.
    pub source: Option<Text>,
    /// When the text was captured, if known.
    pub captured: Option<Spanned<When>>,
    /// The outlets whose reports this text summarizes or retells (organization ids), for a
    /// text written from other reports.
    #[serde(default)]
    pub based_on: Vec<Text>,
    /// Where the facts about the article itself are stated.
    pub evidence: Evidence,
}

/// What an organization record stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OrgKind {
    /// A legal entity: a company or a group of companies.
    Formal,
    /// An organization whose legal form the article does not give (a platform, a brand).
    Organization,
    /// A division or team inside an organization.
    Unit,
    /// A line of business, run as a unit of the organization.
    BusinessLine,
    /// A loose set of agents the article speaks of together ("non-Alibaba clients").
    Group,
}

/// A company, business group, unit, team or business line.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// Record id.
    pub id: Text,
    /// The main name.
    pub name: Text,
    /// Other names the text uses.
    #[serde(default)]
    pub alt_names: Vec<Text>,
    /// What it is.
    pub kind: Spanned<OrgKind>,
    /// The organization it belongs to: a sub-organization for `formal` and `organization`,
    /// a unit for `unit` and `business-line`.
    pub part_of: Option<Text>,
    /// A short description in our words.
    pub description: Option<Text>,
    /// Words from the article.
    pub evidence: Evidence,
}

/// A person, named or not.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Record id.
    pub id: Text,
    /// The name, or for an unnamed source a description ("unnamed Cainiao employee").
    pub name: Text,
    /// Other names the text uses ("Jiang").
    #[serde(default)]
    pub alt_names: Vec<Text>,
    /// `true` for a source the article does not name.
    #[serde(default)]
    pub anonymous: bool,
    /// A short description in our words.
    pub description: Option<Text>,
    /// Words from the article.
    pub evidence: Evidence,
}

/// A position in an organization, and who holds it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Post {
    /// Record id.
    pub id: Text,
    /// The role: "CEO", "senior executive".
    pub role: Text,
    /// The organization the post is in.
    pub organization: Text,
    /// The person holding it.
    pub holder: Text,
    /// `true` when the holder heads the organization.
    #[serde(default)]
    pub head: bool,
    /// When the holder took the post: a date or an event id.
    pub since: Option<Spanned<Boundary>>,
    /// When the holder left it: a date or an event id. A holding with an end is history: it is
    /// stated only as a dated statement, not as `org:heldBy` or `org:headOf`.
    pub until: Option<Spanned<Boundary>>,
    /// Words from the article.
    pub evidence: Evidence,
}

/// A region or area.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Record id.
    pub id: Text,
    /// The name.
    pub name: Text,
    /// A larger place that contains it.
    pub within: Option<Text>,
    /// Words from the article.
    pub evidence: Evidence,
}

/// What an artifact record stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArtifactKind {
    /// Something made and offered: a product.
    Product,
    /// A document: a prospectus, a report.
    Document,
}

/// A product or document.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Artifact {
    /// Record id.
    pub id: Text,
    /// The name.
    pub name: Text,
    /// What it is.
    pub kind: Spanned<ArtifactKind>,
    /// A short description in our words.
    pub description: Option<Text>,
    /// Words from the article.
    pub evidence: Evidence,
}

/// One of the strategic dimensions an organization defines itself by.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// Record id.
    pub id: Text,
    /// The name.
    pub name: Text,
    /// The organization whose strategy it is.
    pub of: Text,
    /// Words from the article.
    pub evidence: Evidence,
}

/// What kind of thing happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    /// A reorganization of an organization as a whole.
    Restructuring,
    /// Units or staff moved from one organization to another.
    Transfer,
    /// A change in who reports to whom.
    ReportingChange,
    /// An organization came into being.
    Founding,
    /// A product was launched.
    Launch,
    /// Money was invested.
    Investment,
    /// A document was filed or published.
    Filing,
    /// A service to a client began.
    ServiceStart,
    /// A contract was signed.
    Contract,
    /// A way of working changed.
    PolicyChange,
    /// An application, such as a listing application, was withdrawn.
    Withdrawal,
    /// An offer was made to buy shareholders' shares of a company.
    BuyoutOffer,
}

/// Something that happened.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Record id.
    pub id: Text,
    /// A short name.
    pub name: Text,
    /// What kind of event.
    pub kind: Spanned<EventKind>,
    /// When: `unknown`, a date, or `by` a date.
    pub date: Spanned<When>,
    /// How the article places it in time, when that is not a date ("11 years before").
    pub date_note: Option<Text>,
    /// The larger event it is part of.
    pub part_of: Option<Text>,
    /// People and organizations taking part.
    #[serde(default)]
    pub agents: Vec<Text>,
    /// Organizations as they were before (a change event's original organizations).
    #[serde(default)]
    pub original: Vec<Text>,
    /// Organizations created or changed by it.
    #[serde(default)]
    pub resulting: Vec<Text>,
    /// Units it moved from `original` to `resulting`.
    #[serde(default)]
    pub moves: Vec<Text>,
    /// Artifacts it produced.
    #[serde(default)]
    pub generated: Vec<Text>,
    /// A short description in our words.
    pub description: Option<Text>,
    /// Words from the article.
    pub evidence: Evidence,
}

/// The kinds of tie a relation record states, read "subject, kind, object".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RelationKind {
    /// A person (or post) reports to a person (or post).
    ReportsTo,
    /// A unit belongs to an organization.
    UnitOf,
    /// An organization is part of a larger one.
    SubOrganizationOf,
    /// A person or organization is a member of an organization.
    MemberOf,
    /// An organization is a client of a service provider.
    ClientOf,
    /// Two organizations work together.
    PartnerOf,
    /// A business line or organization serves a customer.
    Serves,
    /// A business line carries a strategic dimension.
    AlignedWith,
    /// An organization was founded by a person.
    FoundedBy,
    /// An organization's mission was set by a person.
    EnvisionedBy,
    /// An organization operates in a place.
    OperatesIn,
}

/// A tie between records.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// Record id.
    pub id: Text,
    /// Who or what the tie starts from.
    pub subject: Text,
    /// The tie.
    pub kind: Spanned<RelationKind>,
    /// One id or a list of ids.
    pub object: Ids,
    /// When the tie began: a date or an event id.
    pub since: Option<Spanned<Boundary>>,
    /// When the tie ended: a date or an event id. A tie with an end is history: it is not
    /// stated as a plain triple, only as a dated statement.
    pub until: Option<Spanned<Boundary>>,
    /// A short note in our words.
    pub note: Option<Text>,
    /// Words from the article.
    pub evidence: Evidence,
}

impl Relation {
    /// Whether the relation is described by a statement of its own: it is bounded in time or
    /// annotated.
    pub fn qualified(&self) -> bool {
        self.since.is_some() || self.until.is_some() || self.note.is_some()
    }
}

/// A service an organization provides to others.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Record id.
    pub id: Text,
    /// What the service is.
    pub name: Text,
    /// Who provides it.
    pub provider: Text,
    /// Who receives it.
    #[serde(default)]
    pub clients: Vec<Text>,
    /// The event after which the article says it goes on.
    pub continues_after: Option<Text>,
    /// A short description in our words.
    pub description: Option<Text>,
    /// Words from the article.
    pub evidence: Evidence,
}

/// What a measure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MeasureKind {
    /// Growth of revenue over a period, in percent.
    RevenueGrowth,
    /// Share of total revenue, in percent.
    RevenueShare,
    /// A number of employees.
    Headcount,
    /// A position in a ranking.
    Rank,
    /// A holder's share of an organization's equity, in percent.
    Stake,
    /// A price for each share, in money.
    PricePerShare,
    /// A total price, in money.
    TotalPrice,
    /// What an organization is valued at, in money.
    Valuation,
}

impl MeasureKind {
    /// Whether its value is a percentage.
    pub fn percent(self) -> bool {
        matches!(
            self,
            MeasureKind::RevenueGrowth | MeasureKind::RevenueShare | MeasureKind::Stake
        )
    }

    /// Whether its value is money, with a currency.
    pub fn money(self) -> bool {
        matches!(
            self,
            MeasureKind::PricePerShare | MeasureKind::TotalPrice | MeasureKind::Valuation
        )
    }
}

/// A number the article gives.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Record id.
    pub id: Text,
    /// What is measured, in words.
    pub name: Text,
    /// What kind of number.
    pub kind: Spanned<MeasureKind>,
    /// The record it is a measure of.
    pub of: Text,
    /// The value: `30%`, `>400`, `2`, `USD 0.62`.
    pub value: Spanned<Amount>,
    /// The fiscal period it covers.
    pub period: Option<Spanned<FiscalPeriod>>,
    /// Words from the article.
    pub evidence: Evidence,
}

/// A priced offer.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offer {
    /// Record id.
    pub id: Text,
    /// What is offered ("next-day delivery").
    pub name: Text,
    /// Who offers it.
    pub seller: Text,
    /// Where (a place id).
    pub area: Text,
    /// The price as the article gives it: `EUR 2`, `EUR 3-5`.
    pub price: Spanned<Amount>,
    /// The same price in another currency, as the article converts it.
    pub equivalent: Option<Spanned<Amount>>,
    /// Delivery time in days: `1`, `3-5`.
    pub delivery_days: Spanned<Amount>,
    /// Words from the article.
    pub evidence: Evidence,
}

/// Something a person said.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// Record id.
    pub id: Text,
    /// Who said it.
    pub speaker: Text,
    /// The words, exactly as the article prints them.
    pub text: Text,
    /// How and to whom it was said ("told 36Kr").
    pub context: Option<Text>,
    /// Words from the article around the quote, naming the speaker.
    pub evidence: Evidence,
}

/// One string or a list of strings, each keeping where it was written.
#[derive(Debug, Clone)]
pub struct TextList(pub Vec<Text>);

/// The evidence of a record: one quote or a list of quotes from the article.
pub type Evidence = TextList;

/// The object of a relation: one id or a list of ids.
pub type Ids = TextList;

impl<'de> Deserialize<'de> for TextList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        enum Raw {
            One(String),
            Many(Vec<Text>),
        }
        struct RawVisitor;
        impl<'de> Visitor<'de> for RawVisitor {
            type Value = Raw;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a list of strings")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Raw, E> {
                Ok(Raw::One(v.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Text>()? {
                    items.push(item);
                }
                Ok(Raw::Many(items))
            }
        }
        impl<'de> Deserialize<'de> for Raw {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_any(RawVisitor)
            }
        }
        let raw = Spanned::<Raw>::deserialize(deserializer)?;
        let span = raw.span();
        Ok(TextList(match raw.into_inner() {
            Raw::One(text) => vec![Spanned::new(span, text)],
            Raw::Many(items) if items.is_empty() => {
                return Err(serde::de::Error::custom("expected at least one string"));
            }
            Raw::Many(items) => items,
        }))
    }
}

impl RelationKind {
    /// The relation read as words: "reports to".
    pub fn phrase(self) -> &'static str {
        match self {
            RelationKind::ReportsTo => "reports to",
            RelationKind::UnitOf => "is a unit of",
            RelationKind::SubOrganizationOf => "is part of",
            RelationKind::MemberOf => "is a member of",
            RelationKind::ClientOf => "is a client of",
            RelationKind::PartnerOf => "is a partner of",
            RelationKind::Serves => "serves",
            RelationKind::AlignedWith => "is aligned with",
            RelationKind::FoundedBy => "was founded by",
            RelationKind::EnvisionedBy => "was envisioned by",
            RelationKind::OperatesIn => "operates in",
        }
    }
}
