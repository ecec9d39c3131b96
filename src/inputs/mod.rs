//! Inputs: the bytes of a discovered file (or a Terraform directory) become
//! `input` documents of a kind, each with a [`Locator`] that maps the
//! resources and attributes a policy names back to a file and line.
//!
//! One module per input format; this module holds what they share.

pub mod components;
pub mod dockerfile;
pub mod inventory;
pub mod json_lines;
pub mod kinds;
pub mod kustomize;
pub mod load;
pub mod locate;
pub mod pod_spec;
pub mod read;
pub mod structured;
pub mod terraform;
pub mod unit;
pub mod waivers;
pub mod yaml_lines;

pub use kinds::InputKind;
pub use locate::{Location, Locator};
pub use unit::{FoundFile, Origin, Unit, WalkRoot};

use serde::Serialize;

/// One `input` document as a policy sees it.
#[derive(Debug, Clone)]
pub struct Document {
    pub kind: InputKind,
    /// Path relative to the scanned root with `/` separators. For a Terraform
    /// module this is the directory; findings resolve to the file of the resource.
    pub path: String,
    /// Position of the document within its file (multi-document YAML), from 0.
    pub index: usize,
    pub value: serde_json::Value,
    pub locator: Locator,
    /// For a Terraform module instance (or a module of a plan): its address
    /// and where it was called from.
    pub instance: Option<Instance>,
}

/// A Terraform module instance's identity: what its resources' addresses
/// start with, and the `module` blocks that made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    /// `module.audit`, `module.a["x"].module.b`.
    pub address: String,
    /// The `module` blocks that made it, outermost first.
    pub call_sites: Vec<Location>,
    /// Where its targets are named from: the file of the outermost module
    /// call (for a plan, the plan file).
    pub root_file: String,
}

/// Something a scan found and did not examine, and why: a module call it
/// could not follow, a file of a kind it does not judge. Every report
/// lists them; a gate that says PASSED must say where it did not look.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Unexamined {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// `module call`, `helm template`, `json with comments`, `kustomize patch`...
    pub kind: String,
    /// What it is: a module's address and source, or the file.
    pub what: String,
    pub reason: String,
}

/// Terraform blocks that are not resources but that a control may read
/// (provider settings, the `terraform` block's backend). A control lists
/// them in its `resource_types` like a type, so it runs on the modules that
/// have them; they are never reported as resource types left unread.
pub const TERRAFORM_BLOCK_TYPES: [&str; 2] = ["provider", "terraform"];

fn is_empty(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::Object(m) => m.is_empty(),
        serde_json::Value::Array(a) => a.is_empty(),
        serde_json::Value::Null => true,
        _ => false,
    }
}

impl Document {
    /// The resource types the document holds, for skipping controls that
    /// examine none of them: Terraform resource and data types,
    /// CloudFormation resource types, the Kubernetes kind (and
    /// [`pod_spec::POD_SPEC_TYPE`] when the object runs pods), and the
    /// [`TERRAFORM_BLOCK_TYPES`] a module has. `None` for kinds without
    /// types.
    pub fn resource_types(&self) -> Option<std::collections::HashSet<&str>> {
        fn keys(v: Option<&serde_json::Value>) -> impl Iterator<Item = &str> {
            v.and_then(serde_json::Value::as_object)
                .into_iter()
                .flat_map(|m| m.keys().map(String::as_str))
        }
        match self.kind {
            InputKind::Terraform => Some(
                keys(self.value.get("resource"))
                    .chain(keys(self.value.get("data")))
                    .chain(
                        TERRAFORM_BLOCK_TYPES
                            .into_iter()
                            .filter(|b| self.value.get(*b).is_some_and(|v| !is_empty(v))),
                    )
                    .collect(),
            ),
            InputKind::Cloudformation => Some(
                self.value
                    .get("Resources")
                    .and_then(serde_json::Value::as_object)
                    .into_iter()
                    .flat_map(|m| {
                        m.values()
                            .filter_map(|r| r.get("Type").and_then(serde_json::Value::as_str))
                    })
                    .collect(),
            ),
            InputKind::Kubernetes => Some(
                self.value
                    .get("kind")
                    .and_then(serde_json::Value::as_str)
                    .into_iter()
                    .chain(pod_spec::pod_spec_path(&self.value).map(|_| pod_spec::POD_SPEC_TYPE))
                    .collect(),
            ),
            _ => None,
        }
    }

    /// The document's name in reports: the path, with `[n]` for the n-th
    /// document of a multi-document file when there is more than one.
    pub fn display_path(&self, documents_in_file: usize) -> String {
        if documents_in_file > 1 {
            format!("{}[{}]", self.path, self.index)
        } else {
            self.path.clone()
        }
    }
}

/// A file that could not be read or parsed: it becomes an `<error>` result,
/// never a silent skip.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct InputError {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    pub message: String,
}

impl InputError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        InputError {
            path: path.into(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    pub fn at(mut self, line: Option<usize>, column: Option<usize>) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    /// `path:line:column: message`, the form terminals and editors link.
    pub fn display(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{}:{}: {}", self.path, l, c, self.message),
            (Some(l), None) => format!("{}:{}: {}", self.path, l, self.message),
            _ => format!("{}: {}", self.path, self.message),
        }
    }
}

/// What parsing one discovered unit gave: documents, and errors for the
/// files (or documents) that could not be parsed. Both may be non-empty: a
/// Terraform module with one broken file still evaluates the others.
#[derive(Debug, Default)]
pub struct Parsed {
    pub documents: Vec<Document>,
    pub errors: Vec<InputError>,
    /// `assure:waive` comments found in the files.
    pub waivers: Vec<waivers::InlineWaiver>,
    /// Bytes of text read (what the scan pipeline budgets memory by).
    pub bytes: usize,
    /// What was found and not examined.
    pub not_examined: Vec<Unexamined>,
    /// Held for a large file until its documents are dropped: see
    /// [`crate::allocator::LargeInput`].
    pub large: Option<crate::allocator::LargeInput>,
}

impl Parsed {
    /// Add the inline waivers (and their errors) of one file's text.
    pub fn scan_waivers(&mut self, path: &str, text: &str) {
        let (w, e) = waivers::scan(path, text);
        self.waivers.extend(w);
        self.errors.extend(e);
    }
}

/// Byte offsets of line starts, to turn a byte offset into a 1-based line.
#[derive(Debug, Clone, Default)]
pub struct LineStarts(Vec<usize>);

impl LineStarts {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineStarts(starts)
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.0.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i.max(1),
        }
    }
}

/// Decode file bytes as text: UTF-8 with an optional byte-order mark, or
/// UTF-16 with one. Anything else is an error naming the first bad byte.
pub fn decode_text(path: &str, bytes: &[u8]) -> Result<String, InputError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode_utf8(path, rest);
    }
    let utf16 = |le: bool, rest: &[u8]| -> Result<String, InputError> {
        if !rest.len().is_multiple_of(2) {
            return Err(InputError::new(
                path,
                "UTF-16 text with an odd number of bytes",
            ));
        }
        let units = rest.chunks_exact(2).map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|e| InputError::new(path, format!("invalid UTF-16 text: {e}")))
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(true, rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(false, rest);
    }
    decode_utf8(path, bytes)
}

fn decode_utf8(path: &str, bytes: &[u8]) -> Result<String, InputError> {
    if bytes.contains(&0) {
        return Err(InputError::new(
            path,
            "binary file (contains NUL bytes), not a config file",
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let offset = e.valid_up_to();
            let starts = LineStarts::new(&String::from_utf8_lossy(&bytes[..offset]));
            let line = starts.line_of(offset);
            Err(InputError::new(
                path,
                format!("not valid UTF-8 text (invalid byte at offset {offset})"),
            )
            .at(Some(line), None))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_starts_map_offsets_to_lines() {
        let s = LineStarts::new("a\nbc\n\nd");
        assert_eq!(s.line_of(0), 1);
        assert_eq!(s.line_of(1), 1);
        assert_eq!(s.line_of(2), 2);
        assert_eq!(s.line_of(5), 3);
        assert_eq!(s.line_of(6), 4);
    }

    #[test]
    fn decodes_bom_and_utf16_and_rejects_binary() {
        assert_eq!(decode_text("f", b"\xEF\xBB\xBFa: 1").unwrap(), "a: 1");
        let utf16: Vec<u8> = [0xFF, 0xFE, b'a', 0, b':', 0, b' ', 0, b'1', 0].to_vec();
        assert_eq!(decode_text("f", &utf16).unwrap(), "a: 1");
        assert!(decode_text("f", b"\x00\x01\x02")
            .unwrap_err()
            .message
            .contains("binary"));
        let err = decode_text("f", b"a: 1\nb: \xFF\n").unwrap_err();
        assert_eq!(err.line, Some(2));
    }
}
