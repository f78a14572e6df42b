//! Posts: who holds which role in which organization.
//!
//! Patterns over a sentence whose names are masked: "X, CEO of Y", "X, CEO of both Y and Z",
//! "Y CEO X", "Y's chief executive officer, X", "X, a senior Y executive", "X will serve as
//! chairman and chief executive officer of Y", "X, CFO since 2017,", "X took over as CEO",
//! "reporting to chief executive X", "X was named its managing director", "Y has appointed X
//! managing director of its export company, Z". "Chief executive officer" is written `CEO`;
//! roles joined by "and" in an apposition, a succession or an appointment ("X, president and
//! chief executive officer of Y") are one post, as written; "X will serve as chairman and
//! CEO of Y" is two, as the hand-written files have them.
//! A succession that names no organization ("X will succeed him as CEO") is a post of the one
//! named last before it in its paragraph.
//! A role is one of a list of titles, or one built as titles are: "chief … officer", or up to
//! two words before a head noun of a trade ("group financial controller", "social affairs
//! reporter"), none of them a word that cannot stand in a title ("the sound engineer").
//! A role of something that is not a named organization ("CEO of Alibaba's e-commerce
//! business", "of the new group") is not proposed.

use super::Post;
use super::found::Found;
use super::ids::slug;
use super::segment::Doc;
use super::segment::patterns;
use regex::Regex;
use std::sync::LazyLock;

const ROLE: &str = r"(?:(?:deputy|assistant|associate|acting)\s+)?(?:chief\s+[a-z]+(?:\s+[a-z]+)?\s+officer|(?:[a-z]+\s+){1,2}TRADE_NOUN|supervisory board chair(?:man|woman|person)?|board chair(?:man|woman|person)?|chair(?:person)?|CEO|CFO|COO|CTO|chief executive officer|chief executive|chief financial officer|chief operating officer|chief technology officer|chief commercial officer|chairman|chairwoman|president director|president commissioner|(?:senior\s+|executive\s+)?vice[- ]president(?:\s+of\s+(?:finance|sales|operations|marketing|engineering|research|communications|investor relations|human resources|strategy|technology|[a-z]+\s+[a-z]+))?|president|executive|general manager|(?:communications|product|project|plant|site|sales|marketing|operations|country|regional|branch|store|fund|portfolio|account)\s+manager|manager|managing director|(?:finance|financial|operations|commercial|marketing|technical|technology|sales|research|communications|editorial|regional|non-executive|investment|fleet|design|manufacturing|engineering) director|director of (?:operations|finance|manufacturing|engineering|sales|marketing|research|communications|investor relations)|director|(?:[a-z]+\s+)?analyst|(?:managing\s+)?partner|(?:group\s+)?treasurer|(?:company\s+)?secretary|head of [a-z]+(?:\s+[a-z]+)?|[a-z]+ head|head)";

/// Head nouns of a title built as titles are, for the patterns' open title grammar and the
/// token reader of posts ([`super::ties`]); each with whether the patterns take it after any
/// one or two words (`true`: "group financial controller", "social affairs reporter"), or only
/// with the words their list of roles gives it (`false`: "managing director", "general
/// manager"), the token reader taking every one after up to two words that can stand in a
/// title.
pub(super) const TITLE_NOUNS: &[(&str, bool)] = &[
    ("officer", true),
    ("controller", true),
    ("reporter", true),
    ("correspondent", true),
    ("editor", true),
    ("engineer", true),
    ("organiser", true),
    ("organizer", true),
    ("economist", true),
    ("scientist", true),
    ("counsel", true),
    ("director", false),
    ("manager", false),
    ("president", false),
    ("chair", false),
    ("chairman", false),
    ("chairwoman", false),
    ("treasurer", false),
    ("secretary", false),
    ("head", false),
    ("analyst", false),
    ("partner", false),
    ("adviser", false),
    ("advisor", false),
    ("chief", false),
    ("executive", false),
];

/// [`ROLE`] with its open grammar's head nouns ([`TITLE_NOUNS`]) written in.
static ROLE_PATTERN: LazyLock<String> = LazyLock::new(|| {
    let nouns: Vec<&str> = TITLE_NOUNS
        .iter()
        .filter(|(_, open)| *open)
        .map(|(n, _)| *n)
        .collect();
    ROLE.replace("TRADE_NOUN", &format!("(?:{})", nouns.join("|")))
});

/// Words that describe an organization before its name ("the Nairobi brokerage Mlima
/// Securities", "the Brno ink maker Inkora"): a place's name, up to two words, a noun of a kind
/// of organization.
const DESCRIBED: &str = r"(?:[A-Z][\w-]*\s+)?(?:[a-z-]+\s+){0,2}?COMPANY_NOUN";

/// An apposition between a person's name and the verb, naming no other person: "X, Anáhuac's
/// director of operations, will take over as …", "X, until now Y's vice president of sales,
/// joins on 1 April as …". Its runs of letters are unbounded: a bounded run of a class that
/// is not ASCII compiles to a large automaton in every pattern that holds it, which cost each
/// draft several milliseconds.
const APPOSITION: &str = r",\s+(?:[^,«]+?(?:«O\d+»(?:['’]s)?[^,«]*?)?|«O\d+»(?:['’]s)?[^,«]+?),";

/// Words before "head", "chair" or "lead" that make it a verb ("will head Y"), not part of
/// a role or a title before a name. One alternation of a regular expression.
pub(super) const AUXILIARIES: &str =
    "will|would|to|shall|may|can|could|might|must|also|who|now|currently";

/// A second role after "and" ("president and chief executive officer"): up to four words, of
/// which the longest opening that [`ROLE_ALONE`] holds to be a role is taken after the match,
/// so that the large alternation of roles is not repeated in the patterns (each copy cost a
/// draft about a millisecond). Its words after the first are not "of" or "at", so that a
/// pattern's "of Y" after the role stays the pattern's.
const AND_ROLE: &str = r"(?:\s+and\s+(?<and>[A-Za-z][A-Za-z-]*(?:\s+(?:[a-z-]{3,}|[a-z-]|[b-np-z-][a-z-]|o[a-eg-z-]|a[a-su-z-])){0,3}))?";

/// Where a post's organization is when the pattern names none.
#[derive(Clone, Copy)]
enum Unnamed {
    /// The organization named last before the match ("X, its CFO").
    Before,
    /// The organization the sentence names first, its subject ("Y will merge …, chief
    /// executive X told reporters"; "Finance director X, who joined Y in 2021").
    First,
    /// The organization the text names most, for a role named alone ("X, CFO since 2017,",
    /// "X took over as CEO"); the post also quotes the sentence that last named it. ("X, the
    /// company's finance director" is read by the reader of structure, which resolves "the
    /// company's" as the check does: [`super::ties`].)
    Main,
    /// The organization named last before the match, else the one the text names most ("X,
    /// its CFO since 2019, will succeed him as CEO").
    BeforeOrMain,
}

static PATTERNS: LazyLock<Vec<(Regex, &'static str, Unnamed)>> = LazyLock::new(|| {
    let p = |s: &str| {
        super::segment::regex(
            &s.replace("AND_ROLE", AND_ROLE)
                .replace("ROLE", &ROLE_PATTERN)
                .replace("DESCRIBED", DESCRIBED)
                .replace("COMPANY_NOUN", super::places::COMPANY_NOUN)
                .replace("APPOSITION", APPOSITION),
        )
    };
    let before = Unnamed::Before;
    vec![
        // X, (until then) CEO of (both) (the) Y (and (the) Z)
        (
            p(
                r"«P(?<p>\d+)»,\s+(?:(?:the|a|an|until then|until now|then|now|currently|formerly|previously|also|its|former|new)\s+)*(?<adj>(?:senior|deputy)\s+)?(?<role>ROLE)AND_ROLE\s+(?:of|at)\s+(?:both\s+)?(?:the\s+)?(?:DESCRIBED\s+)?(?<orgs>«O\d+»(?:(?:,\s+(?:the\s+)?«O\d+»)*,?\s+and\s+(?:the\s+)?«O\d+»)?)(?:['’]s)?",
            ),
            "X, ROLE of Y",
            before,
        ),
        // X, who has led / run / headed Y (since 2012): the head of Y; who has run Y as ROLE:
        // its ROLE. ("Who manages Y" is left out: the check grounds no "manager" in "manages".)
        (
            p(
                r"«P(?<p>\d+)»,?\s+who\s+(?:(?:has|had)\s+)?(?:led|run|ran|headed|leads|runs|heads)\s+(?:the\s+)?(?<orgs>«O\d+»)(?:\s+as\s+(?<role>ROLE)\b)?",
            ),
            "X, who has led Y",
            before,
        ),
        // A transcript's speaker from elsewhere: "X, Analyst, Y: Thanks."
        (
            p(r"^«P(?<p>\d+)»,\s+(?<role>ROLE),\s+(?<orgs>«O\d+»):"),
            "X, ROLE, Y:",
            before,
        ),
        // Y('s) (senior) CEO (,) X
        (
            p(
                r"(?<orgs>«O\d+»)(?:['’]s)?\s+(?<adj>(?:senior|deputy|new|former)\s+)?(?<role>ROLE)AND_ROLE,?\s+«P(?<p>\d+)»",
            ),
            "Y ROLE X",
            before,
        ),
        // X, a senior Y executive
        (
            p(
                r"«P(?<p>\d+)»,\s+(?:a|an|the)\s+(?<adj>(?:senior|deputy|top)\s+)?(?<orgs>«O\d+»)\s+(?<role>ROLE)",
            ),
            "X, a Y ROLE",
            before,
        ),
        // X, Y's operations head
        (
            p(
                r"«P(?<p>\d+)»,\s+(?<orgs>«O\d+»)['’]s\s+(?<adj>(?:senior|deputy|new)\s+)?(?<role>ROLE|[a-z]+\s+(?:head|chief|director))AND_ROLE\b",
            ),
            "X, Y's ROLE",
            before,
        ),
        // X, its ROLE (since 2019): the organization named last before it.
        (
            p(
                r"«P(?<p>\d+)»,\s+(?:its|their)\s+(?<adj>(?:senior|deputy|new|former)\s+)?(?<role>ROLE)AND_ROLE\b",
            ),
            "X, its ROLE",
            before,
        ),
        // X, CFO since 2017, …: a role with no organization, in apposition and followed by a
        // date, a relative clause or the end of the apposition or sentence ("…, said X, chief
        // financial officer."; "X, the chief operating officer who has run both plants"), or
        // a transcript's speaker ("X, Chief Executive Officer: Thank you"): the organization
        // the text names most.
        (
            p(
                r"«P(?<p>\d+)»,\s+(?:the\s+)?(?<adj>(?:interim|acting)\s+)?(?<role>ROLE)AND_ROLE(?:\s+(?:since|from)\s+[^,.]{1,20})?(?:,|:|\.?$|\s+who\b)",
            ),
            "X, ROLE since YEAR,",
            Unnamed::Main,
        ),
        // X took over as CEO (on …), X (, 41,) has been operations director since 2019, X will
        // step down as CFO: no organization named, the one the text names most.
        (
            p(
                r"«P(?<p>\d+)»(?:,\s*\d{1,3},|\s+\(\d{1,3}\)|APPOSITION)?\s+(?:(?:will|would|is to|has|have|had|was|is)\s+)?(?:been\s+)?(?:take over as|takes over as|took over as|taken over as|(?:join|joins|joined)(?:\s+[^,«.]{1,25}?)?\s+as|become|becomes|became|be named|named|be appointed|appointed|step down as|steps down as|stepped down as|retire as|retires as|retired as|stay on as|stays on as|remain|remains|remained|stays|is now|has been|had been|was)\s+(?:the\s+)?(?<adj>(?:new|interim)\s+)?(?<role>ROLE)(?:\s+(?:on|in|from|with|effective|last|this|next|after|when|since|until|and)\b|\s*[,.;]|\s*$)",
            ),
            "X took over as ROLE",
            Unnamed::Main,
        ),
        // X (, …,) was named its ROLE: the organization named last before it.
        (
            p(
                r"«P(?<p>\d+)»(?:APPOSITION)?,?\s+(?:was|has been|had been|will be|is to be|is)\s+(?:named|appointed|made)\s+(?:as\s+)?(?:its|their)\s+(?<adj>(?:new|interim)\s+)?(?<role>ROLE)AND_ROLE\b",
            ),
            "X was named its ROLE",
            before,
        ),
        // X (, …,) (… and) joins Y('s board) (from Z) as (a) ROLE
        (
            p(
                r"«P(?<p>\d+)»(?:APPOSITION)?(?:[^«.;]*?\s+and)?,?\s+(?:(?:will|would|is to|is set to|has|had|is due to)\s+)?(?:join|joins|joined|rejoin|rejoins|rejoined)\s+(?:the\s+)?(?<orgs>«O\d+»)(?:\s+from\s+(?:the\s+)?«O\d+»)?\s+as\s+(?:a|an|its|the)?\s*(?<adj>(?:new|interim)\s+)?(?<role>ROLE)AND_ROLE\b",
            ),
            "X joins Y as ROLE",
            before,
        ),
        // X (, …,) will chair Y('s board): the role "chair".
        (
            p(
                r"«P(?<p>\d+)»(?:APPOSITION|,\s+who)?,?\s+(?:(?:will|would|is to|is set to|also|now)\s+)?(?<role>chair|chairs|chaired)\s+(?:the\s+)?(?<orgs>«O\d+»)",
            ),
            "X will chair Y",
            before,
        ),
        // the (supervisory board) chair, X: the organization named last before it.
        (
            p(
                r"\b(?:the|its)\s+(?:(?:long-time|longtime)\s+)?(?<adj>(?:senior|deputy|new)\s+)?(?<role>ROLE)AND_ROLE,\s+«P(?<p>\d+)»",
            ),
            "the ROLE, X",
            before,
        ),
        // X will become / was named / has been appointed (the new) ROLE of Y
        (
            p(
                r"«P(?<p>\d+)»(?:,\s*\d{1,3},|\s+\(\d{1,3}\)|APPOSITION)?\s+(?:(?:will|would|is to|has|have|had|was|is)\s+)?(?:been\s+)?(?:become|becomes|became|be named|named|be appointed|appointed|take over as|takes over as|took over as|step down as|steps down as|stepped down as|remain|remains|stays|is now|has been|had been|was)\s+(?:as\s+)?(?:the\s+)?(?<adj>(?:new|interim)\s+)?(?<role>ROLE)\s+(?:of|at)\s+(?:the\s+)?(?<orgs>«O\d+»)(?:['’]s)?",
            ),
            "X will become ROLE of Y",
            before,
        ),
        // X will succeed Z as ROLE (of Y): X's post; Z's comes from the next pattern.
        (
            p(
                r"«P(?<p>\d+)»(?:,\s+(?:(?<held>«O\d+»)['’]s\s+(?<role2>ROLE)\b[^,]{0,40}|[^,]{0,60}),)?\s+(?:(?:will|would|is to|is set to)\s+)?(?:succeed|succeeds|succeeded|replace|replaces|replaced)\s+(?:«P\d+»|him|her)\s+as\s+(?:the\s+)?(?<role>ROLE)AND_ROLE\b(?:\s+of\s+(?:the\s+)?(?<orgs>«O\d+»)(?:['’]s)?)?",
            ),
            "X will succeed Z as ROLE",
            Unnamed::BeforeOrMain,
        ),
        (
            p(
                r"\b(?:succeed|succeeds|succeeded|replace|replaces|replaced)\s+«P(?<p>\d+)»\s+as\s+(?:the\s+)?(?<role>ROLE)AND_ROLE\b(?:\s+of\s+(?:the\s+)?(?<orgs>«O\d+»)(?:['’]s)?)?",
            ),
            "succeed Z as ROLE",
            Unnamed::BeforeOrMain,
        ),
        // X will (continue to) serve as ROLE (and ROLE) of Y
        (
            p(
                r"«P(?<p>\d+)»\s+(?:will|would|is to|was to)\s+(?:continue\s+to\s+)?serve\s+as\s+(?<role>ROLE)(?:\s+and\s+(?<role2>ROLE))?\s+of\s+(?:the\s+)?(?<orgs>«O\d+»)(?:['’]s)?",
            ),
            "X will serve as ROLE of Y",
            before,
        ),
        // Y (, …,) has named / appointed X (, …,) (as) (its) (new) ROLE
        (
            p(
                r"(?<orgs>«O\d+»)(?:,[^,«]{0,80},)?\s+(?:(?:has|have|had|will|would)\s+)?(?:also\s+)?(?:named|appointed|hired|promoted|elected)\s+(?:its\s+(?<role2>ROLE),\s+)?«P(?<p>\d+)»(?:,[^,]{0,80},|,)?\s+(?:as\s+)?(?:its\s+)?(?<adj>(?:new|interim)\s+)?(?<role>ROLE)AND_ROLE\b(?:\s+(?:of|at)\s+(?:(?:its|their|the)\s+[a-z -]{1,40}?,\s+)?(?<of>«O\d+»)(?<ofs>['’]s)?)?(?<elsewhere>\s+(?:of|at)\b)?",
            ),
            "Y has named X as ROLE",
            before,
        ),
        // The board (of directors), or its board drafted as a unit, has appointed (Dr) X (, …,) as
        // ROLE: a post of the organization named before it in the sentence, else of the one the
        // text names most.
        (
            p(
                r"(?:\b(?:[Tt]he|[Ii]ts)\s+[Bb]oard(?:\s+of\s+[Dd]irectors)?|«O(?<board>\d+)»)\s+(?:(?:has|have|had|will|would)\s+)?(?:also\s+)?(?:named|appointed|elected)\s+(?:Dr\.?\s+)?«P(?<p>\d+)»(?:,[^,]{0,80},|,)?\s+(?:as\s+)?(?:its\s+)?(?<adj>(?:new|interim)\s+)?(?<role>ROLE)AND_ROLE\b",
            ),
            "the board has appointed X as ROLE",
            Unnamed::BeforeOrMain,
        ),
        // X (, 38,) has been Y's ROLE (since 2021)
        (
            p(
                r"«P(?<p>\d+)»(?:,\s*\d{1,3},)?\s+(?:has been|had been|is|was|remains|will remain)\s+(?:the\s+)?(?<orgs>«O\d+»)['’]s\s+(?<adj>(?:senior|deputy|new)\s+)?(?<role>ROLE)AND_ROLE\b",
            ),
            "X has been Y's ROLE",
            before,
        ),
        // ROLE X, opening the sentence or a clause after a comma: the sentence's subject.
        (
            p(
                r"(?:^|,\s+|\breport(?:s|ing)?\s+to\s+)(?<role>(?i:ROLE))\s+«P(?<p>\d+)»(?:\s+\(\d{1,3}\))?\s*(?:,|\.|$|said|says|told|added|will|would|has|is|was)",
            ),
            "ROLE X",
            Unnamed::First,
        ),
        // Y, whose ROLE X
        (
            p(
                r"(?<orgs>«O\d+»),?\s+whose\s+(?<adj>(?:senior|deputy|new|former)\s+)?(?<role>ROLE)AND_ROLE\s+«P(?<p>\d+)»",
            ),
            "Y, whose ROLE X",
            before,
        ),
        // X (, who) joins from (the DESCRIBED) Y, where she has been ROLE (since 2020)
        (
            p(
                r"«P(?<p>\d+)»[^«.]{0,40}?\b(?:from|at)\s+(?:the\s+)?(?:DESCRIBED\s+)?(?<orgs>«O\d+»),\s+where\s+(?:she|he)\s+(?:has been|had been|was|is)\s+(?:the\s+)?(?<adj>(?:senior|deputy)\s+)?(?<role>ROLE)\b",
            ),
            "X joins from Y, where she has been ROLE",
            before,
        ),
    ]
});

patterns! {
    MENTION = r"«O(\d+)»(['’]s)?";

    /// A role and nothing else: the words after "and" in [`AND_ROLE`].
    ROLE_ALONE = format!(r"^{}$", *ROLE_PATTERN);

    /// A title just before a name, where the patterns above have given the person no post in
    /// the sentence ("led by chief technology officer X", "instead of to chief operating
    /// officer X", "Chief Financial Officer X"): read last, for the organization the text
    /// names most. With an organization, "its" or "whose" before the title (`pre`), the
    /// patterns above read it.
    TITLE = format!(
        r"(?<pre>(?:«O\d+»(?:['’]s)?|\b(?:its|their|whose|[Tt]he\s+company['’]s|[Tt]he\s+group['’]s))\s+)?(?<role>(?i:{role}))\s+«P(?<p>\d+)»",
        role = *ROLE_PATTERN
    );
}

patterns! {
    /// A hand-over whose other side is named after the words: the predecessor ("…, replacing
    /// co-founder Z", "succeeding Z", "taking over from her father, Z") or the successor
    /// ("… and be succeeded by his daughter, X", "… will be succeeded by chief financial
    /// officer X"). The role handed over is the one the sentence gave just before the words.
    HANDOVER = format!(
        r"\b(?:replacing|succeeding|(?:taking|takes|took|take)\s+over\s+from|(?<by>(?:be|was|is|been|being)\s+succeeded\s+by))\s+(?:(?:his|her|their|the|co-founder|founder|long-time|longtime|outgoing|retiring)\s+)*(?:[a-z-]+,\s+|{role}\s+)?«P(?<p>\d+)»",
        role = *ROLE_PATTERN
    );
}

/// Builds this stage's patterns now rather than at their first use.
pub(super) fn build_patterns() {
    LazyLock::force(&PATTERNS);
    LazyLock::force(&MENTION);
    LazyLock::force(&ROLE_ALONE);
    LazyLock::force(&TITLE);
    LazyLock::force(&HANDOVER);
}

/// The posts handed over ([`HANDOVER`]): the other side of a hand-over holds the role of the
/// post the sentence gave someone else just before the words, in the same organization ("X
/// took over as CEO on 1 October, replacing Z": Z was CEO). Read after every other post.
pub(super) fn handed_over(doc: &Doc, found: &Found, posts: &mut Vec<Post>) {
    let mut more = Vec::new();
    for s in &doc.sentences {
        let masked = found.masked(doc, s.clone());
        for caps in HANDOVER.captures_iter(&masked) {
            let person = &found.mentions[caps["p"].parse::<usize>().expect("digits")];
            let holder = found.entity(person);
            // "X will become chairman and will be succeeded by Y": Y takes the role X leaves,
            // not the one X takes up.
            let successor = caps.name("by").is_some();
            let given = posts
                .iter()
                .filter(|p| {
                    s.contains(&p.at.start)
                        && p.at.end <= person.at.start
                        && p.holder != holder.id
                        && !(successor && takes_up(&doc.text[p.at.clone()]))
                })
                .max_by_key(|p| p.at.end);
            let Some(given) = given else { continue };
            let taken = |p: &Post| {
                p.holder == holder.id
                    && p.organization == given.organization
                    && p.role == given.role
            };
            if posts.iter().chain(&more).any(taken) {
                continue;
            }
            let at = given.at.start..person.at.end;
            more.push(Post {
                id: format!("{}-{}", given.organization, slug(&given.role, "post")),
                role: given.role.clone(),
                organization: given.organization.clone(),
                holder: holder.id.clone(),
                head: given.head,
                found: format!("{}: {} (handed over)", doc.words(at.clone()), given.role),
                evidence: doc.evidence(at.clone()),
                also: given.also.clone(),
                at,
            });
        }
    }
    posts.extend(more);
}

/// Whether a post's words say its holder takes the role up ("will become chairman", "takes
/// over as CEO", "joins as"), rather than holds or leaves it.
fn takes_up(words: &str) -> bool {
    let words = words.to_lowercase();
    [
        "become",
        "became",
        "take over as",
        "takes over as",
        "took over as",
        "join",
    ]
    .iter()
    .any(|w| words.contains(w))
}

/// Words of a title written in capitals ("Chief Financial Officer", "Senior Vice President",
/// "Non-executive Director"); [`TITLE_HEADS`] end one.
const TITLE_WORDS: &[&str] = &[
    "Chief",
    "Financial",
    "Operating",
    "Technology",
    "Technical",
    "Commercial",
    "Information",
    "Vice",
    "Senior",
    "Managing",
    "Non-executive",
    "Non-Executive",
    "Independent",
    "Group",
    "Corporate",
    "General",
    "Interim",
    "Deputy",
    "Operations",
    "Finance",
    "Sales",
    "Marketing",
    "Communications",
    "Regional",
];

/// The last word of a title written in capitals; one right before a name makes it a
/// person's ("Managing Executive Officer Ada Lund").
pub(super) const TITLE_HEADS: &[&str] = &[
    "Officer",
    "President",
    "Director",
    "Controller",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    "Secretary",
    "Treasurer",
    "Manager",
    "Executive",
    "Analyst",
];

/// Whether a word is one of a title written in capitals ("Financial", "Controller").
pub(super) fn title_word(word: &str) -> bool {
    TITLE_WORDS.contains(&word) || TITLE_HEADS.contains(&word)
}

/// A word without the punctuation after it ("Officer," → "Officer").
fn title_core(word: &str) -> &str {
    word.trim_end_matches([',', ';', ':', '.'])
}

/// A masked sentence with its titles written in capitals in lowercase, so that the patterns
/// read "X, Chief Financial Officer, has …" as they read "X, chief financial officer, has …".
/// One capitalised word before a name ("President X") stays as written: it may be a country's
/// title, which [`TITLE`] leaves out.
pub(super) fn titles_in_lowercase(masked: String) -> String {
    if !TITLE_HEADS.iter().any(|h| masked.contains(h)) {
        return masked;
    }
    let words: Vec<&str> = masked.split(' ').collect();
    let mut fold = vec![false; words.len()];
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        // The run of title words from `i`: it ends at a head, or at punctuation.
        while j < words.len() && title_word(title_core(words[j])) {
            j += 1;
            if words[j - 1].len() != title_core(words[j - 1]).len() {
                break;
            }
        }
        let ends_in_head = j > i && TITLE_HEADS.contains(&title_core(words[j - 1]));
        let before_name = words.get(j).is_some_and(|w| w.starts_with("«P"));
        if ends_in_head && (j - i > 1 || !before_name) {
            fold[i..j].iter_mut().for_each(|f| *f = true);
        }
        i = j.max(i + 1);
    }
    if !fold.contains(&true) {
        return masked;
    }
    words
        .iter()
        .zip(fold)
        .map(|(w, f)| if f { w.to_lowercase() } else { (*w).to_owned() })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The longest opening of `words` that is a role ("chief executive" of "chief executive on").
fn second_role(words: &str) -> Option<String> {
    let words: Vec<&str> = words.split_whitespace().collect();
    (1..=words.len())
        .rev()
        .map(|k| words[..k].join(" "))
        .find(|w| ROLE_ALONE.is_match(w))
}

/// Words that are no part of a role's title before its head noun: the open title grammar
/// of [`ROLE`] ("group financial controller", "social affairs reporter") takes any word
/// there, so "the sound engineer", "and the engineer" and "former engineer" are left out.
pub(super) const NOT_IN_TITLE: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "by",
    "our",
    "its",
    "his",
    "her",
    "their",
    "former",
    "new",
    "who",
    "which",
    "that",
    "has",
    "have",
    "had",
    "been",
    "was",
    "is",
    "are",
    "be",
    "will",
    "would",
    "as",
    "to",
    "from",
    "with",
    "in",
    "on",
    "of",
    "at",
    "for",
    "since",
    "until",
    "then",
    "now",
    "currently",
    "also",
    "said",
    "says",
    "becomes",
    "became",
    "become",
    "formerly",
    "previously",
    "recently",
    "most",
    "present",
    "current",
    "long",
    "time",
    "longtime",
    "outgoing",
    "incoming",
    "retiring",
];

/// Whether a role's words before "of", "for" or "at" hold none of [`NOT_IN_TITLE`].
fn plausible_role(role: &str) -> bool {
    role.split_whitespace()
        .take_while(|w| !matches!(*w, "of" | "for" | "at"))
        .all(|w| !NOT_IN_TITLE.contains(&w.to_lowercase().as_str()))
}

/// Whether a title written before a name is one word capitalised ("President", "Director"),
/// which may be a country's, a ministry's or a court's; "Chairman" is left to the company.
fn is_public_title(title: &str) -> bool {
    !title.contains(' ')
        && title.chars().nth(1).is_some_and(char::is_lowercase)
        && title.chars().next().is_some_and(char::is_uppercase)
        && !title.starts_with("Chair")
}

/// "chief executive officer" → "CEO"; other roles as written, lowercase ("chief executive"
/// stays so: the check grounds "CEO" only in "CEO" or "chief executive officer").
pub fn role_name(role: &str) -> String {
    // "head of research since 2022": the area's words end before a date's.
    let role = role
        .rsplit_once(' ')
        .filter(|(_, last)| matches!(*last, "since" | "from" | "until" | "and" | "at" | "of"))
        .map_or(role, |(kept, _)| kept);
    // "Chief Financial Officer X": a title written in capitals reads as the role.
    let lowered;
    let role = if role
        .split(' ')
        .all(|w| w.chars().nth(1).is_some_and(char::is_lowercase))
    {
        lowered = role.to_lowercase();
        lowered.as_str()
    } else {
        role
    };
    match role {
        "chief executive officer" => "CEO".into(),
        "chief financial officer" => "CFO".into(),
        "chief operating officer" => "COO".into(),
        "chief technology officer" => "CTO".into(),
        "supervisory board chairman"
        | "supervisory board chairwoman"
        | "supervisory board chairperson" => "supervisory board chair".into(),
        "chairperson" | "chairs" | "chaired" => "chair".into(),
        // "Finance director" opening a sentence: "finance director".
        r if r.chars().nth(1).is_some_and(char::is_lowercase) => {
            let mut chars = r.chars();
            let first = chars.next().expect("two letters");
            first.to_lowercase().chain(chars).collect()
        }
        r => r.to_owned(),
    }
}

/// The posts the sentences state.
pub fn find(doc: &Doc, found: &Found) -> Vec<Post> {
    let mut posts: Vec<Post> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for s in &doc.sentences {
        let masked = found.masked(doc, s.clone());
        for (re, shape, unnamed) in PATTERNS.iter() {
            for caps in re.captures_iter(&masked) {
                let person = &found.mentions[caps["p"].parse::<usize>().expect("digits")];
                let adj = caps.name("adj").map_or("", |m| m.as_str());
                let role = caps.name("role").map_or("head", |r| r.as_str());
                if !plausible_role(role) {
                    continue;
                }
                // "president and chief executive officer": one role, as written; words after
                // "and" that are not a role ("CEO and founder") are left out.
                let joined;
                let role = match caps.name("and").and_then(|a| second_role(a.as_str())) {
                    Some(and) => {
                        joined = format!("{role} and {and}");
                        joined.as_str()
                    }
                    None => role,
                };
                // "will head X": a verb, not the role "[a-z]+ head".
                if role
                    .split(' ')
                    .next()
                    .is_some_and(|w| AUXILIARIES.split('|').any(|a| a == w))
                {
                    continue;
                }
                // "«O3» has appointed": only a board drafted as a unit ("its board").
                if let Some(b) = caps.name("board") {
                    let board = &found.mentions[b.as_str().parse::<usize>().expect("digits")];
                    if !found.entity(board).name.to_lowercase().ends_with("board") {
                        continue;
                    }
                }
                // "managing director of its export arm" with no name, or of something of a
                // named organization's: a post of an organization not named here.
                if caps.name("ofs").is_some() || caps.name("elsewhere").is_some() {
                    continue;
                }
                let mut roles = vec![format!("{adj}{}", role_name(role))];
                if let Some(r2) = caps.name("role2") {
                    roles.push(role_name(r2.as_str()));
                }
                // Without a named organization: the one named last before the match.
                let whole = caps.get(0).expect("match");
                // "X, Y's CCO, will succeed Z as CEO": Y's, for both roles.
                let named = caps.name("of").or(caps.name("orgs")).or(caps.name("held"));
                let before = masked[..whole.start()].rfind("«O");
                let orgs = match (named, unnamed, before) {
                    (Some(o), ..) => o.as_str(),
                    (None, Unnamed::Before | Unnamed::BeforeOrMain, Some(at)) => {
                        &masked[at..whole.start()]
                    }
                    (None, Unnamed::Before, None) => continue,
                    // Not the wire service a dateline credits in brackets.
                    // Nor a unit named after the title ("President X, …, who heads the
                    // overseas sales division"): a post of it would be the unit's.
                    (None, Unnamed::First, _) => match MENTION.captures_iter(&masked).find(|m| {
                        let at = m.get(0).expect("match").start();
                        let org = &found.mentions[m[1].parse::<usize>().expect("digits")];
                        let unit_after = at > whole.start()
                            && matches!(
                                found.entity(org).kind,
                                super::EntityKind::Organization(crate::facts::OrgKind::Unit)
                            );
                        !masked[..at].ends_with('(') && !unit_after
                    }) {
                        Some(m) => m.get(0).expect("match").as_str(),
                        None => continue,
                    },
                    // "X, Analyst, Y:": a post of Y, read first; the same role is not also
                    // one of the organization the text names most.
                    (None, Unnamed::Main, _)
                        if posts.iter().any(|p| {
                            p.holder == found.entity(person).id
                                && p.role == roles[0]
                                && s.contains(&p.at.start)
                        }) =>
                    {
                        continue;
                    }
                    (None, Unnamed::Main | Unnamed::BeforeOrMain, _) => {
                        let org = match unnamed {
                            Unnamed::BeforeOrMain => found.named_before(doc, s.start),
                            _ => None,
                        }
                        .or_else(|| found.main_org(doc));
                        let post = org.and_then(|org| {
                            understood(doc, found, org, person, (&roles[0], role), shape)
                        });
                        if let Some(post) = post
                            && seen.insert((
                                post.organization.clone(),
                                post.holder.clone(),
                                post.role.clone(),
                            ))
                        {
                            posts.push(post);
                        }
                        continue;
                    }
                };
                let named = named.is_some();
                for org in MENTION.captures_iter(orgs) {
                    if org.get(2).is_some() && named {
                        // "CEO of Alibaba's e-commerce business": not Alibaba's CEO. (The
                        // organization named before a pattern that names none may be written
                        // so: "X, Montado's CCO, will succeed Z as CEO".)
                        continue;
                    }
                    let org_m = &found.mentions[org[1].parse::<usize>().expect("digits")];
                    let (o, h) = (found.entity(org_m), found.entity(person));
                    for role in &roles {
                        if !seen.insert((o.id.clone(), h.id.clone(), role.clone())) {
                            continue;
                        }
                        let at =
                            person.at.start.min(org_m.at.start)..person.at.end.max(org_m.at.end);
                        posts.push(post(doc, o, h, role, shape, at));
                    }
                }
            }
        }
    }
    titles_before_names(doc, found, &mut posts, &mut seen);
    posts.sort_by_key(|p| p.at.start);
    posts
}

/// The posts of [`TITLE`]: a title before the name of someone the sentence gives no other post.
fn titles_before_names(
    doc: &Doc,
    found: &Found,
    posts: &mut Vec<Post>,
    seen: &mut std::collections::BTreeSet<(String, String, String)>,
) {
    for s in &doc.sentences {
        let masked = found.masked(doc, s.clone());
        for caps in TITLE.captures_iter(&masked) {
            let title = &caps["role"];
            if caps.name("pre").is_some() || is_public_title(title) || !plausible_role(title) {
                continue;
            }
            let person = &found.mentions[caps["p"].parse::<usize>().expect("digits")];
            let holder = &found.entity(person).id;
            if posts
                .iter()
                .any(|p| &p.holder == holder && s.contains(&p.at.start))
            {
                continue;
            }
            let role = role_name(title);
            let post = found
                .main_org(doc)
                .and_then(|org| understood(doc, found, org, person, (&role, title), "ROLE X"));
            if let Some(post) = post
                && seen.insert((
                    post.organization.clone(),
                    post.holder.clone(),
                    post.role.clone(),
                ))
            {
                posts.push(post);
            }
        }
    }
}

/// The post `role` (its name, and the words the text writes it in) of `org`, an organization
/// the post's words leave to be understood (the one the text names most, or named last before
/// them), held by the person of `person`, quoting the words from the name to the role and the
/// last sentence before them that names the organization.
fn understood(
    doc: &Doc,
    found: &Found,
    main: usize,
    person: &super::found::Mention,
    (role, written): (&str, &str),
    shape: &str,
) -> Option<Post> {
    let org = &found.entities[main];
    let holder = found.entity(person);
    if org.kind.is_person() {
        return None;
    }
    let sentence = doc.sentences[doc.sentence_at(person.at.start)?].clone();
    // The words from the name to the role after it ("X, CFO"), or from the title before it
    // to the name ("chief technology officer X").
    // In lowercase, as the patterns read a title written in capitals ("X, Chief Financial
    // Officer"); lowering ASCII letters keeps every byte offset.
    let rest = doc.text[person.at.end..sentence.end].to_ascii_lowercase();
    let before = doc.text[sentence.start..person.at.start].to_ascii_lowercase();
    let written = written.to_ascii_lowercase();
    let said = written.split_whitespace().last().unwrap_or(&written);
    let opens = written.split_whitespace().next().unwrap_or(&written);
    let at = match rest.find(said) {
        Some(i) => person.at.start..person.at.end + i + said.len(),
        None => before.rfind(opens)? + sentence.start..person.at.end,
    };
    let mut post = post(doc, org, holder, role, shape, at);
    // The organization's last mention by name before the sentence, quoted too: the post's
    // own words leave it to be understood.
    let named = found
        .mentions
        .iter()
        .rfind(|m| m.entity == main && m.at.end <= sentence.start)
        .and_then(|m| doc.sentence_at(m.at.start));
    if let Some(i) = named {
        let at = doc.sentences[i].clone();
        post.also.push((doc.evidence(at.clone()), at));
    }
    Some(post)
}

/// The post `role` of `org` held by `holder`, found by the pattern `shape` in the words at
/// `at`, which it quotes.
fn post(
    doc: &Doc,
    org: &super::Entity,
    holder: &super::Entity,
    role: &str,
    shape: &str,
    at: std::ops::Range<usize>,
) -> Post {
    Post {
        id: format!("{}-{}", org.id, slug(role, "post")),
        role: role.to_owned(),
        organization: org.id.clone(),
        holder: holder.id.clone(),
        head: heads(role),
        found: format!("{}: {role} ({shape})", doc.words(at.clone())),
        evidence: doc.evidence(at.clone()),
        also: Vec::new(),
        at,
    }
}

/// Whether a role heads its organization (`head = true` in a facts file).
pub(super) fn heads(role: &str) -> bool {
    matches!(role, "CEO" | "chief executive" | "president" | "head")
}

#[cfg(test)]
mod tests {
    use crate::draft::{KnownNames, draft};

    /// The posts drafted from `text`, as "holder name: role of organization name".
    fn posts(text: &str) -> Vec<String> {
        let d = draft("t.txt", text, &KnownNames::empty()).expect("a draft");
        let name = |id: &str| d.entity(id).map_or(id.to_owned(), |e| e.name.clone());
        d.posts
            .iter()
            .map(|p| {
                format!(
                    "{}: {} of {}",
                    name(&p.holder),
                    p.role,
                    name(&p.organization)
                )
            })
            .collect()
    }

    #[test]
    fn titles_written_in_capitals_are_read_in_lowercase() {
        for (masked, read) in [
            (
                "«P1», Chief Financial Officer, has left the Board.",
                "«P1», chief financial officer, has left the Board.",
            ),
            (
                "Senior Vice President «P2» runs it.",
                "senior vice president «P2» runs it.",
            ),
            // One word before a name may be a country's title; a name's own words stay.
            ("President «P1» visited.", "President «P1» visited."),
            (
                "The Group Controller said so.",
                "The group controller said so.",
            ),
            (
                "General Motors and Chief Bank.",
                "General Motors and Chief Bank.",
            ),
        ] {
            assert_eq!(
                super::titles_in_lowercase(masked.into()),
                read,
                "{masked:?}"
            );
        }
    }

    #[test]
    fn posts_from_appositions_titles_and_successions() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Tarnby Dental plc said that its board has appointed Dr Helen Marsh as chief executive officer, effective 1 March 2027.",
                &["Helen Marsh: CEO of Tarnby Dental plc"],
            ),
            (
                "Marisol Fuentes joins Atlantica Forwarding from Nordkap Cargo as chief commercial officer.",
                &["Marisol Fuentes: chief commercial officer of Atlantica Forwarding"],
            ),
            (
                "Borre Rail grows. Ada Lund, who has led Borre Rail since 2012, will retire.",
                &["Ada Lund: head of Borre Rail"],
            ),
            (
                "Sinar Pangan Tbk has appointed Ratna Wiradinata as president director.",
                &["Ratna Wiradinata: president director of Sinar Pangan Tbk"],
            ),
            // A transcript's speakers.
            (
                "Tarnby Controls held its call. Miriam Castellano, Chief Executive Officer: Thank you all. Priya Natarajan, Analyst, Hollis Brandt Securities: Thanks for that.",
                &[
                    "Miriam Castellano: CEO of Tarnby Controls",
                    "Priya Natarajan: analyst of Hollis Brandt Securities",
                ],
            ),
            // A title written in capitals, as a filing writes it; "the Board" names nothing.
            (
                "Tarnby Foods plc will close a plant. Fiona Carrick, Chief Financial Officer, has informed the Board that she will leave.",
                &["Fiona Carrick: CFO of Tarnby Foods plc"],
            ),
            (
                "Solvika Group said on Monday that Mara Eklund, its chief financial officer since 2019, will leave.",
                &["Mara Eklund: CFO of Solvika Group"],
            ),
            (
                "Veltmark Holdings will sell the plant, said the supervisory board chair, Otto Brandl.",
                &["Otto Brandl: supervisory board chair of Veltmark Holdings"],
            ),
            // "the company's": the organization the reader of structure resolves it to.
            (
                "Harlow Metals Ltd will build a smelter. Harlow Metals employs 300 people. Petra Quist, the company's finance director, said so.",
                &["Petra Quist: finance director of Harlow Metals Ltd"],
            ),
            // "headed by": the role "head", grounded by the inflected word.
            (
                "The work goes to Kaaiwerk Logistics, headed by Ines Vroom since 2020.",
                &["Ines Vroom: head of Kaaiwerk Logistics"],
            ),
            // "its" of the sentence before's subject: the reader of structure resolves it,
            // as the check does.
            (
                "Brennvik Energy will close a plant. Mara Eklund, its chief financial officer, said so.",
                &["Mara Eklund: CFO of Brennvik Energy"],
            ),
            (
                "Jonas Halvorsen will become chief executive officer of Brennvik Energy in May.",
                &["Jonas Halvorsen: CEO of Brennvik Energy"],
            ),
            (
                "At the utility Brennvik Energy, Jonas Halvorsen will succeed Rhea Lindqvist as chief executive officer on 1 May 2027.",
                &[
                    "Jonas Halvorsen: CEO of Brennvik Energy",
                    "Rhea Lindqvist: CEO of Brennvik Energy",
                ],
            ),
            (
                "Solvika Group's materials division, headed by Ines Vroom, grew.",
                &["Ines Vroom: head of Solvika Group materials division"],
            ),
            // A role and its holder after a name make it an organization, even one whose
            // last word speaks alone ("Line said").
            (
                "Tarnby Line said on Monday it would sell a ship. Tarnby Line chief executive Ola Vik said the sale was done.",
                &["Ola Vik: chief executive of Tarnby Line"],
            ),
            // The organization appointing, with an apposition saying what it is.
            (
                "Sandvik Pies, the family-owned bakery, has named Ada Lund as managing director from May.",
                &["Ada Lund: managing director of Sandvik Pies"],
            ),
            (
                "Ivo Sand, a freight analyst at Borre Capital, said demand fell.",
                &["Ivo Sand: freight analyst of Borre Capital"],
            ),
            // A role before a name with no organization: the sentence's subject, not the
            // place of its dateline.
            (
                "HALIFAX (Harbour Radio) – Kestrel Airways will close a base, chief executive Mia Dahl told reporters.",
                &["Mia Dahl: chief executive of Kestrel Airways"],
            ),
            (
                "Finance director Tor Berg, who joined Kestrel Airways in 2021, will retire.",
                &["Tor Berg: finance director of Kestrel Airways"],
            ),
            (
                "Lina Moe, Tarnby Line's chief commercial officer since 2020, will succeed Ola Vik as chief executive officer on 1 March.",
                &[
                    "Lina Moe: chief commercial officer of Tarnby Line",
                    "Lina Moe: CEO of Tarnby Line",
                    "Ola Vik: CEO of Tarnby Line",
                ],
            ),
            (
                "Tarnby Holdings also named its group treasurer, Ivo Sand, as chief financial officer.",
                &[
                    "Ivo Sand: group treasurer of Tarnby Holdings",
                    "Ivo Sand: CFO of Tarnby Holdings",
                ],
            ),
            // A role with no organization, in apposition or after "took over as": the
            // organization the text names most, which the sentence's "the company" is.
            (
                "Tarnby Holdings sold a ferry. Ivo Sand, CFO since 2017, is leaving, the company said.",
                &["Ivo Sand: CFO of Tarnby Holdings"],
            ),
            (
                "Tarnby Holdings sold a ferry. Ivo Sand took over as chief executive officer on 1 March, the company said.",
                &["Ivo Sand: CEO of Tarnby Holdings"],
            ),
            // "of Y" named: the post is Y's, found by the pattern that reads it, not twice.
            (
                "Tarnby Holdings sold a ferry. Ivo Sand became CEO of Tarnby Line in May.",
                &["Ivo Sand: CEO of Tarnby Line"],
            ),
            // "reporting to ROLE X": the organization the sentence names first.
            (
                "Tarnby Holdings will close its yard in Skagen, and its manager Ola Vik will move to Oslo, reporting to chief operating officer Ivo Sand.",
                &["Ivo Sand: COO of Tarnby Holdings"],
            ),
            // Not the wire service a dateline credits, though it is named first.
            (
                "OSLO (Harbour Radio) - Tarnby Holdings sold a ferry, chief executive Ivo Sand told reporters. Harbour Radio asked why. Tarnby Holdings did not say. Ola Vik, chief operating officer, said so.",
                &[
                    "Ivo Sand: chief executive of Tarnby Holdings",
                    "Ola Vik: COO of Tarnby Holdings",
                ],
            ),
            // A title before a name anywhere else: the organization the text names most.
            (
                "Tarnby Holdings sold a ferry. The yard will be led by chief technology officer Ivo Sand.",
                &["Ivo Sand: CTO of Tarnby Holdings"],
            ),
            (
                "Tarnby Holdings sold a ferry, Chief Financial Officer Ivo Sand said on Monday.",
                &["Ivo Sand: CFO of Tarnby Holdings"],
            ),
            // One capitalised word may be a country's title, not the company's.
            (
                "Tarnby Holdings sold a ferry. The sale was welcomed by President Ivo Sand.",
                &[],
            ),
            // The title after the organization's name is that organization's, not the main one.
            (
                "Tarnby Holdings sold a ferry to Borre Line. Tarnby Holdings said so. Borre Line chief executive Ola Vik said the ship was needed.",
                &["Ola Vik: chief executive of Borre Line"],
            ),
            (
                "Tarnby Holdings raised money from the fund Borre Capital, whose partner Ola Vik joins its board.",
                &["Ola Vik: partner of Borre Capital"],
            ),
            (
                "Tarnby Holdings named Ola Vik, until now commercial director at the Oslo shipping company Borre Line, as its new chief.",
                &["Ola Vik: commercial director of Borre Line"],
            ),
            (
                "Tarnby Holdings will close a yard. Ivo Sand, the chief operating officer who has run it since 2014, will retire.",
                &["Ivo Sand: COO of Tarnby Holdings"],
            ),
            // An apposition between the person and the verb; a name whose kind only another
            // sentence tells.
            (
                "Tarnby Holdings will buy the ferry operator Borre Line. Ivo Sand, Tarnby's director of operations, will take over as managing director of Borre Line.",
                &[
                    "Ivo Sand: director of operations of Tarnby Holdings",
                    "Ivo Sand: managing director of Borre Line",
                ],
            ),
            (
                "Ivo Sand ran the tile maker Losetas. Ola Vik, Losetas's finance director, will retire.",
                &["Ola Vik: finance director of Losetas"],
            ),
            (
                "Tarnby Holdings has a new finance chief. Ola Vik joins from the Oslo shipping company Borre Line, where she has been chief financial officer since 2020.",
                &["Ola Vik: CFO of Borre Line"],
            ),
            // A hand-over: the other side takes the role the sentence gave just before.
            (
                "Tarnby Holdings said on Monday that Ola Vik took over as chief executive officer on 1 May, replacing co-founder Ivo Sand.",
                &[
                    "Ola Vik: CEO of Tarnby Holdings",
                    "Ivo Sand: CEO of Tarnby Holdings",
                ],
            ),
            (
                "Mining company Tarnby Holdings said chief executive Ivo Sand will step down and will be succeeded by chief financial officer Ola Vik.",
                &[
                    "Ivo Sand: chief executive of Tarnby Holdings",
                    "Ola Vik: CFO of Tarnby Holdings",
                    "Ola Vik: chief executive of Tarnby Holdings",
                ],
            ),
            // The successor of one who takes up another role takes the role left, here the
            // title before the name, not the new one.
            (
                "Harlow Metals names a new president\n\nHarlow Metals said President Ivo Sand, 63, will become chairman on 1 April and will be succeeded by Managing Executive Officer Ada Lund, 56.",
                &[
                    "Ivo Sand: chairman of Harlow Metals",
                    "Ada Lund: managing executive officer of Harlow Metals",
                ],
            ),
            (
                "Harlow Metals has appointed Ada Lund as chief operating officer, effective 1 May, succeeding Ivo Sand, who retires.",
                &[
                    "Ada Lund: COO of Harlow Metals",
                    "Ivo Sand: COO of Harlow Metals",
                ],
            ),
            // Heading a unit, said by a verb: "runs", "will lead", "heads".
            (
                "Tarnby Holdings will split in two. Ada Lund, who runs Tarnby's ferry division, will lead Harbour Care. Ivo Sand heads the Tarnby Yards unit.",
                &[
                    "Ada Lund: head of Tarnby ferry division",
                    "Ada Lund: head of Harbour Care",
                    "Ivo Sand: head of Tarnby Yards",
                ],
            ),
            // A unit named after a title is not the title's organization.
            (
                "Tarnby Valve Co makes valves. President Ivo Sand, 63, will visit the overseas sales division.",
                &[],
            ),
            // "led by" after "a division of Y" says who leads the division, not Y.
            (
                "Osterby Rail will become a division of Tarnby Holdings, led by Ada Lund.",
                &[],
            ),
            // Joining an organization, or its board, as a role; chairing it.
            (
                "Ada Lund will step down and join Tarnby Holdings' board as a non-executive director. Ivo Sand, who chairs the executive board of Harlow Metals, agreed.",
                &[
                    "Ada Lund: non-executive director of Tarnby Holdings board",
                    "Ivo Sand: chair of Harlow Metals executive board",
                ],
            ),
            // … in an apposition with a possessive, or in a title before the name.
            (
                "Ada Lund, Harlow Ltd's president and chief executive since 2021, spoke. Tarnby Holdings chairman and CEO Ivo Sand agreed.",
                &[
                    "Ada Lund: president and chief executive of Harlow Ltd",
                    "Ivo Sand: chairman and CEO of Tarnby Holdings",
                ],
            ),
            // Words after "and" that are not a role are not part of it.
            (
                "Ada Lund, CEO and founder of Harlow Metals, spoke.",
                &["Ada Lund: CEO of Harlow Metals"],
            ),
            // Roles joined by "and" are one post, as written; the organization after them is
            // still the post's.
            (
                "Harlow Metals has appointed Ada Lund managing director and chief executive of its export company, Harlow Export Ltd.",
                &["Ada Lund: managing director and chief executive of Harlow Export Ltd"],
            ),
            (
                "Ada Lund, president and chief executive officer of Harlow Metals, spoke.",
                &["Ada Lund: president and chief executive officer of Harlow Metals"],
            ),
            // A list of organizations ends in "and": after a comma, a name that owns what
            // follows renames the one before.
            (
                "Ada Lund, operations director of Exe Valley Motors, Tarnby Holdings' bus operator, will join.",
                &["Ada Lund: operations director of Exe Valley Motors"],
            ),
            // The predecessor by a pronoun; no organization in the sentence: the one named
            // last in its paragraph.
            (
                "Harlow Metals bought a mine from Tarnby Holdings. Tarnby Holdings will close.\n\nIvo Sand founded Harlow Metals in 2004. He will retire. Ada Lund, its CFO since 2019, will succeed him as managing director and chief executive on 1 July.",
                &[
                    "Ada Lund: managing director and chief executive of Harlow Metals",
                    "Ada Lund: CFO of Harlow Metals",
                ],
            ),
            // "named its ROLE": the organization named before it in the sentence.
            (
                "Tarnby Holdings bought Harbour Wash Ltd, and its long-time manager, Ada Lund, was named its managing director.",
                &[
                    "Ada Lund: managing director of Harbour Wash Ltd",
                    "Ada Lund: manager of Harbour Wash Ltd",
                ],
            ),
            // The organization of the post named after the role, not the one appointing; a
            // role of an organization left unnamed is no post.
            (
                "Harlow Metals has appointed Ada Lund managing director of its export company, Harlow Export Ltd. Tarnby Holdings has appointed Ivo Sand managing director of its export arm.",
                &["Ada Lund: managing director of Harlow Export Ltd"],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(posts(text), *expected, "{text:?}");
        }
    }
}
