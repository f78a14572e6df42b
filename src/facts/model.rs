//! The facts file as written by hand: one TOML table array per kind of record.
//!
//! Every record has an `id` (lowercase letters, digits and dashes; it becomes the last
//! segment of the record's IRI) and an `evidence` quote, copied word for word from the
//! article. Fields that name another record hold that record's id. Unknown fields are errors.

use crate::text::values::{Amount, Boundary, FiscalPeriod, Relative, When};
use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;
use toml::Spanned;

/// A string from the file, with where it was written.
pub type Text = Spanned<String>;

/// Declares a record struct: `id` first, then the fields given, then the fields every record
/// shares (`basis`, `basis_note`, `evidence`), and implements [`Record`] for it.
///
/// A macro rather than a shared struct under `#[serde(flatten)]`: serde cannot deny unknown
/// fields through a flattened struct (the outer struct no longer knows every field name), and
/// a misspelt field must stay an error at its line and column. Declaring the fields in each
/// struct keeps `#[serde(deny_unknown_fields)]` working while they are written once here.
macro_rules! record {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $($(#[$field_meta:meta])* pub $field:ident: $ty:ty,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            /// Record id.
            pub id: Text,
            $($(#[$field_meta])* pub $field: $ty,)*
            /// `editorial` when the record, or a value of it, is not the article's words but
            /// the editor's (outside knowledge, a reading of the text); `basis_note` then says
            /// what and why. Without it every value must be in the evidence.
            pub basis: Option<Spanned<Basis>>,
            /// Why an editorial record is stated, and where it comes from.
            pub basis_note: Option<Text>,
            /// Words from the article.
            pub evidence: Evidence,
        }

        impl Record for $name {
            fn id(&self) -> &Text {
                &self.id
            }
            fn basis(&self) -> Option<&Spanned<Basis>> {
                self.basis.as_ref()
            }
            fn basis_note(&self) -> Option<&Text> {
                self.basis_note.as_ref()
            }
            fn evidence(&self) -> &Evidence {
                &self.evidence
            }
        }
    };
}

/// The fields every kind of record has, whatever its kind.
pub trait Record {
    /// The record id, with its position.
    fn id(&self) -> &Text;
    /// `editorial` when the record is the editor's rather than the article's words.
    fn basis(&self) -> Option<&Spanned<Basis>>;
    /// Why an editorial record is stated.
    fn basis_note(&self) -> Option<&Text>;
    /// The quotes from the article that state the record.
    fn evidence(&self) -> &Evidence;
}

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

        /// The records of a later piece of a facts file: every table but `[article]`.
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(super) struct MoreRecords {
            $(
                #[serde(default, rename = $table)]
                $field: Vec<$ty>,
            )*
        }

        impl FactsFile {
            /// Appends the records of a later piece of the file.
            pub(super) fn append(&mut self, more: MoreRecords) {
                $(self.$field.extend(more.$field);)*
            }

            /// A later piece of the file on its own, with the article of the first.
            pub(super) fn with_article(article: Article, more: MoreRecords) -> FactsFile {
                FactsFile {
                    article,
                    $($field: more.$field,)*
                }
            }
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
                self.record().id()
            }

            /// The quotes from the article that state the record.
            pub fn evidence(self) -> &'a Evidence {
                self.record().evidence()
            }

            /// Whether the record is the editor's rather than the article's words, and the
            /// note saying why.
            pub fn editorial(self) -> Option<&'a Text> {
                let record = self.record();
                match record.basis().map(|b| *b.get_ref()) {
                    Some(Basis::Editorial) => record.basis_note(),
                    _ => None,
                }
            }

            /// The record's `basis` and `basis_note`, as written.
            pub fn basis(self) -> (Option<&'a Spanned<Basis>>, Option<&'a Text>) {
                let record = self.record();
                (record.basis(), record.basis_note())
            }

            /// The record's shared fields, whatever its kind.
            pub fn record(self) -> &'a dyn Record {
                match self {
                    $(RecordRef::$kind(r) => r,)*
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
    /// What the article says about why and how: aims, reasons, constraints, what stays.
    Claim, "claim", claims: Claim;
}

/// What a record's values rest on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// The article's words, as quoted in the evidence (the default).
    Article,
    /// The editor's: outside knowledge or a reading of the text, stated with a note.
    Editorial,
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
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Names the article and its graph.
    pub id: Text,
    /// The headline.
    pub title: Text,
    /// The standfirst under the headline.
    pub subtitle: Option<Text>,
    /// The organization that published this version (an organization id); left out when the
    /// page names none.
    pub publisher: Option<Text>,
    /// The organization that first published the text, when it is a translation or reprint.
    pub original_publisher: Option<Text>,
    /// The writer (a person id).
    pub author: Option<Text>,
    /// BCP 47 language tag of the text.
    pub language: Text,
    /// When it was published: a date, or `unknown`.
    pub published: Spanned<When>,
    /// When the original it translates was published, if known. Relative dates ("11 years
    /// ago") are resolved against it, or against `published` when there is no original.
    pub original_published: Option<Spanned<When>>,
    /// Where `original_published` comes from, when the text does not say it: the date is
    /// then the editor's, recorded with this note.
    pub original_published_note: Option<Text>,
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
    /// A business group inside a larger group ("Alibaba's other business groups"): an
    /// organization of its own, not a legal entity as far as the article says.
    BusinessGroup,
    /// A line of business of an organization: what it does, not a part of its structure.
    BusinessLine,
    /// A loose set of agents the article speaks of together ("non-Alibaba clients").
    Group,
}

impl OrgKind {
    /// Every kind, in the order declared.
    pub const ALL: [OrgKind; 6] = [
        OrgKind::Formal,
        OrgKind::Organization,
        OrgKind::Unit,
        OrgKind::BusinessGroup,
        OrgKind::BusinessLine,
        OrgKind::Group,
    ];
}

record! {
    /// A company, business group, unit, team or business line.
    pub struct Organization {
        /// The main name.
        pub name: Text,
        /// Other names the text uses.
        #[serde(default)]
        pub alt_names: Vec<Text>,
        /// What it is.
        pub kind: Spanned<OrgKind>,
        /// The organization it belongs to: a sub-organization for `formal`, `organization` and
        /// `business-group`, a unit for `unit`, the organization whose line it is for
        /// `business-line`.
        pub part_of: Option<Text>,
        /// A short description in our words.
        pub description: Option<Text>,
    }
}

record! {
    /// A person, named or not.
    pub struct Person {
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
    }
}

record! {
    /// A position in an organization, and who holds it.
    pub struct Post {
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
    }
}

record! {
    /// A region or area.
    pub struct Place {
        /// The name.
        pub name: Text,
        /// A word of the article that limits which parts are meant ("select"), kept as data.
        pub scope: Option<Text>,
        /// A larger place that contains it.
        pub within: Option<Text>,
    }
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

record! {
    /// A product or document.
    pub struct Artifact {
        /// The name.
        pub name: Text,
        /// What it is.
        pub kind: Spanned<ArtifactKind>,
        /// A short description in our words.
        pub description: Option<Text>,
    }
}

record! {
    /// One of the strategic dimensions an organization defines itself by.
    pub struct Dimension {
        /// The name.
        pub name: Text,
        /// The organization whose strategy it is.
        pub of: Text,
    }
}

/// What kind of thing happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    /// A reorganization of an organization as a whole.
    Restructuring,
    /// Staff or units moved from one organization to another, when the article does not say
    /// which.
    Transfer,
    /// Staff moved from one organization to another.
    StaffTransfer,
    /// Units moved from one organization into another.
    UnitTransfer,
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
    /// Organizations worked together.
    Collaboration,
}

/// How far along a change is, as the article reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Announced or planned, not yet done ("will be integrated", "will now report").
    Planned,
    /// Happening as the article writes ("is undergoing").
    UnderWay,
    /// Done ("has shifted", "began serving").
    Completed,
}

/// How a statement reached the article, for statements the article attributes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attribution {
    /// Who says it: a person or organization id (a named or unnamed source, the outlet).
    pub by: Text,
    /// The article's words for how ("has learned", "told 36Kr", "stated internally").
    pub how: Text,
}

record! {
    /// Something that happened.
    pub struct Event {
        /// A short name.
        pub name: Text,
        /// What kind of event.
        pub kind: Spanned<EventKind>,
        /// When: `unknown`, a date, or `by` a date.
        pub date: Spanned<When>,
        /// How the article places it in time, when that is not a date ("11 years before").
        pub date_note: Option<Text>,
        /// A time relative to the article's publication, in the article's words: `N years ago`,
        /// `recently`, `for over a year`, `for over N years`. It is resolved against the
        /// publication date (`original_published`, else `published`) into an interval at the
        /// precision the words allow; `date` is then `unknown`.
        pub relative: Option<Spanned<Relative>>,
        /// How far along the change is: `planned`, `under-way` or `completed`.
        pub status: Option<Spanned<Status>>,
        /// Who the article says reports it, and in which words.
        pub reported: Option<Attribution>,
        /// The larger event it is part of.
        pub part_of: Option<Text>,
        /// People and organizations taking part.
        #[serde(default)]
        pub agents: Vec<Text>,
        /// Organizations changed, merged or ended by it: `org:originalOrganization`, only for a
        /// restructuring.
        #[serde(default)]
        pub original: Vec<Text>,
        /// Organizations it created: `org:resultingOrganization`, only for a founding or a
        /// restructuring that makes new organizations.
        #[serde(default)]
        pub resulting: Vec<Text>,
        /// Where a transfer moves staff or units from.
        #[serde(default)]
        pub from: Vec<Text>,
        /// Where a transfer moves staff or units to.
        #[serde(default)]
        pub to: Vec<Text>,
        /// Units a unit transfer moves from `from` to `to`.
        #[serde(default)]
        pub moves: Vec<Text>,
        /// Artifacts it produced.
        #[serde(default)]
        pub generated: Vec<Text>,
        /// A short description in our words.
        pub description: Option<Text>,
    }
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

record! {
    /// A tie between records.
    pub struct Relation {
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
    }
}

impl Relation {
    /// Whether the relation is described by a statement of its own: it is bounded in time or
    /// annotated.
    pub fn qualified(&self) -> bool {
        self.since.is_some()
            || self.until.is_some()
            || self.note.is_some()
            || self
                .basis
                .as_ref()
                .is_some_and(|b| *b.get_ref() == Basis::Editorial)
    }
}

record! {
    /// A service an organization provides to others.
    pub struct Service {
        /// What the service is.
        pub name: Text,
        /// Who provides it.
        pub provider: Text,
        /// Who receives it.
        #[serde(default)]
        pub clients: Vec<Text>,
        /// The event after which the article says it goes on.
        pub continues_after: Option<Text>,
        /// A word of the article that limits how much is meant ("most"), kept as data.
        pub scope: Option<Text>,
        /// A short description in our words.
        pub description: Option<Text>,
    }
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

record! {
    /// A number the article gives.
    pub struct Measure {
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
    }
}

record! {
    /// A priced offer.
    pub struct Offer {
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
    }
}

record! {
    /// Something a person said. Its evidence is the article's words around the quote, naming the
    /// speaker.
    pub struct Quote {
        /// Who said it.
        pub speaker: Text,
        /// The words, exactly as the article prints them.
        pub text: Text,
        /// How and to whom it was said ("told 36Kr").
        pub context: Option<Text>,
    }
}

/// What a claim says about an event or organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimKind {
    /// What a change is meant to achieve ("aim to reinforce", "seeks to").
    Aim,
    /// Why something is done ("to address concerns about neutrality").
    Reason,
    /// What something makes possible ("enables it to").
    Effect,
    /// What stays as it was ("remains unchanged", "will continue").
    Continuity,
    /// How an organization is organized or placed.
    Description,
    /// An opinion or assessment a source gives.
    Assessment,
}

record! {
    /// A statement of the article about why or how, linked to what it is about.
    pub struct Claim {
        /// What kind of claim.
        pub kind: Spanned<ClaimKind>,
        /// The claim, in the article's words or close to them.
        pub text: Text,
        /// The events, organizations and other records it is about.
        pub about: Ids,
        /// Who the article says makes it, and in which words.
        pub reported: Option<Attribution>,
    }
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
