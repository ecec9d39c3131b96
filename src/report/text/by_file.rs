//! Findings grouped by file: controls' results merged by the place each
//! finding is in, so a finding inside a module instance is listed under the
//! module's file.

use super::*;

/// Files one after another, each resource once with the findings of every
/// control on it, worst first.
pub(super) fn by_file(
    out: &mut dyn Write,
    result: &ScanResult,
    opts: &TextOptions,
    budget: &mut Budget,
) -> io::Result<()> {
    let limit = spill_after();
    let mut rows: Sorter<FileRow> = Sorter::new(|a, b| a.path.cmp(&b.path), limit);
    let mut errors: Sorter<ErrorRow> = Sorter::new(
        |a, b| a.path.cmp(&b.path).then_with(|| a.control.cmp(&b.control)),
        limit,
    );
    let mut passed = Vec::new();
    let mut idle = 0;
    let mut id_w = 0;
    for (ci, c) in result.controls.iter().enumerate() {
        match c.outcome() {
            None => idle += 1,
            Some(Outcome::Pass) => passed.push(c.control.id.as_str()),
            Some(_) => {}
        }
        let t = c.targets.tally();
        let listed =
            t.live(Level::Deny) + t.live(Level::Warn) + if opts.quiet { 0 } else { t.not_live() };
        if listed > 0 {
            id_w = id_w.max(c.control.id.len());
        }
        if !has_unpassed(c) {
            continue;
        }
        let mut shown = budget.of(ci);
        for t in c.targets.iter() {
            if t.outcome == Outcome::Error {
                errors.push(ErrorRow {
                    path: t.path.clone(),
                    control: c.control.id.clone(),
                    target: t.name.clone(),
                    error: t.error.clone().unwrap_or_default(),
                })?;
            }
            for f in &t.findings {
                if opts.quiet && !f.is_live() {
                    continue;
                }
                let (path, line) = place(&t.path, f);
                rows.push(FileRow {
                    path: path.to_owned(),
                    line,
                    control: ci,
                    shown: shown.next(f),
                    finding: f.clone(),
                })?;
            }
        }
    }
    // Rows come sorted by file; each file's rows are ordered, and written,
    // one file at a time.
    let mut withheld: Vec<(String, usize)> = Vec::new();
    let mut file: Vec<FileRow> = Vec::new();
    for row in rows.finish()? {
        let row = row?;
        if file.first().is_some_and(|f| f.path != row.path) {
            one_file(
                out,
                result,
                std::mem::take(&mut file),
                id_w,
                budget,
                &mut withheld,
            );
        }
        file.push(row);
    }
    if !file.is_empty() {
        one_file(out, result, file, id_w, budget, &mut withheld);
    }
    for (path, n) in withheld {
        let _ = writeln!(
            out,
            "{}",
            paint(DIM, &format!("{path}: {n} more finding{}", plural(n)))
        );
    }
    for e in errors.finish()? {
        let e = e?;
        let _ = writeln!(
            out,
            "{} {}: {} could not evaluate {}: {}",
            paint(MAGENTA, "error"),
            e.path,
            e.control,
            e.target,
            e.error
        );
    }
    if !opts.quiet && !passed.is_empty() {
        wrapped(
            out,
            DIM,
            &format!(
                "{} control{} passed everywhere they looked:",
                passed.len(),
                plural(passed.len())
            ),
            &passed,
        );
    }
    if !opts.quiet && idle > 0 {
        let _ = writeln!(
            out,
            "{}",
            paint(
                DIM,
                &format!(
                    "{idle} control{} had nothing to examine (`--group-by control` names them)",
                    plural(idle)
                )
            )
        );
    }
    Ok(())
}

/// One file's findings: each resource once, at its first line, its
/// findings under it by line, worst first. Findings held back by the
/// budget are counted in `withheld` for the file.
pub(super) fn one_file(
    out: &mut dyn Write,
    result: &ScanResult,
    mut rows: Vec<FileRow>,
    id_w: usize,
    budget: &mut Budget,
    withheld: &mut Vec<(String, usize)>,
) {
    let mut first_line: BTreeMap<Option<&str>, usize> = BTreeMap::new();
    for r in &rows {
        let e = first_line
            .entry(r.finding.resource.as_deref())
            .or_insert(r.line);
        *e = (*e).min(r.line);
    }
    let first: Vec<usize> = rows
        .iter()
        .map(|r| first_line[&r.finding.resource.as_deref()])
        .collect();
    drop(first_line);
    let control = |r: &FileRow| &result.controls[r.control].control;
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (&rows[a], &rows[b]);
        first[a]
            .cmp(&first[b])
            .then(ra.finding.resource.cmp(&rb.finding.resource))
            .then(ra.line.cmp(&rb.line))
            .then(control(rb).severity.cmp(&control(ra).severity))
            .then_with(|| control(ra).id.cmp(&control(rb).id))
    });
    let mut heading = false;
    let mut resource: Option<Option<String>> = None;
    let mut held_back = 0;
    for i in order {
        let r = &mut rows[i];
        if !r.shown {
            held_back += 1;
            budget.withheld += 1;
            continue;
        }
        if !heading {
            heading = true;
            let _ = writeln!(out, "{}", paint(BOLD, &r.path));
        }
        if resource.as_ref() != Some(&r.finding.resource) {
            resource = Some(r.finding.resource.clone());
            let _ = writeln!(
                out,
                "  {}",
                r.finding.resource.as_deref().unwrap_or("(the document)")
            );
        }
        let at = if r.line > 0 {
            format!("{:>6}", r.line)
        } else {
            " ".repeat(6)
        };
        let c = &result.controls[r.control].control;
        let _ = writeln!(
            out,
            "{} {} {:<8} {:<id_w$}  {}",
            paint(DIM, &at),
            mark(&r.finding),
            c.severity.name(),
            c.id,
            r.finding.message
        );
        finding_notes(out, &r.finding, "          ");
    }
    if held_back > 0 {
        if let Some(r) = rows.first_mut() {
            withheld.push((std::mem::take(&mut r.path), held_back));
        }
    }
}
