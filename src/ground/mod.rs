//! Each record held against its own words: its evidence quotes found in the article's text
//! ([`locate`]), every value it states found in those quotes ([`values`]), and who and what it
//! points at, which way its ties run, how far along its changes are and its scope words read
//! in them ([`structure`]).

pub mod locate;
pub mod structure;
pub mod values;

pub use values::ground;

use crate::facts::Facts;
use crate::text::article::ArticleText;

/// Every record of `facts` held against its quotes, found in `text` at `located`: the values,
/// then who and what the records point at, which way and how far along. The errors of both
/// come sorted by line and column; the relations to read come with them.
pub fn records(
    facts: &Facts,
    text: &ArticleText,
    located: &locate::Located,
) -> structure::Grounded {
    let context = structure::Context::new(text, structure::entities(facts.file()));
    records_in(facts, &context, located)
}

/// As [`records`], with the reader of the article's text made beforehand: for a file checked
/// a piece at a time, whose pieces share it.
pub fn records_in(
    facts: &Facts,
    context: &structure::Context,
    located: &locate::Located,
) -> structure::Grounded {
    let mut grounded = structure::ground(facts, context, located);
    let mut errors = values::ground(facts).err().unwrap_or_default();
    errors.append(&mut grounded.errors);
    errors.sort_by_key(|d| (d.line, d.column));
    grounded.errors = errors;
    grounded
}
