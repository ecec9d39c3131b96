//! Where records are kept: a directory (the default, created on first use;
//! one file per record, which a git branch can carry) or PostgreSQL
//! (`postgres://...`, tables that refuse UPDATE and DELETE). Both append
//! under a lock per chain, so concurrent runs extend a chain one after the
//! other and never fork it, and both give their records back in chain
//! order with what the store claims about each, for `verify` to check.

pub mod dir;
pub mod postgres;

use super::statement::Statement;

/// One chain: the records of a repository and branch.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ChainKey {
    pub repository: Option<String>,
    pub branch: Option<String>,
}

impl ChainKey {
    pub fn of(statement: &Statement) -> ChainKey {
        ChainKey {
            repository: statement.predicate.chain.repository.clone(),
            branch: statement.predicate.chain.branch.clone(),
        }
    }

    /// A stable text for the chain, for lock keys and database rows.
    pub fn text(&self) -> String {
        format!(
            "{}\n{}",
            self.repository.as_deref().unwrap_or(""),
            self.branch.as_deref().unwrap_or("")
        )
    }

    /// `github.com/acme/app@main`, for people.
    pub fn label(&self) -> String {
        format!(
            "{}@{}",
            self.repository.as_deref().unwrap_or("(no repository)"),
            self.branch.as_deref().unwrap_or("(no branch)")
        )
    }
}

/// The newest record of a chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub sequence: u64,
    pub digest: String,
}

/// A record ready to be stored.
pub struct NewRecord {
    /// The envelope file's bytes (canonical form).
    pub bytes: Vec<u8>,
    /// SHA-256 of the payload: the record's id and the next one's link.
    pub digest: String,
    pub statement: Statement,
}

/// What builds a record once the chain's newest one is known.
pub type MakeRecord<'a> = dyn FnMut(Option<Head>) -> Result<NewRecord, String> + 'a;

/// A record as a store gives it back, with what the store says about it
/// (its place, its name); `verify` checks these claims against the record.
#[derive(Debug, Clone)]
pub struct StoredRecord {
    /// Where it is: a file in the directory, a row in the database.
    pub location: String,
    pub bytes: Vec<u8>,
    /// The chain the store files it under (a directory's folder name, a
    /// row's chain column), as the store would write it for its content.
    pub claimed_chain: String,
    pub claimed_sequence: Option<u64>,
    /// The digest (or, for a file name, its first digits) the store gives.
    pub claimed_digest: Option<String>,
}

/// An opened store.
pub enum Store {
    Dir(dir::DirStore),
    Postgres(Box<postgres::PgStore>),
}

impl Store {
    /// `postgres://` or `postgresql://` URLs are databases; anything else
    /// is a directory. `create`: make the directory if it is missing.
    pub fn open(spec: &str, create: bool) -> Result<Store, String> {
        if is_database(spec) {
            postgres::PgStore::connect(spec).map(|s| Store::Postgres(Box::new(s)))
        } else {
            dir::DirStore::open(std::path::Path::new(spec), create).map(Store::Dir)
        }
    }

    /// Append one record to its chain: `make` is called under the chain's
    /// lock with the chain's newest record and builds the new one.
    pub fn append(&mut self, chain: &ChainKey, make: &mut MakeRecord) -> Result<String, String> {
        match self {
            Store::Dir(s) => s.append(chain, make),
            Store::Postgres(s) => s.append(chain, make),
        }
    }

    /// Every record, chain after chain, each chain in sequence order.
    pub fn for_each(
        &mut self,
        f: &mut dyn FnMut(StoredRecord) -> Result<(), String>,
    ) -> Result<(), String> {
        match self {
            Store::Dir(s) => s.for_each(f),
            Store::Postgres(s) => s.for_each(f),
        }
    }

    /// Extra checks only the store can make (a database's normalised rows
    /// against the records): problems as (location, message).
    pub fn consistency(&mut self) -> Result<Vec<(String, String)>, String> {
        match self {
            Store::Dir(_) => Ok(vec![]),
            Store::Postgres(s) => s.consistency(),
        }
    }

    /// How the store files a chain (a folder name, a column's value): a
    /// record filed under another is misfiled.
    pub fn chain_namer(&self) -> fn(&ChainKey) -> String {
        match self {
            Store::Dir(_) => dir::chain_folder,
            Store::Postgres(_) => |k: &ChainKey| k.text(),
        }
    }

    /// How the store is named in messages (a database URL without its
    /// password).
    pub fn describe(&self) -> String {
        match self {
            Store::Dir(s) => s.describe(),
            Store::Postgres(s) => s.describe(),
        }
    }
}

pub use crate::config::is_database_url as is_database;
