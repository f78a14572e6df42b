//! Every IRI newsgraph writes, in one place: the standard vocabularies it reuses and the few
//! terms of its own ontology (`ontology/newsgraph.ttl`).

use oxigraph::model::NamedNodeRef;

/// Declares a vocabulary module: its namespace and one constant per term.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $module:ident, $prefix:literal, $ns:literal, { $($name:ident = $local:literal),* $(,)? }) => {
        $(#[$doc])*
        pub mod $module {
            /// The prefix newsgraph writes for this namespace.
            pub const PREFIX: &str = $prefix;
            /// The namespace IRI.
            pub const NS: &str = $ns;
            $(
                #[doc = concat!("`", $prefix, ":", $local, "`")]
                pub const $name: super::NamedNodeRef<'static> =
                    super::NamedNodeRef::new_unchecked(concat!($ns, $local));
            )*
        }
    };
}

vocabulary!(
    /// RDF itself: types and reified statements.
    rdf, "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#", {
        TYPE = "type", STATEMENT = "Statement", SUBJECT = "subject", PREDICATE = "predicate",
        OBJECT = "object",
    }
);

vocabulary!(
    /// RDF Schema: labels and comments.
    rdfs, "rdfs", "http://www.w3.org/2000/01/rdf-schema#", {
        LABEL = "label", COMMENT = "comment",
    }
);

vocabulary!(
    /// XML Schema datatypes.
    xsd, "xsd", "http://www.w3.org/2001/XMLSchema#", {
        DECIMAL = "decimal", INTEGER = "integer", G_YEAR = "gYear", DATE_TIME = "dateTime",
        DATE = "date",
        NON_NEGATIVE_INTEGER = "nonNegativeInteger",
    }
);

vocabulary!(
    /// OWL, for the ontology's own description.
    owl, "owl", "http://www.w3.org/2002/07/owl#", {}
);

vocabulary!(
    /// SKOS: other names, concepts and notes.
    skos, "skos", "http://www.w3.org/2004/02/skos/core#", {
        ALT_LABEL = "altLabel", PREF_LABEL = "prefLabel", CONCEPT = "Concept", NOTE = "note",
        EDITORIAL_NOTE = "editorialNote",
    }
);

vocabulary!(
    /// The W3C Organization Ontology.
    org, "org", "http://www.w3.org/ns/org#", {
        ORGANIZATION = "Organization", FORMAL_ORGANIZATION = "FormalOrganization",
        ORGANIZATIONAL_UNIT = "OrganizationalUnit", SUB_ORGANIZATION_OF = "subOrganizationOf",
        HAS_SUB_ORGANIZATION = "hasSubOrganization", UNIT_OF = "unitOf", HAS_UNIT = "hasUnit",
        POST = "Post", HOLDS = "holds", HELD_BY = "heldBy", POST_IN = "postIn",
        HAS_POST = "hasPost", ROLE = "role", ROLE_CLASS = "Role", HEAD_OF = "headOf",
        REPORTS_TO = "reportsTo", MEMBER_OF = "memberOf", HAS_MEMBER = "hasMember",
        CHANGE_EVENT = "ChangeEvent", ORIGINAL_ORGANIZATION = "originalOrganization",
        CHANGED_BY = "changedBy", RESULTING_ORGANIZATION = "resultingOrganization",
        RESULTED_FROM = "resultedFrom",
    }
);

vocabulary!(
    /// Friend of a Friend: people and groups.
    foaf, "foaf", "http://xmlns.com/foaf/0.1/", {
        PERSON = "Person", GROUP = "Group", NAME = "name",
    }
);

vocabulary!(
    /// PROV-O: activities, agents, and where things come from.
    prov, "prov", "http://www.w3.org/ns/prov#", {
        ENTITY = "Entity", ACTIVITY = "Activity", AGENT = "Agent",
        SOFTWARE_AGENT = "SoftwareAgent", WAS_ASSOCIATED_WITH = "wasAssociatedWith",
        GENERATED = "generated", WAS_GENERATED_BY = "wasGeneratedBy",
        WAS_INVALIDATED_BY = "wasInvalidatedBy", WAS_ATTRIBUTED_TO = "wasAttributedTo",
        WAS_DERIVED_FROM = "wasDerivedFrom", HAD_PRIMARY_SOURCE = "hadPrimarySource",
        WAS_QUOTED_FROM = "wasQuotedFrom", USED = "used", STARTED_AT_TIME = "startedAtTime",
        GENERATED_AT_TIME = "generatedAtTime",
    }
);

vocabulary!(
    /// DCMI terms, for the store's catalogue of articles.
    dcterms, "dcterms", "http://purl.org/dc/terms/", {
        IDENTIFIER = "identifier", SOURCE = "source", DATE = "date",
    }
);

vocabulary!(
    /// VoID, for the size of each article's graph in the store's catalogue.
    void, "void", "http://rdfs.org/ns/void#", {
        TRIPLES = "triples",
    }
);

vocabulary!(
    /// OWL-Time: instants, intervals and their dates.
    time, "time", "http://www.w3.org/2006/time#", {
        INSTANT = "Instant", INTERVAL = "Interval", HAS_TIME = "hasTime",
        HAS_BEGINNING = "hasBeginning", HAS_END = "hasEnd", IN_XSD_DATE = "inXSDDate",
        IN_XSD_G_YEAR = "inXSDgYear", IN_XSD_G_YEAR_MONTH = "inXSDgYearMonth",
        BEFORE = "before", INSIDE = "inside",
    }
);

vocabulary!(
    /// schema.org, in its https form.
    schema, "schema", "https://schema.org/", {
        NEWS_ARTICLE = "NewsArticle", HEADLINE = "headline",
        ALTERNATIVE_HEADLINE = "alternativeHeadline", PUBLISHER = "publisher",
        AUTHOR = "author", IN_LANGUAGE = "inLanguage", DATE_PUBLISHED = "datePublished",
        URL = "url", TRANSLATION_OF_WORK = "translationOfWork", PLACE = "Place",
        CONTAINED_IN_PLACE = "containedInPlace", AREA_SERVED = "areaServed",
        FOUNDER = "founder", PRODUCT = "Product", CREATIVE_WORK = "CreativeWork",
        SERVICE = "Service", PROVIDER = "provider", OFFER = "Offer", SELLER = "seller",
        ITEM_OFFERED = "itemOffered", PRICE_SPECIFICATION = "priceSpecification",
        PRICE_SPECIFICATION_CLASS = "PriceSpecification", PRICE = "price",
        MIN_PRICE = "minPrice", MAX_PRICE = "maxPrice", PRICE_CURRENCY = "priceCurrency",
        MONETARY_AMOUNT = "MonetaryAmount", CURRENCY = "currency", VALUE = "value",
        MIN_VALUE = "minValue", MAX_VALUE = "maxValue", UNIT_CODE = "unitCode",
        UNIT_TEXT = "unitText", QUANTITATIVE_VALUE = "QuantitativeValue",
        SHIPPING_DETAILS = "shippingDetails", OFFER_SHIPPING_DETAILS = "OfferShippingDetails",
        DELIVERY_TIME = "deliveryTime", SHIPPING_DELIVERY_TIME = "ShippingDeliveryTime",
        TRANSIT_TIME = "transitTime", QUOTATION = "Quotation", TEXT = "text",
        DESCRIPTION = "description", SUPER_EVENT = "superEvent", SUB_EVENT = "subEvent",
        SOFTWARE_APPLICATION = "SoftwareApplication", SOFTWARE_VERSION = "softwareVersion",
        NAME = "name", MEDIA_OBJECT = "MediaObject", ENCODES_CREATIVE_WORK = "encodesCreativeWork",
        ENCODING_FORMAT = "encodingFormat", IS_BASED_ON = "isBasedOn", SHA256 = "sha256", DATE_CREATED = "dateCreated",
        CLAIM = "Claim", ABOUT = "about", APPEARANCE = "appearance",
        POTENTIAL_ACTION_STATUS = "PotentialActionStatus",
        ACTIVE_ACTION_STATUS = "ActiveActionStatus",
        COMPLETED_ACTION_STATUS = "CompletedActionStatus",
    }
);

vocabulary!(
    /// The W3C Web Annotation vocabulary: pointing into the source text.
    oa, "oa", "http://www.w3.org/ns/oa#", {
        ANNOTATION = "Annotation", HAS_BODY = "hasBody", HAS_TARGET = "hasTarget",
        SPECIFIC_RESOURCE = "SpecificResource", HAS_SOURCE = "hasSource",
        HAS_SELECTOR = "hasSelector", TEXT_QUOTE_SELECTOR = "TextQuoteSelector",
        EXACT = "exact", PREFIX_ = "prefix", SUFFIX = "suffix",
        TEXT_POSITION_SELECTOR = "TextPositionSelector", START = "start", END = "end",
        MOTIVATED_BY = "motivatedBy", DESCRIBING = "describing",
    }
);

vocabulary!(
    /// SPARQL 1.1 Service Description, for what `newsgraph serve` says of its endpoint.
    sd, "sd", "http://www.w3.org/ns/sparql-service-description#", {
        SERVICE = "Service", ENDPOINT = "endpoint", SUPPORTED_LANGUAGE = "supportedLanguage",
        SPARQL11_QUERY = "SPARQL11Query", SPARQL11_UPDATE = "SPARQL11Update",
        RESULT_FORMAT = "resultFormat", FEATURE = "feature",
        UNION_DEFAULT_GRAPH = "UnionDefaultGraph", DEFAULT_DATASET = "defaultDataset",
        DATASET = "Dataset", DEFAULT_GRAPH = "defaultGraph", GRAPH = "Graph",
        NAMED_GRAPH = "namedGraph", NAMED_GRAPH_CLASS = "NamedGraph", NAME = "name",
    }
);

vocabulary!(
    /// The W3C's names of formats, for the formats an endpoint writes.
    formats, "formats", "http://www.w3.org/ns/formats/", {
        SPARQL_RESULTS_JSON = "SPARQL_Results_JSON", SPARQL_RESULTS_XML = "SPARQL_Results_XML",
        SPARQL_RESULTS_CSV = "SPARQL_Results_CSV", SPARQL_RESULTS_TSV = "SPARQL_Results_TSV",
        TURTLE = "Turtle", N_TRIPLES = "N-Triples", N_QUADS = "N-Quads", TRIG = "TriG",
        JSON_LD = "JSON-LD", RDF_XML = "RDF_XML",
    }
);

vocabulary!(
    /// newsgraph's own terms, only for what the standard vocabularies lack.
    ng, "ng", "https://newsgraph.example/ns#", {
        BUSINESS_LINE = "BusinessLine", RESTRUCTURING = "Restructuring",
        TRANSFER = "Transfer", REPORTING_CHANGE = "ReportingChange", FOUNDING = "Founding",
        LAUNCH = "Launch", INVESTMENT = "Investment", FILING = "Filing",
        SERVICE_START = "ServiceStart", CONTRACT = "Contract", POLICY_CHANGE = "PolicyChange",
        WITHDRAWAL = "Withdrawal", BUYOUT_OFFER = "BuyoutOffer",
        STRATEGIC_DIMENSION = "StrategicDimension", DIMENSION_OF = "dimensionOf",
        MEASURE = "Measure", REVENUE_GROWTH = "RevenueGrowth", REVENUE_SHARE = "RevenueShare",
        HEADCOUNT = "Headcount", RANK = "Rank", STAKE = "Stake",
        PRICE_PER_SHARE = "PricePerShare", TOTAL_PRICE = "TotalPrice", VALUATION = "Valuation", MEASURE_OF = "measureOf", PERIOD = "period",
        FISCAL_PERIOD = "FiscalPeriod", FISCAL_YEAR = "fiscalYear",
        FISCAL_QUARTER = "fiscalQuarter", MOVED_UNIT = "movedUnit", CLIENT_OF = "clientOf",
        PARTNER_OF = "partnerOf", SERVES = "serves", ALIGNED_WITH = "alignedWith",
        ENVISIONED_BY = "envisionedBy", PROVIDED_TO = "providedTo",
        CONTINUES_AFTER = "continuesAfter", EQUIVALENT_PRICE = "equivalentPrice",
        ANONYMOUS = "anonymous", BUSINESS_GROUP = "BusinessGroup",
        STAFF_TRANSFER = "StaffTransfer", UNIT_TRANSFER = "UnitTransfer",
        COLLABORATION = "Collaboration", TRANSFERRED_FROM = "transferredFrom",
        TRANSFERRED_TO = "transferredTo", BUSINESS_LINE_OF = "businessLineOf",
        STATUS = "status", REPORTED_BY = "reportedBy", REPORTED_AS = "reportedAs",
        RELATIVE_EXPRESSION = "relativeExpression", RELATIVE_TO = "relativeTo",
        EXCLUSIVE_MIN_VALUE = "exclusiveMinValue", SCOPE = "scope", AIM = "Aim",
        REASON = "Reason", EFFECT = "Effect", CONTINUITY = "Continuity",
        CHARACTERIZATION = "Characterization", ASSESSMENT = "Assessment",
        APPROXIMATE = "approximate", SOURCES_DIGEST = "sourcesDigest",
    }
);

/// The graph name the ontology is loaded under.
pub const ONTOLOGY_GRAPH: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("https://newsgraph.example/ns");

/// The graph name of the store's catalogue: for each article's graph, its article id, facts
/// file, triple count and load time.
pub const CATALOGUE_GRAPH: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("https://newsgraph.example/catalogue");

/// The graph name of the corpus layer: what newsgraph derives over all the articles loaded
/// together (each article graph's date, each entity's preferred and other names, and the
/// current value of what holds one value at a time), recomputed whenever the set of articles
/// changes (see `store::corpus`).
pub const CORPUS_GRAPH: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("https://newsgraph.example/corpus");

/// The default base IRI for the resources newsgraph mints.
pub const DEFAULT_BASE: &str = "https://newsgraph.example/id/";

/// The prefixes written in Turtle, TriG and RDF/XML, besides the base IRI's own.
pub const PREFIXES: &[(&str, &str)] = &[
    (rdf::PREFIX, rdf::NS),
    (rdfs::PREFIX, rdfs::NS),
    (xsd::PREFIX, xsd::NS),
    (owl::PREFIX, owl::NS),
    (skos::PREFIX, skos::NS),
    (org::PREFIX, org::NS),
    (foaf::PREFIX, foaf::NS),
    (prov::PREFIX, prov::NS),
    (time::PREFIX, time::NS),
    (schema::PREFIX, schema::NS),
    (oa::PREFIX, oa::NS),
    (ng::PREFIX, ng::NS),
];

/// The last segment of an IRI, after its last `#` or `/`: `reportsTo` for `org:reportsTo`.
pub fn local_name(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}
