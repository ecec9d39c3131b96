//! The control catalog (`assure controls`): a terminal table and Markdown.

use crate::controls::Control;

fn inputs(c: &Control) -> String {
    if c.inputs.is_empty() {
        "any".to_owned()
    } else {
        c.inputs
            .iter()
            .map(|k| k.name())
            .collect::<Vec<_>>()
            .join(",")
    }
}

fn mapping(c: &Control) -> String {
    c.soc2
        .iter()
        .chain(&c.soc1)
        .cloned()
        .collect::<Vec<_>>()
        .join(",")
}

/// `assure controls` as an aligned table for a terminal.
pub fn text(controls: &[Control]) -> String {
    let rows: Vec<[String; 5]> = controls
        .iter()
        .map(|c| {
            [
                c.id.clone(),
                c.severity.name().to_owned(),
                mapping(c),
                inputs(c),
                c.title.clone(),
            ]
        })
        .collect();
    let header = ["ID", "SEVERITY", "CRITERIA", "INPUTS", "TITLE"].map(str::to_owned);
    let mut widths = [0usize; 4];
    for row in std::iter::once(&header).chain(&rows) {
        for (w, cell) in widths.iter_mut().zip(row.iter()) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in std::iter::once(&header).chain(&rows) {
        for (w, cell) in widths.iter().zip(row.iter()) {
            out.push_str(&format!("{cell:<w$}  ", w = *w));
        }
        out.push_str(&row[4]);
        out.push('\n');
    }
    out.push_str(&format!("{} controls\n", controls.len()));
    out
}

/// `assure controls --format markdown`: the catalog as a Markdown table.
pub fn markdown(controls: &[Control]) -> String {
    let esc = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut out = String::from(
        "# Controls\n\n| id | title | severity | SOC 2 | SOC 1 | inputs | remediation |\n|---|---|---|---|---|---|---|\n",
    );
    for c in controls {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} | {} |\n",
            c.id,
            esc(&c.title),
            c.severity,
            c.soc2.join(", "),
            c.soc1.join(", "),
            inputs(c).replace(',', ", "),
            esc(&c.remediation)
        ));
    }
    out
}
