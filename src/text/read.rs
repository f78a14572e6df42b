//! Every file newsgraph reads comes in through here, with a cap on its size. The cap counts the
//! bytes actually read, not the size a file claims: `/dev/zero`, a named pipe or a file that
//! grows while it is read stops at the cap with an error, instead of filling memory.

use crate::error::{Error, Result};
use std::io::Read;
use std::path::Path;

/// What a file is for, and the most bytes newsgraph reads of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cap {
    /// What the file is for, as errors name it: "facts file", "article text"…
    pub what: &'static str,
    /// The largest size read, in bytes.
    pub bytes: u64,
}

/// A facts file: hand-written ones are tens of kilobytes; generated ones for benchmarks reach
/// tens of megabytes.
pub const FACTS: Cap = Cap {
    what: "facts file",
    bytes: 256 * MIB,
};

/// An article's text, whose quotes are located: a news article is a few tens of kilobytes.
pub const ARTICLE_TEXT: Cap = Cap {
    what: "article text",
    bytes: 16 * MIB,
};

/// The text `draft` proposes a facts file from; drafting is the costliest reading of a text.
pub const DRAFT_TEXT: Cap = Cap {
    what: "article text",
    bytes: 4 * MIB,
};

/// A SPARQL query file.
pub const QUERY: Cap = Cap {
    what: "query file",
    bytes: MIB,
};

const MIB: u64 = 1024 * 1024;

/// Reads the whole file at `path`, at most `cap.bytes` of it.
pub fn bytes(path: &Path, cap: Cap) -> Result<Vec<u8>> {
    let failed = |source| Error::Read {
        what: cap.what,
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(failed)?;
    let mut bytes = Vec::new();
    file.take(cap.bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(failed)?;
    if bytes.len() as u64 > cap.bytes {
        return Err(Error::TooLarge {
            what: cap.what,
            path: path.to_owned(),
            cap: cap.bytes,
        });
    }
    Ok(bytes)
}

/// Reads the file at `path` as UTF-8 text, at most `cap.bytes` of it.
pub fn string(path: &Path, cap: Cap) -> Result<String> {
    String::from_utf8(bytes(path, cap)?).map_err(|e| Error::Read {
        what: cap.what,
        path: path.to_owned(),
        source: std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "not UTF-8 text (byte {} is not valid); save the file as UTF-8",
                e.utf8_error().valid_up_to()
            ),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: Cap = Cap {
        what: "test file",
        bytes: 8,
    };

    #[test]
    fn a_file_within_its_cap_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "12345678").unwrap();
        assert_eq!(string(&path, TINY).unwrap(), "12345678");
    }

    #[test]
    fn a_file_past_its_cap_is_refused_naming_the_file_and_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "123456789").unwrap();
        let error = string(&path, TINY).unwrap_err().to_string();
        assert_eq!(
            error,
            format!(
                "{}: the test file is larger than 8 bytes, the most newsgraph reads",
                path.display()
            )
        );
    }

    #[cfg(unix)]
    #[test]
    fn an_endless_device_stops_at_the_cap() {
        let error = bytes(Path::new("/dev/zero"), TINY).unwrap_err();
        assert!(matches!(error, Error::TooLarge { cap: 8, .. }), "{error}");
    }
}
