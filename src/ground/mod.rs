//! Each record held against its own words: its evidence quotes found in the article's text
//! ([`locate`]), every value it states found in those quotes ([`values`]), and who and what it
//! points at, which way its ties run, how far along its changes are and its scope words read
//! in them ([`structure`]).

pub mod locate;
pub mod structure;
pub mod values;

pub use values::ground;
