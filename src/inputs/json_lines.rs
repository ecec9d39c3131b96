//! Lines of the nodes of a JSON document, from one pass over its tokens.
//!
//! `serde_json` gives no positions; this walks the text's structure (strings,
//! brackets, colons, commas) without building values, so a finding in a JSON
//! CloudFormation template or Kubernetes manifest gets its line.

use super::locate::{join_index, join_key, PathIndex};

enum Frame {
    Object {
        path: String,
        key: Option<String>,
    },
    Array {
        path: String,
        index: usize,
        started: bool,
    },
}

/// Index every key and array element of a JSON text by path. Assumes the
/// text already parsed as JSON; on odd input it stops quietly.
pub fn index_json(text: &str) -> PathIndex {
    let mut index = PathIndex::default();
    let mut stack: Vec<Frame> = Vec::new();
    let mut line = 1usize;
    let mut chars = text.char_indices().peekable();
    let mut last_string: Option<String> = None;

    // The path a value starting now would have.
    fn value_path(stack: &[Frame]) -> Option<String> {
        match stack.last()? {
            Frame::Object { path, key } => key.as_ref().map(|k| join_key(path, k)),
            Frame::Array { path, index, .. } => Some(join_index(path, *index)),
        }
    }
    fn mark_array_value(stack: &mut [Frame], index: &mut PathIndex, line: usize) {
        if let Some(Frame::Array {
            path,
            index: i,
            started,
        }) = stack.last_mut()
        {
            if !*started {
                *started = true;
                index.insert(join_index(path, *i), line);
            }
        }
    }

    while let Some((_, c)) = chars.next() {
        match c {
            '\n' => line += 1,
            '"' => {
                let mut s = String::new();
                let mut escaped = false;
                for (_, ch) in chars.by_ref() {
                    if ch == '\n' {
                        line += 1;
                    }
                    if escaped {
                        s.push(ch);
                        escaped = false;
                    } else if ch == '\\' {
                        escaped = true;
                    } else if ch == '"' {
                        break;
                    } else {
                        s.push(ch);
                    }
                }
                let in_object_awaiting_key =
                    matches!(stack.last(), Some(Frame::Object { key: None, .. }));
                if in_object_awaiting_key {
                    last_string = Some(s);
                } else {
                    mark_array_value(&mut stack, &mut index, line);
                }
            }
            ':' => {
                if let (Some(Frame::Object { path, key }), Some(k)) =
                    (stack.last_mut(), last_string.take())
                {
                    index.insert(join_key(path, &k), line);
                    *key = Some(k);
                }
            }
            ',' => match stack.last_mut() {
                Some(Frame::Object { key, .. }) => *key = None,
                Some(Frame::Array {
                    index: i, started, ..
                }) => {
                    *i += 1;
                    *started = false;
                }
                None => {}
            },
            '{' | '[' => {
                mark_array_value(&mut stack, &mut index, line);
                let path = if stack.is_empty() {
                    String::new()
                } else {
                    match value_path(&stack) {
                        Some(p) => p,
                        None => return index,
                    }
                };
                stack.push(if c == '{' {
                    Frame::Object { path, key: None }
                } else {
                    Frame::Array {
                        path,
                        index: 0,
                        started: false,
                    }
                });
            }
            '}' | ']' => {
                stack.pop();
            }
            c if c.is_whitespace() => {}
            _ => mark_array_value(&mut stack, &mut index, line),
        }
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_nested_keys_and_items() {
        let text = r#"{
  "Resources": {
    "Bucket": {
      "Type": "AWS::S3::Bucket",
      "Properties": {"Tags": [
        {"Key": "a"},
        {"Key": "b, \"c\""}
      ]}
    }
  }
}"#;
        let idx = index_json(text);
        assert_eq!(idx.get("Resources"), Some(2));
        assert_eq!(idx.get("Resources.Bucket"), Some(3));
        assert_eq!(idx.get("Resources.Bucket.Type"), Some(4));
        assert_eq!(idx.get("Resources.Bucket.Properties.Tags[0].Key"), Some(6));
        assert_eq!(idx.get("Resources.Bucket.Properties.Tags[1]"), Some(7));
    }

    #[test]
    fn scalar_arrays() {
        let idx = index_json("{\"a\": [1,\n 2,\n \"x\"]}");
        assert_eq!(idx.get("a[0]"), Some(1));
        assert_eq!(idx.get("a[1]"), Some(2));
        assert_eq!(idx.get("a[2]"), Some(3));
    }
}
