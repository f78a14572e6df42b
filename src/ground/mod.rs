//! Each record held against its own words: its evidence quotes found in the article's text
//! ([`locate`]), and every value it states found in those quotes ([`values`]).

pub mod locate;
pub mod values;

pub use values::ground;
