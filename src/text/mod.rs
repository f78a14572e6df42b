//! The article's text and what can be read in it: the text itself with its quotes and offsets
//! ([`article`]), its words and names ([`words`]), the quantities it writes ([`quantities`]),
//! the typed values a facts file states ([`values`]), what a sentence says about who, which
//! way and whether it happened ([`structure`]), the words that give a clause its status and
//! its bounds ([`cues`]), and the one way every file is read, with a cap on its size
//! ([`read`]).

pub mod article;
pub mod cues;
pub mod quantities;
pub mod read;
pub mod structure;
pub mod values;
pub mod words;
