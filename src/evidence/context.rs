//! Where a run happened: the repository (remote, commit, branch, whether
//! the work tree differed from the commit) and the CI run, read from git
//! and from the variables CI services set. Nothing here fails a run:
//! what cannot be known is recorded as unknown.

use super::statement::{CiRun, PullRequest, Source};
use std::path::Path;
use std::process::{Command, Stdio};

/// The repository a scan root belongs to, as git sees it; CI variables
/// fill in what git cannot say (a detached checkout has no branch).
pub fn source(root: &Path, env: &dyn Fn(&str) -> Option<String>) -> Source {
    // A file named bare (`main.tf`) has an empty parent: the current folder.
    let dir = if root.is_dir() {
        root
    } else {
        root.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
    };
    let git = |args: &[&str]| git_output(dir, args);
    let inside = git(&["rev-parse", "--is-inside-work-tree"]).as_deref() == Some("true");
    let commit = inside
        .then(|| git(&["rev-parse", "HEAD"]))
        .flatten()
        .or_else(|| first_env(env, &["GITHUB_SHA", "CI_COMMIT_SHA"]));
    let branch = ci_branch(env).or_else(|| {
        inside
            .then(|| git(&["symbolic-ref", "--short", "-q", "HEAD"]))
            .flatten()
    });
    let remote = ci_repository(env)
        .or_else(|| inside.then(|| origin_url(dir)).flatten())
        .map(|u| without_credentials(&u));
    // Untracked files count: a new file in the scan changes its results.
    let dirty = inside
        .then(|| git(&["status", "--porcelain"]).map(|s| !s.is_empty()))
        .flatten();
    Source {
        remote,
        commit,
        branch,
        dirty,
    }
}

/// The repository's identity for chaining records: host and path of its
/// remote, however it is spelled (`https://github.com/acme/app.git`,
/// `git@github.com:acme/app`, `ssh://git@github.com/acme/app/`) and in
/// lower case, so a CI job and a laptop extend the same chain.
/// A path as a record names it: relative to the top of the git work tree
/// holding it (else to the current folder) when it is absolute, so records
/// of one repository read the same on every machine; as it is otherwise.
pub fn record_path(path: &str) -> String {
    let p = Path::new(path);
    if !p.is_absolute() {
        return path.to_owned();
    }
    let dir = p.parent().unwrap_or(p);
    let top = git_output(dir, &["rev-parse", "--show-toplevel"])
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::current_dir().ok());
    match top.as_deref().and_then(|t| p.strip_prefix(t).ok()) {
        Some(rel) if !rel.as_os_str().is_empty() => crate::paths::slash_path(rel),
        _ => path.to_owned(),
    }
}

pub fn repository_id(remote: &str) -> String {
    let s = remote.trim();
    let rest = match s.split_once("://") {
        Some((_, rest)) => rest.to_owned(),
        // scp-like `user@host:path`.
        None => match s.split_once(':') {
            Some((host, path)) if !host.contains('/') => format!("{host}/{path}"),
            _ => s.to_owned(),
        },
    };
    let rest = match rest.split_once('@') {
        Some((user, tail)) if !user.contains('/') => tail.to_owned(),
        _ => rest,
    };
    // A port belongs to the transport, not the repository.
    let (host, path) = rest.split_once('/').unwrap_or((rest.as_str(), ""));
    let host = host.split(':').next().unwrap_or(host);
    let path = path.trim_end_matches('/');
    let path = path.strip_suffix(".git").unwrap_or(path);
    format!("{host}/{path}").to_lowercase()
}

/// A URL without the user and password it may carry
/// (`https://x-access-token:TOKEN@github.com/...`): a token in the ledger
/// would be a leaked secret. scp-like addresses (`git@host:path`) keep
/// their user, which is no secret.
pub fn without_credentials(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => {
            let end = rest.find('/').unwrap_or(rest.len());
            match rest[..end].rfind('@') {
                Some(at) => format!("{scheme}://{}", &rest[at + 1..]),
                None => url.to_owned(),
            }
        }
        None => url.to_owned(),
    }
}

/// The CI run, from the variables each service sets; `ASSURE_CI_*` for
/// any other, and a bare `CI=true` as an unnamed CI.
pub fn ci_run(env: &dyn Fn(&str) -> Option<String>) -> Option<CiRun> {
    let var = |k: &str| env(k).filter(|v| !v.trim().is_empty());
    if var("GITHUB_ACTIONS").as_deref() == Some("true") {
        let server = var("GITHUB_SERVER_URL").unwrap_or_else(|| "https://github.com".into());
        let run_id = var("GITHUB_RUN_ID");
        let run_url = match (&run_id, var("GITHUB_REPOSITORY")) {
            (Some(id), Some(repo)) => Some(format!("{server}/{repo}/actions/runs/{id}")),
            _ => None,
        };
        return Some(CiRun {
            provider: "github-actions".into(),
            run_id: run_id.map(|id| match var("GITHUB_RUN_ATTEMPT") {
                Some(attempt) => format!("{id}/{attempt}"),
                None => id,
            }),
            run_url,
            actor: var("GITHUB_ACTOR"),
            workflow: var("GITHUB_WORKFLOW"),
            event: var("GITHUB_EVENT_NAME"),
            pull_request: github_pull_request(&var),
        });
    }
    if var("GITLAB_CI").as_deref() == Some("true") {
        return Some(CiRun {
            provider: "gitlab-ci".into(),
            run_id: var("CI_PIPELINE_ID").map(|p| match var("CI_JOB_ID") {
                Some(job) => format!("{p}/{job}"),
                None => p,
            }),
            run_url: var("CI_JOB_URL").or_else(|| var("CI_PIPELINE_URL")),
            actor: var("GITLAB_USER_LOGIN"),
            workflow: var("CI_PROJECT_PATH"),
            event: var("CI_PIPELINE_SOURCE"),
            pull_request: var("CI_MERGE_REQUEST_IID")
                .and_then(|n| n.parse().ok())
                .map(|number| PullRequest {
                    number,
                    head: var("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA")
                        .or_else(|| var("CI_COMMIT_SHA")),
                    head_branch: var("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"),
                    base_branch: var("CI_MERGE_REQUEST_TARGET_BRANCH_NAME"),
                }),
        });
    }
    let generic = CiRun {
        provider: var("ASSURE_CI_PROVIDER").unwrap_or_default(),
        run_id: var("ASSURE_CI_RUN_ID"),
        run_url: var("ASSURE_CI_RUN_URL"),
        actor: var("ASSURE_CI_ACTOR"),
        workflow: None,
        event: None,
        pull_request: var("ASSURE_CI_PR_NUMBER")
            .and_then(|n| n.parse().ok())
            .map(|number| PullRequest {
                number,
                head: var("ASSURE_CI_PR_HEAD"),
                head_branch: var("ASSURE_CI_BRANCH"),
                base_branch: var("ASSURE_CI_PR_BASE"),
            }),
    };
    let named = !generic.provider.is_empty()
        || generic.pull_request.is_some()
        || generic.run_id.is_some()
        || generic.run_url.is_some()
        || generic.actor.is_some();
    let in_ci = var("CI").is_some_and(|v| v != "false" && v != "0");
    (named || in_ci).then(|| CiRun {
        provider: if generic.provider.is_empty() {
            "unknown".into()
        } else {
            generic.provider.clone()
        },
        ..generic
    })
}

/// A GitHub pull request run: its number from the ref GitHub checks out
/// (`refs/pull/N/merge`), its head commit from the event payload.
fn github_pull_request(var: &dyn Fn(&str) -> Option<String>) -> Option<PullRequest> {
    let number: u64 = var("GITHUB_REF")?
        .strip_prefix("refs/pull/")?
        .split('/')
        .next()?
        .parse()
        .ok()?;
    let head = var("GITHUB_EVENT_PATH")
        .and_then(|p| std::fs::read(p).ok())
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .and_then(|e| {
            e.pointer("/pull_request/head/sha")
                .and_then(|s| s.as_str())
                .map(str::to_owned)
        });
    Some(PullRequest {
        number,
        head,
        head_branch: var("GITHUB_HEAD_REF"),
        base_branch: var("GITHUB_BASE_REF"),
    })
}

fn ci_branch(env: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    // A pull request's branch, then the pushed branch.
    let github = env("GITHUB_ACTIONS").as_deref() == Some("true");
    let gitlab = env("GITLAB_CI").as_deref() == Some("true");
    let names: &[&str] = if github {
        &["GITHUB_HEAD_REF", "GITHUB_REF_NAME"]
    } else if gitlab {
        &["CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "CI_COMMIT_REF_NAME"]
    } else {
        &["ASSURE_CI_BRANCH"]
    };
    first_env(env, names)
}

fn ci_repository(env: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    if env("GITHUB_ACTIONS").as_deref() == Some("true") {
        let server = env("GITHUB_SERVER_URL").unwrap_or_else(|| "https://github.com".into());
        return env("GITHUB_REPOSITORY").map(|r| format!("{server}/{r}"));
    }
    if env("GITLAB_CI").as_deref() == Some("true") {
        return env("CI_PROJECT_URL");
    }
    None
}

fn first_env(env: &dyn Fn(&str) -> Option<String>, names: &[&str]) -> Option<String> {
    names
        .iter()
        .find_map(|n| env(n).filter(|v| !v.trim().is_empty()))
}

/// The fetch URL of `origin`, else of the first remote.
fn origin_url(dir: &Path) -> Option<String> {
    git_output(dir, &["remote", "get-url", "origin"]).or_else(|| {
        let remotes = git_output(dir, &["remote"])?;
        let first = remotes.lines().next()?.to_owned();
        git_output(dir, &["remote", "get-url", &first])
    })
}

/// A git command's output, trimmed; `None` when git is missing or fails.
/// It never prompts, and takes no lock another git process could need.
fn git_output(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_OPTIONAL_LOCKS", "0")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// The process environment, as the functions above read it.
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| map.get(k).cloned()
    }

    #[test]
    fn one_repository_however_its_remote_is_spelled() {
        for url in [
            "https://github.com/Acme/App.git",
            "git@github.com:acme/app.git",
            "ssh://git@github.com:22/acme/app/",
            "https://x-access-token:ghs_secret@github.com/acme/app",
        ] {
            assert_eq!(repository_id(url), "github.com/acme/app", "{url}");
        }
    }

    #[test]
    fn credentials_never_reach_the_record() {
        assert_eq!(
            without_credentials("https://x-access-token:ghs_abc@github.com/acme/app.git"),
            "https://github.com/acme/app.git"
        );
        assert_eq!(
            without_credentials("https://gitlab.example/group/app.git"),
            "https://gitlab.example/group/app.git"
        );
        assert_eq!(
            without_credentials("git@github.com:acme/app.git"),
            "git@github.com:acme/app.git"
        );
    }

    #[test]
    fn ci_runs_are_named_from_their_variables() {
        let github = ci_run(&env_of(&[
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_SERVER_URL", "https://github.com"),
            ("GITHUB_REPOSITORY", "acme/app"),
            ("GITHUB_RUN_ID", "42"),
            ("GITHUB_RUN_ATTEMPT", "2"),
            ("GITHUB_ACTOR", "octocat"),
            ("GITHUB_WORKFLOW", "ci"),
            ("GITHUB_EVENT_NAME", "push"),
        ]))
        .unwrap();
        assert_eq!(github.provider, "github-actions");
        assert_eq!(github.run_id.as_deref(), Some("42/2"));
        assert_eq!(
            github.run_url.as_deref(),
            Some("https://github.com/acme/app/actions/runs/42")
        );
        assert_eq!(github.actor.as_deref(), Some("octocat"));
        let gitlab = ci_run(&env_of(&[
            ("GITLAB_CI", "true"),
            ("CI_PIPELINE_ID", "7"),
            ("CI_JOB_ID", "99"),
            ("CI_JOB_URL", "https://gitlab.example/acme/app/-/jobs/99"),
            ("GITLAB_USER_LOGIN", "dev"),
        ]))
        .unwrap();
        assert_eq!(gitlab.provider, "gitlab-ci");
        assert_eq!(gitlab.run_id.as_deref(), Some("7/99"));
        let generic = ci_run(&env_of(&[
            ("ASSURE_CI_PROVIDER", "buildkite"),
            ("ASSURE_CI_RUN_ID", "5"),
        ]))
        .unwrap();
        assert_eq!(
            (generic.provider.as_str(), generic.run_id.as_deref()),
            ("buildkite", Some("5"))
        );
        assert_eq!(
            ci_run(&env_of(&[("CI", "true")])).unwrap().provider,
            "unknown"
        );
        assert_eq!(ci_run(&env_of(&[])), None);
        assert_eq!(ci_run(&env_of(&[("CI", "false")])), None);
    }

    #[test]
    fn pull_request_runs_name_their_request_and_head() {
        let dir = tempfile::tempdir().unwrap();
        let event = dir.path().join("event.json");
        std::fs::write(&event, r#"{"pull_request": {"head": {"sha": "abc123"}}}"#).unwrap();
        let github = ci_run(&env_of(&[
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_REF", "refs/pull/17/merge"),
            ("GITHUB_EVENT_PATH", event.to_str().unwrap()),
            ("GITHUB_HEAD_REF", "feature"),
            ("GITHUB_BASE_REF", "main"),
        ]))
        .unwrap();
        let pr = github.pull_request.unwrap();
        assert_eq!((pr.number, pr.head.as_deref()), (17, Some("abc123")));
        assert_eq!(pr.base_branch.as_deref(), Some("main"));
        let push = ci_run(&env_of(&[
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_REF", "refs/heads/main"),
        ]))
        .unwrap();
        assert_eq!(push.pull_request, None);
        let gitlab = ci_run(&env_of(&[
            ("GITLAB_CI", "true"),
            ("CI_MERGE_REQUEST_IID", "4"),
            ("CI_COMMIT_SHA", "def456"),
        ]))
        .unwrap();
        let pr = gitlab.pull_request.unwrap();
        assert_eq!((pr.number, pr.head.as_deref()), (4, Some("def456")));
    }

    #[test]
    fn a_folder_outside_git_records_no_repository() {
        let dir = tempfile::tempdir().unwrap();
        let s = source(dir.path(), &env_of(&[]));
        assert_eq!((s.commit, s.branch, s.dirty), (None, None, None));
    }
}
