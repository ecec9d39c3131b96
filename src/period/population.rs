//! The population of changes for change management: the first-parent
//! commits of the branch in the period, each matched to the run that
//! checked it.
//!
//! A commit is covered by, in this order:
//! 1. a run recorded on that very commit with a clean work tree (any
//!    branch's chain of the repository: a push run, a scheduled run);
//! 2. for a merge commit of a pull request (`Merge pull request #N` on
//!    GitHub, `See merge request ...!N` on GitLab), the newest run of pull
//!    request N whose recorded head is the merged head (the commit's second
//!    parent);
//! 3. for a squash merge (a subject ending in `(#N)`, GitHub's form), the
//!    newest run of pull request N recorded before the commit: git keeps
//!    no trace of the request's last head, so the report shows the head the
//!    run checked for the auditor to compare with the request's.
//!
//! Anything else (a direct push nobody ran assure on, a rebase merge whose
//! commits had no runs) is uncovered, and the population is incomplete.

use super::model::{PopulationItem, RunRef};
use chrono::{DateTime, Utc};
use std::path::Path;
use std::process::Command;

/// The rule above, for the report.
pub const RULE: &str = "a commit is covered by a run recorded on it with a clean work tree; a pull request merge commit by the newest run of that request whose head is the merged head (second parent); a squash merge (subject ending in (#N)) by the newest run of request N recorded before it";

/// A run of the repository, as matching needs it.
#[derive(Debug, Clone)]
pub struct RunInfo {
    pub record: String,
    pub location: String,
    pub time: DateTime<Utc>,
    pub commit: Option<String>,
    pub dirty: Option<bool>,
    pub passed: bool,
    pub pull_request: Option<(u64, Option<String>)>,
}

/// A commit of the branch.
#[derive(Debug, Clone)]
pub struct Commit {
    pub sha: String,
    pub parents: Vec<String>,
    pub time: DateTime<Utc>,
    pub subject: String,
    pub body: String,
}

/// The first-parent commits of `branch` in `git_dir` committed in
/// [from, end], oldest first.
pub fn commits(
    git_dir: &Path,
    branch: &str,
    from: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Result<Vec<Commit>, String> {
    let reference = [
        format!("refs/heads/{branch}"),
        format!("refs/remotes/origin/{branch}"),
        branch.to_owned(),
    ]
    .into_iter()
    .find(|r| {
        Command::new("git")
            .arg("-C")
            .arg(git_dir)
            .args(["rev-parse", "--verify", "--quiet", r])
            .output()
            .is_ok_and(|o| o.status.success())
    })
    .ok_or_else(|| {
        format!(
            "{}: no branch {branch} in this repository",
            git_dir.display()
        )
    })?;
    let out = Command::new("git")
        .arg("-C")
        .arg(git_dir)
        .args([
            "log",
            "--first-parent",
            "--format=%H%x1f%P%x1f%ct%x1f%s%x1f%b%x1e",
            &reference,
        ])
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{}: git log failed: {}",
            git_dir.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut commits: Vec<Commit> = text
        .split('\u{1e}')
        .filter_map(|entry| {
            let mut fields = entry.trim_start_matches('\n').split('\u{1f}');
            let sha = fields.next()?.trim().to_owned();
            let parents = fields
                .next()?
                .split_whitespace()
                .map(str::to_owned)
                .collect();
            let time = DateTime::from_timestamp(fields.next()?.trim().parse().ok()?, 0)?;
            let subject = fields.next().unwrap_or("").to_owned();
            let body = fields.next().unwrap_or("").to_owned();
            (!sha.is_empty()).then_some(Commit {
                sha,
                parents,
                time,
                subject,
                body,
            })
        })
        .filter(|c| c.time >= from && c.time <= end)
        .collect();
    commits.reverse();
    Ok(commits)
}

/// Each commit with the run that covers it, if any.
pub fn cover(commits: &[Commit], runs: &[RunInfo]) -> Vec<PopulationItem> {
    commits
        .iter()
        .map(|c| PopulationItem {
            commit: c.sha.clone(),
            time: crate::dates::timestamp(c.time),
            subject: c.subject.clone(),
            covered_by: covering_run(c, runs),
        })
        .collect()
}

fn covering_run(c: &Commit, runs: &[RunInfo]) -> Option<RunRef> {
    let reference = |r: &RunInfo, how: String| RunRef {
        record: r.record.clone(),
        location: r.location.clone(),
        time: crate::dates::timestamp(r.time),
        passed: r.passed,
        how,
    };
    if let Some(r) = runs
        .iter()
        .filter(|r| r.commit.as_deref() == Some(c.sha.as_str()) && r.dirty != Some(true))
        .min_by_key(|r| r.time)
    {
        return Some(reference(r, "run on the commit".into()));
    }
    if c.parents.len() >= 2 {
        let number = pull_request_of_merge(&c.subject, &c.body)?;
        let head = &c.parents[1];
        return runs
            .iter()
            .filter(|r| {
                r.pull_request
                    .as_ref()
                    .is_some_and(|(n, h)| *n == number && h.as_deref() == Some(head.as_str()))
            })
            .max_by_key(|r| r.time)
            .map(|r| reference(r, format!("pull request #{number} at the merged head")));
    }
    let number = squashed_pull_request(&c.subject)?;
    runs.iter()
        .filter(|r| r.time <= c.time && r.pull_request.as_ref().is_some_and(|(n, _)| *n == number))
        .max_by_key(|r| r.time)
        .map(|r| {
            let head = r
                .pull_request
                .as_ref()
                .and_then(|(_, h)| h.clone())
                .unwrap_or_else(|| "unknown".into());
            reference(
                r,
                format!("pull request #{number}, squashed: its newest run checked head {head}"),
            )
        })
}

/// `Merge pull request #12 from ...` (GitHub) or a body line `See merge
/// request group/project!12` (GitLab).
fn pull_request_of_merge(subject: &str, body: &str) -> Option<u64> {
    if let Some(rest) = subject.strip_prefix("Merge pull request #") {
        return rest
            .split(|c: char| !c.is_ascii_digit())
            .next()?
            .parse()
            .ok();
    }
    body.lines().chain(std::iter::once(subject)).find_map(|l| {
        let rest = l.trim().strip_prefix("See merge request ")?;
        rest.rsplit_once('!')?.1.trim().parse().ok()
    })
}

/// `Add logging (#12)`: GitHub's squash and rebase merges.
fn squashed_pull_request(subject: &str) -> Option<u64> {
    let inner = subject.trim_end().strip_suffix(')')?;
    let (_, number) = inner.rsplit_once("(#")?;
    number.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_and_squash_subjects_name_their_request() {
        assert_eq!(
            pull_request_of_merge("Merge pull request #12 from acme/fix", ""),
            Some(12)
        );
        assert_eq!(
            pull_request_of_merge(
                "Merge branch 'fix' into 'main'",
                "Fix it\n\nSee merge request acme/app!7"
            ),
            Some(7)
        );
        assert_eq!(pull_request_of_merge("Merge branch 'x'", ""), None);
        assert_eq!(squashed_pull_request("Add bucket logging (#31)"), Some(31));
        assert_eq!(squashed_pull_request("Add bucket logging (see #31)"), None);
        assert_eq!(squashed_pull_request("Add logging"), None);
    }
}
