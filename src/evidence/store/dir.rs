//! The directory store: one folder per chain, one file per record, named
//! by its place in the chain and the first digits of its digest
//! (`github.com-acme-app@main-1f2e3d4c/00000007-9a8b7c6d5e4f3a2b.json`).
//! An append takes an exclusive lock on the store, reads the chain's
//! newest file, and writes the new one to a temporary file that is then
//! renamed into place without replacing anything, so two runs at once
//! never corrupt or fork a chain, and a reader never sees half a record.

use super::{ChainKey, Head, MakeRecord, StoredRecord};
use crate::evidence::envelope::Envelope;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The file that marks a folder as a ledger, with its format version.
const MARKER: &str = "assure-ledger.json";
const MARKER_TEXT: &str = "{\"format\":\"assure-ledger\",\"version\":1}\n";
const LOCK: &str = ".lock";
/// Kept out of a git branch that carries the ledger.
const GITIGNORE: &str = ".lock\n*.tmp\n";

pub struct DirStore {
    root: PathBuf,
}

impl DirStore {
    pub fn open(root: &Path, create: bool) -> Result<DirStore, String> {
        let label = root.display();
        let store = DirStore {
            root: root.to_path_buf(),
        };
        if !root.join(MARKER).is_file() {
            if !create {
                return Err(format!(
                    "{label}: not an evidence ledger (no {MARKER}; runs with --evidence create one)"
                ));
            }
            std::fs::create_dir_all(root).map_err(|e| format!("{label}: cannot create: {e}"))?;
            // Under the lock: two runs starting at once make one ledger.
            let _lock = store.lock()?;
            if !root.join(MARKER).is_file() {
                let foreign = sorted_entries(root)?
                    .into_iter()
                    .any(|n| n != LOCK && n != ".gitignore" && !n.ends_with(".tmp"));
                if foreign {
                    return Err(format!(
                        "{label}: the folder holds other files and no {MARKER}: give an empty or new folder for the ledger"
                    ));
                }
                if !root.join(".gitignore").is_file() {
                    write_new(root, ".gitignore", GITIGNORE.as_bytes())?;
                }
                // The marker last: a folder with it is a complete ledger.
                write_new(root, MARKER, MARKER_TEXT.as_bytes())?;
            }
        }
        let text = std::fs::read_to_string(root.join(MARKER))
            .map_err(|e| format!("{label}: cannot read {MARKER}: {e}"))?;
        if text != MARKER_TEXT {
            return Err(format!(
                "{label}: {MARKER} is not a ledger format this assure reads"
            ));
        }
        Ok(store)
    }

    pub fn describe(&self) -> String {
        crate::paths::slash_path(&self.root)
    }

    pub fn append(&mut self, chain: &ChainKey, make: &mut MakeRecord) -> Result<String, String> {
        let _lock = self.lock()?;
        let folder = chain_folder(chain);
        let dir = self.root.join(&folder);
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
        let head = match newest(&dir)? {
            None => None,
            Some((sequence, path)) => Some(Head {
                sequence,
                digest: digest_of_file(&path).map_err(|e| {
                    format!(
                        "{}: the chain's newest record cannot be read ({e}); nothing was appended: run `assure evidence verify`",
                        path.display()
                    )
                })?,
            }),
        };
        let record = make(head.clone())?;
        let sequence = head.map_or(1, |h| h.sequence + 1);
        let name = record_name(sequence, &record.digest);
        write_new(&dir, &name, &record.bytes)?;
        Ok(format!("{}/{folder}/{name}", self.describe()))
    }

    /// An exclusive lock on the whole store, held while it lives.
    fn lock(&self) -> Result<File, String> {
        let path = self.root.join(LOCK);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| format!("{}: cannot open the lock: {e}", path.display()))?;
        file.lock()
            .map_err(|e| format!("{}: cannot lock: {e}", path.display()))?;
        Ok(file)
    }

    pub fn for_each(
        &mut self,
        f: &mut dyn FnMut(StoredRecord) -> Result<(), String>,
    ) -> Result<(), String> {
        for folder in sorted_entries(&self.root)? {
            let dir = self.root.join(&folder);
            if !dir.is_dir() || folder.starts_with('.') {
                continue;
            }
            let mut records: Vec<(u64, String)> = sorted_entries(&dir)?
                .into_iter()
                .map(|name| (parse_name(&name).map_or(0, |(s, _)| s), name))
                .collect();
            records.sort();
            for (_, name) in records {
                if name.ends_with(".tmp") {
                    continue;
                }
                let path = dir.join(&name);
                let bytes = std::fs::read(&path)
                    .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
                let parsed = parse_name(&name);
                f(StoredRecord {
                    location: format!("{folder}/{name}"),
                    bytes,
                    claimed_chain: folder.clone(),
                    claimed_sequence: parsed.as_ref().map(|(s, _)| *s),
                    claimed_digest: parsed.map(|(_, d)| d),
                })?;
            }
        }
        Ok(())
    }
}

/// The folder of a chain: readable (`github.com-acme-app@main`) and made
/// unique by a digest of the exact repository and branch.
pub fn chain_folder(chain: &ChainKey) -> String {
    let slug = |s: Option<&str>, none: &str| -> String {
        let s = s.unwrap_or(none);
        let cleaned: String = s
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .take(60)
            .collect();
        cleaned.trim_matches(['-', '.']).to_owned()
    };
    let digest = crate::digest::sha256_hex(chain.text().as_bytes());
    format!(
        "{}@{}-{}",
        slug(chain.repository.as_deref(), "local"),
        slug(chain.branch.as_deref(), "detached"),
        &digest[..8]
    )
}

/// `00000007-9a8b7c6d5e4f3a2b.json`.
pub fn record_name(sequence: u64, digest: &str) -> String {
    format!("{sequence:08}-{}.json", &digest[..16.min(digest.len())])
}

/// The sequence and digest prefix a file name claims.
fn parse_name(name: &str) -> Option<(u64, String)> {
    let stem = name.strip_suffix(".json")?;
    let (seq, digest) = stem.split_once('-')?;
    let valid = seq.len() >= 8
        && seq.bytes().all(|b| b.is_ascii_digit())
        && digest.len() == 16
        && digest.bytes().all(|b| b.is_ascii_hexdigit());
    valid.then(|| Some((seq.parse().ok()?, digest.to_owned())))?
}

/// The newest record file of a chain folder.
fn newest(dir: &Path) -> Result<Option<(u64, PathBuf)>, String> {
    Ok(sorted_entries(dir)?
        .into_iter()
        .filter_map(|name| parse_name(&name).map(|(s, _)| (s, dir.join(name))))
        .max())
}

fn digest_of_file(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let envelope = Envelope::from_canonical(&bytes)?;
    Ok(crate::digest::sha256_hex(&envelope.payload_bytes()?))
}

fn sorted_entries(dir: &Path) -> Result<Vec<String>, String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: cannot read: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    Ok(names)
}

/// Write a new file whole or not at all, never replacing one: to a
/// temporary file in the same folder, flushed to disk, then linked in
/// under its name (which fails if the name exists).
fn write_new(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), String> {
    let target = dir.join(name);
    let fail = |e: std::io::Error| format!("{}: cannot write: {e}", target.display());
    let mut builder = tempfile::Builder::new();
    builder.suffix(".tmp");
    // Readable like any file the run writes (a temporary file is 0600):
    // records are for auditors and for the branch that carries them.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist_noclobber(&target).map_err(|e| fail(e.error))?;
    // The rename itself is durable once the folder is.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_folders_are_readable_and_distinct() {
        let key = |r: Option<&str>, b: Option<&str>| ChainKey {
            repository: r.map(str::to_owned),
            branch: b.map(str::to_owned),
        };
        let main = chain_folder(&key(Some("github.com/acme/app"), Some("main")));
        assert!(main.starts_with("github.com-acme-app@main-"), "{main}");
        assert_ne!(
            chain_folder(&key(Some("github.com/acme/app"), Some("feature/x"))),
            chain_folder(&key(Some("github.com/acme/app"), Some("feature-x")))
        );
        assert!(chain_folder(&key(None, None)).starts_with("local@detached-"));
        assert!(!chain_folder(&key(Some("../../etc"), Some(".."))).contains("/"));
    }

    #[test]
    fn record_names_round_trip() {
        let digest = "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b";
        let name = record_name(7, digest);
        assert_eq!(name, "00000007-9a8b7c6d5e4f3a2b.json");
        assert_eq!(parse_name(&name), Some((7, digest[..16].to_owned())));
        assert_eq!(parse_name("notes.json"), None);
        assert_eq!(parse_name("7-9a8b7c6d5e4f3a2b.json"), None);
    }

    #[test]
    fn a_ledger_is_made_only_in_an_empty_or_new_folder() {
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("ledger");
        assert!(DirStore::open(&fresh, false).is_err());
        assert!(DirStore::open(&fresh, true).is_ok());
        assert!(DirStore::open(&fresh, false).is_ok());
        let busy = dir.path().join("busy");
        std::fs::create_dir(&busy).unwrap();
        std::fs::write(busy.join("notes.txt"), "x").unwrap();
        assert!(DirStore::open(&busy, true).is_err());
    }
}
