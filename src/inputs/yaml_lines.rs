//! Lines of the nodes of block-style YAML documents.
//!
//! `yaml_serde` gives values but no positions, and a finding belongs on
//! the line of the resource or attribute. This module indexes where each key
//! and sequence item of a block-style document starts, in one pass over the
//! text, without building values. Flow collections (`{...}`, `[...]`) are not
//! descended into: their nodes resolve to the line of the key that holds them.

use super::locate::{join_index, join_key, PathIndex};

/// The index of one YAML document of a stream.
#[derive(Debug, Default)]
pub struct DocLines {
    /// 1-based line of the document's first content line.
    pub first_line: usize,
    pub index: PathIndex,
    /// Whether the document had any content (libyaml skips an empty prefix).
    has_content: bool,
}

struct Node {
    /// Column of the key or of the `-` of the item.
    col: usize,
    path: String,
    is_item: bool,
    /// Next index for a sequence whose parent is this node.
    next_item: usize,
}

/// Split a YAML stream into documents the way libyaml does and index each.
pub fn index_documents(text: &str) -> Vec<DocLines> {
    let mut docs: Vec<DocLines> = Vec::new();
    let mut current = DocLines::default();
    let mut explicit_start = false;
    let mut stack: Vec<Node> = Vec::new();
    let mut root_next_item = 0usize;
    // Lines more indented than this belong to a block scalar.
    let mut block_scalar_above: Option<usize> = None;

    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end_matches('\r');
        if line.starts_with("---") && (line.len() == 3 || line[3..].starts_with([' ', '\t'])) {
            if current.has_content || explicit_start {
                docs.push(std::mem::take(&mut current));
            } else {
                current = DocLines::default();
            }
            explicit_start = true;
            stack.clear();
            root_next_item = 0;
            block_scalar_above = None;
            let rest = line[3..].trim();
            if !rest.is_empty() && !rest.starts_with('#') {
                current.first_line = line_no;
                current.has_content = true;
            }
            continue;
        }
        if line == "..." {
            if current.has_content || explicit_start {
                docs.push(std::mem::take(&mut current));
            }
            explicit_start = false;
            stack.clear();
            root_next_item = 0;
            block_scalar_above = None;
            continue;
        }
        let trimmed = line.trim_start_matches(' ');
        let col = line.len() - trimmed.len();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(limit) = block_scalar_above {
            if col > limit {
                continue;
            }
            block_scalar_above = None;
        }
        if trimmed.starts_with('%') && !current.has_content {
            continue; // directive
        }
        if !current.has_content {
            current.has_content = true;
            current.first_line = line_no;
        }

        let mut col = col;
        let mut rest = trimmed;
        // Sequence items, possibly nested on one line (`- - a`).
        while rest == "-" || rest.starts_with("- ") {
            while stack
                .last()
                .is_some_and(|n| n.col > col || (n.col == col && n.is_item))
            {
                stack.pop();
            }
            let (parent_path, idx) = match stack.last_mut() {
                Some(parent) => {
                    let idx = parent.next_item;
                    parent.next_item += 1;
                    (parent.path.clone(), idx)
                }
                None => {
                    let idx = root_next_item;
                    root_next_item += 1;
                    (String::new(), idx)
                }
            };
            let path = join_index(&parent_path, idx);
            current.index.insert(path.clone(), line_no);
            stack.push(Node {
                col,
                path,
                is_item: true,
                next_item: 0,
            });
            let after = rest[1..].trim_start_matches(' ');
            col += rest.len() - after.len();
            rest = after;
            if rest.is_empty() {
                break;
            }
        }
        if rest.is_empty() || rest.starts_with('#') {
            continue;
        }
        let Some((key, value)) = split_key(rest) else {
            continue; // a scalar, or a continuation line
        };
        while stack.last().is_some_and(|n| n.col >= col) {
            stack.pop();
        }
        let parent = stack.last().map(|n| n.path.as_str()).unwrap_or("");
        let path = join_key(parent, &key);
        current.index.insert(path.clone(), line_no);
        let value = value.trim_start();
        if value.starts_with('|') || value.starts_with('>') {
            block_scalar_above = Some(col);
        }
        stack.push(Node {
            col,
            path,
            is_item: false,
            next_item: 0,
        });
    }
    if current.has_content || explicit_start {
        docs.push(current);
    }
    docs
}

/// `key: value` or `key:` at the start of `s`, honouring quoted keys.
fn split_key(s: &str) -> Option<(String, &str)> {
    let bytes = s.as_bytes();
    if let Some(q @ (b'"' | b'\'')) = bytes.first().copied() {
        let close = s[1..].find(q as char)? + 1;
        let key = &s[1..close];
        let after = &s[close + 1..];
        let after = after.trim_start_matches(' ');
        let value = after.strip_prefix(':')?;
        if !(value.is_empty() || value.starts_with([' ', '\t'])) {
            return None;
        }
        return Some((key.to_owned(), value));
    }
    if s.starts_with(['{', '[', '&', '*', '!', '|', '>', '?']) {
        return None;
    }
    let mut search = 0;
    while let Some(pos) = s[search..].find(':') {
        let at = search + pos;
        let after = &s[at + 1..];
        if after.is_empty() || after.starts_with([' ', '\t']) {
            let key = s[..at].trim_end();
            if key.contains(" #") {
                return None;
            }
            return Some((key.to_owned(), after));
        }
        search = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_keys_and_items_of_a_deployment() {
        let text = "\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: api
        image: nginx
        securityContext:
          privileged: true
      - name: sidecar
        command: |
          a: b
          c: d
        image: envoy
";
        let docs = index_documents(text);
        assert_eq!(docs.len(), 1);
        let idx = &docs[0].index;
        assert_eq!(idx.get("kind"), Some(2));
        assert_eq!(idx.get("metadata.name"), Some(4));
        assert_eq!(idx.get("spec.template.spec.containers[0]"), Some(9));
        assert_eq!(idx.get("spec.template.spec.containers[0].name"), Some(9));
        assert_eq!(
            idx.get("spec.template.spec.containers[0].securityContext.privileged"),
            Some(12)
        );
        assert_eq!(idx.get("spec.template.spec.containers[1].image"), Some(17));
        assert_eq!(idx.get("spec.template.spec.containers[1].command.a"), None);
    }

    #[test]
    fn splits_documents_like_libyaml() {
        let text = "# leading comment\n---\na: 1\n---\nb:\n  - x\n  - y: 2\n";
        let docs = index_documents(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].first_line, 3);
        assert_eq!(docs[1].first_line, 5);
        assert_eq!(docs[1].index.get("b[1].y"), Some(7));
        let docs = index_documents("a: 1\n---\nb: 2\n");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].index.get("b"), Some(3));
    }

    #[test]
    fn quoted_keys_and_urls_in_values() {
        let docs = index_documents("\"on\":\n  push: {}\nurl: http://x:8080/a\n'k': v\n");
        let idx = &docs[0].index;
        assert_eq!(idx.get("on.push"), Some(2));
        assert_eq!(idx.get("url"), Some(3));
        assert_eq!(idx.get("k"), Some(4));
    }

    #[test]
    fn cloudformation_resources() {
        let text = "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref Name\n";
        let idx = &index_documents(text)[0].index;
        assert_eq!(idx.get("Resources.Bucket"), Some(2));
        assert_eq!(idx.get("Resources.Bucket.Properties.BucketName"), Some(5));
    }
}
