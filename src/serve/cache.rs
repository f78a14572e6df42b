//! Answers kept for a read-only server: the same query, with the same bindings, asked for in
//! the same format, over a store that cannot change, has the same answer. Only complete,
//! successful answers are kept, up to a total size; when that is reached the cache is
//! emptied and fills again with what is asked next.

use axum::body::Bytes;
use std::collections::HashMap;
use std::sync::Mutex;

/// What identifies an answer: the query text, its bindings, and the `Accept` or `format`
/// asked for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    /// The SPARQL text.
    pub sparql: String,
    /// The bindings, as `variable=term` in N-Triples syntax.
    pub bindings: Vec<String>,
    /// What the client accepts.
    pub accept: Option<String>,
}

/// The answers kept, and their total size.
type Entries = (HashMap<Key, (String, Bytes)>, usize);

/// Kept answers: media type and bytes, by [`Key`].
#[derive(Debug)]
pub struct Cache {
    entries: Mutex<Entries>,
    capacity: usize,
}

impl Cache {
    /// A cache holding answers of at most `capacity` bytes in all.
    pub fn new(capacity: usize) -> Cache {
        Cache {
            entries: Mutex::new((HashMap::new(), 0)),
            capacity,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Entries> {
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The answer kept for `key`.
    pub fn get(&self, key: &Key) -> Option<(String, Bytes)> {
        self.lock().0.get(key).cloned()
    }

    /// Keeps an answer, unless it alone is larger than a quarter of the capacity.
    pub fn put(&self, key: Key, media_type: String, bytes: Bytes) {
        let size = bytes.len() + key.sparql.len();
        if size > self.capacity / 4 {
            return;
        }
        let mut entries = self.lock();
        if entries.1 + size > self.capacity {
            entries.0.clear();
            entries.1 = 0;
        }
        if entries.0.insert(key, (media_type, bytes)).is_none() {
            entries.1 += size;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: usize) -> Key {
        Key {
            sparql: format!("ASK {{ }} # {n}"),
            bindings: Vec::new(),
            accept: None,
        }
    }

    #[test]
    fn answers_are_kept_until_the_cache_is_full() {
        let cache = Cache::new(400);
        cache.put(key(1), "text/csv".to_owned(), Bytes::from_static(b"a\n1\n"));
        assert_eq!(cache.get(&key(1)).unwrap().1, Bytes::from_static(b"a\n1\n"));
        assert!(cache.get(&key(2)).is_none());
        for n in 2..40 {
            cache.put(key(n), "text/csv".to_owned(), Bytes::from_static(b"a\n1\n"));
        }
        assert!(cache.get(&key(1)).is_none(), "emptied once full");
        assert!(cache.get(&key(39)).is_some());
        cache.put(key(99), "text/csv".to_owned(), Bytes::from(vec![b'x'; 200]));
        assert!(cache.get(&key(99)).is_none(), "too large to keep");
    }
}
